"""Benchmark: parse time of every hostile family (tests/families.py) at n, 4n and 16n characters.

Run: python benchmarks/bench_complexity.py [--size N] [--repeats R] [--only PREFIX]

Each family (one or more per grammar terminal and per layout rule) is read at three sizes, the
smallest N characters (16,000 by default, so 256,000 at 16n; about 15 minutes in all), and the
best of R runs of CPU time is kept per size. A family fails when its time grows more than twice
as fast as linearly from 4n to 16n (8 times as long for 4 times the text; a quadratic path takes
16 times) while it takes more than 0.5 s per MB, or when it takes more than 5 s per MB at 16n
(issue 14). The script prints the slowest families and every failure, and exits with status 1
if any family fails. ``tests/test_complexity.py`` runs the same families at small sizes in the
test suite.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the checkout's tests/ package

from tests.families import Growth, all_families, measure

#: Growth allowed beyond linear, from 4n to 16n.
SLACK = 2.0
#: The most time a family may take per MB of text at 16n.
SECONDS_PER_MB = 5.0
#: Growth counts above this time per MB: a family read faster (a text of one long token, blank
#: lines) takes a few passes over memory, and reads several times slower per byte once the text
#: no longer fits the processor's caches (between 64,000 and 256,000 characters here).
FLOOR = 0.5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=16_000, help="the smallest size, in characters (default 16000)")
    parser.add_argument("--repeats", type=int, default=3, help="runs per size; the best counts (default 3)")
    parser.add_argument("--only", default="", help="run the families whose name starts with this")
    args = parser.parse_args()
    sizes = (args.size, args.size * 4, args.size * 16)
    families = [family for family in all_families() if family.name.startswith(args.only)]
    started = time.perf_counter()
    results: list[tuple[str, Growth, str | None]] = []
    for family in families:
        growth = measure(family, sizes, args.repeats)
        problem = growth.problem(SLACK, SECONDS_PER_MB, FLOOR)
        if problem is not None:  # a burst of load from elsewhere: measure again before it counts
            growth = measure(family, sizes, args.repeats * 3)
            problem = growth.problem(SLACK, SECONDS_PER_MB, FLOOR)
        results.append((family.name, growth, problem))
        if problem is not None:
            print(f"FAIL {family.name}: {problem}", flush=True)
    print(
        f"\n{len(families)} families at {sizes[0]:,} / {sizes[1]:,} / {sizes[2]:,} characters, "
        f"{time.perf_counter() - started:.0f} s\n"
    )
    print(f"{'family':44} {'16n/4n':>7} {'16n/n':>7} {'s/MB':>6}")
    for name, growth, _ in sorted(results, key=lambda result: -result[1].seconds_per_mb())[:25]:
        print(f"{name:44} {growth.last_step():7.1f} {growth.ratio():7.1f} {growth.seconds_per_mb():6.2f}")
    steepest = max(results, key=lambda result: result[1].last_step())
    print(f"\nsteepest step: {steepest[0]} ({steepest[1].last_step():.1f} times for 4 times the text)")
    failures = [name for name, _, problem in results if problem is not None]
    print(f"{len(failures)} failure(s)" + (": " + ", ".join(failures) if failures else ""))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
