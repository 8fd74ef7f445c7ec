"""Benchmark: text -> Document over the 298 bulk Security Council resolutions.

Run: python benchmarks/bench_bulk.py [--repeat N] [--folder PATH]

Short, hard-wrapped OCR'd files: the per-line and per-document costs, where bench_parse.py
measures long lines. Reports the best of N passes (default 5), and the peak memory of one pass.
Needs the shared corpus beside the checkout (../shared/bulk/unsc); says so and stops without it.
"""

from __future__ import annotations

import argparse
import sys
import time
import tracemalloc
from pathlib import Path

import resolutions

FOLDER = Path(__file__).resolve().parents[2] / "shared" / "bulk" / "unsc"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--folder", type=Path, default=FOLDER)
    args = parser.parse_args()
    files = sorted(args.folder.glob("*.txt"))
    if not files:
        sys.exit(f"no .txt files in {args.folder}")
    texts = [path.read_text(encoding="utf-8") for path in files]
    for text in texts:  # builds the grammar and warms the regex caches
        resolutions.parse(text)
    best = float("inf")
    for _ in range(args.repeat):
        started = time.perf_counter()
        for text in texts:
            resolutions.parse(text)
        best = min(best, time.perf_counter() - started)
    size = sum(len(text.encode("utf-8")) for text in texts)
    lines = sum(text.count("\n") for text in texts)
    tracemalloc.start()
    for text in texts:
        resolutions.parse(text)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"{len(texts)} files, {size / 1e6:.2f} MB, {lines} lines")
    print(f"best pass {best:.2f} s: {size / best / 1e6:.2f} MB/s, {best / len(texts) * 1e3:.2f} ms per file")
    print(f"peak traced memory for a pass: {peak / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
