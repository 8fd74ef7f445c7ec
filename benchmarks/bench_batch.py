"""Benchmark: parse_files + write_parquet over a collection, against a plain parse loop; memory; start-up.

Run: python benchmarks/bench_batch.py [--repeat N] [--skip-memory] [--skip-startup]

Reads the 298 bulk Security Council texts and the development corpus's text files (from
../shared beside the checkout; says so and stops without them) and reports:

- documents per second of a plain ``parse_file`` loop, and of ``parse_files`` with 1 and 2
  workers writing the tables to Parquet (best of N runs each, taking turns, and the range);
- the peak memory (max RSS) of ``write_parquet(parse_files(...))`` over the bulk folder listed
  once and listed ten times, each in a fresh process (with 2 workers: the main process and the
  largest worker);
- the command line's start-up: ``python -c "import resolutions"``, and ``python -m resolutions``
  on a one-paragraph file with the grammar cache warm and with it off.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import resolutions

SHARED = Path(__file__).resolve().parents[2] / "shared"


def collection() -> list[Path]:
    bulk = sorted((SHARED / "bulk" / "unsc").glob("*.txt"))
    corpus = sorted(p for p in (SHARED / "corpus").glob("*/*") if p.suffix in (".txt", ".md"))
    if not bulk:
        sys.exit(f"no bulk texts in {SHARED / 'bulk' / 'unsc'}")
    return bulk + corpus


def plain_loop(files: list[Path]) -> int:
    count = 0
    for path in files:
        count += len(resolutions.parse_all_file(path))
    return count


def records_loop(files: list[Path]) -> int:
    """The plain loop, also making each document's records (which find its citations)."""
    count = 0
    for path in files:
        for document in resolutions.parse_all_file(path):
            document.records()
            count += 1
    return count


def batch_to_parquet(files: list[Path], workers: int, folder: str) -> int:
    written = resolutions.write_parquet(resolutions.parse_files(files, workers=workers, progress=False), folder)
    import pyarrow.parquet

    return int(pyarrow.parquet.read_metadata(written["documents"]).num_rows)


def speed(files: list[Path], repeat: int) -> None:
    resolutions.load_grammar().compiled()
    runs: dict[str, list[float]] = {
        "plain parse loop": [],
        "parse + records loop": [],
        "parse_files, 1 worker": [],
        "parse_files, 2 workers": [],
    }
    cpu: dict[str, list[float]] = {name: [] for name in runs}
    documents = plain_loop(files)  # warms the caches
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(repeat):  # the modes take turns, so a burst of load elsewhere hits all alike
            for name in runs:
                started = time.perf_counter()
                used = _cpu()
                if name.startswith("plain"):
                    count = plain_loop(files)
                elif name.startswith("parse +"):
                    count = records_loop(files)
                else:
                    count = batch_to_parquet(files, 1 if "1 worker" in name else 2, folder)
                runs[name].append(time.perf_counter() - started)
                cpu[name].append(_cpu() - used)
                assert count == documents, (name, count, documents)
    print(f"{len(files)} files, {documents} documents, {repeat} runs each (best, and the range of documents/s)")
    rates = {name: [documents / t for t in times] for name, times in runs.items()}
    for name, values in rates.items():
        print(f"  {name:24} {max(values):7.0f} documents/s  (range {min(values):.0f}-{max(values):.0f})")
    one, two, plain = (max(rates[n]) for n in ("parse_files, 1 worker", "parse_files, 2 workers", "plain parse loop"))
    with_records = max(rates["parse + records loop"])
    print(f"  2 workers / 1 worker: {two / one:.2f}x   1 worker / plain loop: {one / plain:.0%}", end="")
    print(f"   1 worker / parse + records loop: {one / with_records:.0%}")
    # CPU time (this process and its workers) tells the work done whatever else runs on the machine:
    # two workers can be at most (2 x CPU of one) / (CPU of two) times faster on two idle cores.
    least = {name: min(values) for name, values in cpu.items()}
    print("  CPU seconds per run (least): " + ", ".join(f"{n} {v:.2f}" for n, v in least.items()))
    one_cpu, two_cpu = least["parse_files, 1 worker"], least["parse_files, 2 workers"]
    bound = 2 * one_cpu / two_cpu
    print(f"  two workers' CPU / one worker's: {two_cpu / one_cpu:.2f} (bound on two idle cores: {bound:.2f}x)")


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def memory() -> None:
    for workers in (1, 2):
        peaks = {}
        for times in (1, 10):
            done = subprocess.run(
                [sys.executable, __file__, "--memory-child", str(times), str(workers)],
                capture_output=True,
                text=True,
                check=True,
            )
            peaks[times] = [int(v) for v in done.stdout.split()]
        main1, child1 = peaks[1]
        main10, child10 = peaks[10]
        print(
            f"  {workers} worker(s): peak RSS, bulk folder once: main {main1 / 1024:.0f} MB"
            + (f", worker {child1 / 1024:.0f} MB" if workers > 1 else "")
            + f"; ten times: main {main10 / 1024:.0f} MB"
            + (f", worker {child10 / 1024:.0f} MB" if workers > 1 else "")
            + f"  (ratio {max(main10, child10) / max(main1, child1):.2f})"
        )


def memory_child(times: int, workers: int) -> None:
    files = sorted((SHARED / "bulk" / "unsc").glob("*.txt")) * times
    with tempfile.TemporaryDirectory() as folder:
        batch_to_parquet(files, workers, folder)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(own, children)


def startup(repeat: int) -> None:
    one = Path(tempfile.mkdtemp()) / "one.txt"
    one.write_text("The Security Council,\n\n1. Decides to remain seized of the matter.\n", encoding="utf-8")
    commands = {
        "python -c 'import resolutions'": ([sys.executable, "-c", "import resolutions"], {}),
        "resolutions FILE (grammar cache warm)": ([sys.executable, "-m", "resolutions", str(one)], {}),
        "resolutions FILE (cache off)": (
            [sys.executable, "-m", "resolutions", str(one)],
            {"RESOLUTIONS_CACHE": "off"},
        ),
        "python -c 'pass' (Python itself)": ([sys.executable, "-c", "pass"], {}),
    }
    subprocess.run(commands["resolutions FILE (grammar cache warm)"][0], capture_output=True, check=True)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, (command, env) in commands.items():
            started = time.perf_counter()
            subprocess.run(command, capture_output=True, check=True, env={**os.environ, **env})
            times[name].append(time.perf_counter() - started)
    for name, values in times.items():
        print(f"  {name:40} best {min(values):.3f} s, median {statistics.median(values):.3f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--skip-startup", action="store_true")
    parser.add_argument("--memory-child", nargs=2, type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        memory_child(*args.memory_child)
        return
    speed(collection(), args.repeat)
    if not args.skip_memory:
        print("memory (each in a fresh process):")
        memory()
    if not args.skip_startup:
        print(f"start-up ({args.repeat * 2} runs each):")
        startup(args.repeat * 2)


if __name__ == "__main__":
    main()
