"""Benchmark: text -> Document on seed 002 with its body repeated x1, x10 and x100.

Run: python benchmarks/bench_parse.py [--seconds S] [--citations]

Reports, per size, the best run in MB/s of input (the best run is the one least disturbed by
other work on a shared machine), and the ratio of x100 to x1 (1.0 is perfectly linear). The
sizes take turns, round after round, for about S seconds each: a burst of load from elsewhere
then slows a few runs of every size rather than all the runs of one.
Goal (issue 2): at least 5 MB/s at every size, x100 at no less than 80% of x1.
With ``--citations`` each run also finds the document's citations (``doc.citations()``, which
the parse does not do by itself): the goal of issue 12 is 5 MB/s for the two together.
Then the memory a parse holds (the document) and needs at its peak, from tracemalloc.
"""

from __future__ import annotations

import argparse
import time
import tracemalloc
from pathlib import Path

import resolutions

SEED = Path(__file__).resolve().parents[1] / "examples" / "002_5927ce86d9264869.txt"


def scaled(text: str, times: int) -> str:
    """Repeat the body (from the first numbered paragraph on) ``times`` times."""
    start = text.index("\n1. ")
    return text[:start] + text[start:] * times


def best_rates(samples: dict[int, str], seconds: float, citations: bool = False) -> dict[int, float]:
    """Time the sizes in turn, round after round, and return each one's best rate."""
    best = dict.fromkeys(samples, float("inf"))
    spent = dict.fromkeys(samples, 0.0)
    while min(spent.values()) < seconds or any(b == float("inf") for b in best.values()):
        for times, sample in samples.items():
            if spent[times] >= seconds and best[times] != float("inf"):
                continue
            started = time.perf_counter()
            document = resolutions.parse(sample)
            if citations:
                document.citations()
            took = time.perf_counter() - started
            best[times] = min(best[times], took)
            spent[times] += took
    return {times: len(samples[times].encode("utf-8")) / best[times] / 1e6 for times in samples}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=4.0, help="time spent on each size (default 4)")
    parser.add_argument("--citations", action="store_true", help="find each document's citations too")
    args = parser.parse_args()
    text = SEED.read_text(encoding="utf-8")
    started = time.perf_counter()
    resolutions.parse(text)  # builds and caches the grammar
    print(f"grammar build + first parse: {time.perf_counter() - started:.2f} s")
    samples = {times: scaled(text, times) for times in (1, 10, 100)}
    rates = best_rates(samples, args.seconds, args.citations)
    if args.citations:
        print("text -> Document -> citations")
    for times, sample in samples.items():
        print(f"x{times:<4} {len(sample) / 1e6:7.2f} MB  {rates[times]:6.2f} MB/s")
    print(f"x100 / x1 = {rates[100] / rates[1]:.2f}")
    for times in (1, 100):
        sample = scaled(text, times)
        tracemalloc.start()
        document = resolutions.parse(sample)
        kept, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        del document
        print(f"x{times:<4} memory: document {kept / 1e6:.1f} MB, peak while parsing {peak / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
