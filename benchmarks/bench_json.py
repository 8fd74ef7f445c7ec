"""Benchmark: JSON against parsing, on seed 002 with its body repeated x1 and x10.

Run: python benchmarks/bench_json.py [--repeat N]

Reports the best of N runs (the run least disturbed by other work on a shared machine) of
parse, to_dict, to_json, from_dict and from_json, in milliseconds, and to_json's time as a share
of parse's. Goal (issue 3): writing JSON costs no more than parsing the text did.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import resolutions
from resolutions.serialise.json import from_dict, from_json, to_dict, to_json

SEED = Path(__file__).resolve().parents[1] / "examples" / "002_5927ce86d9264869.txt"


def scaled(text: str, times: int) -> str:
    """Repeat the body (from the first numbered paragraph on) ``times`` times."""
    start = text.index("\n1. ")
    return text[:start] + text[start:] * times


def best_ms(work: Callable[[Any], object], argument: Any, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        work(argument)
        best = min(best, time.perf_counter() - started)
    return best * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    text = SEED.read_text(encoding="utf-8")
    from_json(to_json(resolutions.parse(text)))  # builds the grammar and the converter
    for times in (1, 10):
        sample = scaled(text, times)
        document = resolutions.parse(sample)
        data, written = to_dict(document), to_json(document)
        timings = {
            "parse": best_ms(resolutions.parse, sample, args.repeat),
            "to_dict": best_ms(to_dict, document, args.repeat),
            "to_json": best_ms(to_json, document, args.repeat),
            "from_dict": best_ms(from_dict, data, args.repeat),
            "from_json": best_ms(from_json, written, args.repeat),
        }
        shown = "  ".join(f"{name} {ms:7.2f} ms" for name, ms in timings.items())
        share = timings["to_json"] / timings["parse"]
        print(f"x{times:<3} {len(sample) / 1e3:6.0f} kB text, {len(written) / 1e3:6.0f} kB JSON  {shown}")
        print(f"     to_json / parse = {share:.2f}")


if __name__ == "__main__":
    main()
