"""Benchmark: text -> Akoma Ntoso XML on seed 002 with its body repeated x1, x10 and x100.

Run: python benchmarks/bench_akn.py [--repeat N]

Seed 002 is scaled as in bench_parse.py. For each size it reports the best of N runs (the run
least disturbed by other work on a shared machine) in MB/s of input text: parse + to_akn (the
figure issue 5 sets a goal for), to_akn alone, and from_akn of the XML (by MB of text, too).
Goal (issue 5): parse + to_akn at least 2.5 MB/s at every size. For comparison, bluebell-akn
turns its own markup into AKN at about 1.9 MB/s at 50 KB and 0.45 MB/s at 4.7 MB.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from bench_parse import SEED, scaled  # run from anywhere: the script's folder is on the path

import resolutions
from resolutions.serialise.akn import from_akn, to_akn


def best(run: Callable[[], object], repeat: int) -> float:
    """Return the shortest time of ``repeat`` runs, in seconds."""
    shortest = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        shortest = min(shortest, time.perf_counter() - started)
    return shortest


def rates(sample: str, repeat: int) -> tuple[float, float, float]:
    """Return the seconds of parse + to_akn, of to_akn alone and of from_akn, best of ``repeat``."""
    both = best(lambda: to_akn(resolutions.parse(sample)), repeat)
    document = resolutions.parse(sample)
    write = best(lambda: to_akn(document), repeat)
    xml = to_akn(document)
    read = best(lambda: from_akn(xml), max(3, repeat // 3))
    return both, write, read


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    text = SEED.read_text(encoding="utf-8")
    resolutions.parse(text)  # builds and caches the grammar
    print(f"{'size':<6}{'MB':>7}  {'parse+to_akn':>13}  {'to_akn':>9}  {'from_akn':>9}")
    for times in (1, 10, 100):
        sample = scaled(text, times)
        megabytes = len(sample.encode("utf-8")) / 1e6
        both, write, read = rates(sample, max(3, args.repeat // times if times > 10 else args.repeat))
        print(
            f"x{times:<5}{megabytes:7.2f}  {megabytes / both:8.2f} MB/s  {megabytes / write:5.1f} MB/s"
            f"  {megabytes / read:5.2f} MB/s"
        )


if __name__ == "__main__":
    main()
