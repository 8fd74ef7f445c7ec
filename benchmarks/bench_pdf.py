"""Benchmark: PDF -> Document time per page on the corpus PDFs (../shared/corpus/*/*.pdf).

Run: python benchmarks/bench_pdf.py [--repeat N] [FILE.pdf ...]

For each PDF, reports the best of N runs (the run least disturbed by other work on a shared
machine) of ``resolutions.parse_file``, split into reading the PDF (pdfminer.six, then the
reader's layout work) and parsing the text, in milliseconds per page. Needs the pdf extra.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

import resolutions
from resolutions.pdf import read_pdf
from resolutions.pdf.load import load_pages

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def best(repeat: int, work: Callable[[], object]) -> float:
    """Return the best time of ``repeat`` calls of ``work``."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="PDFs (default: the shared corpus)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    files = args.files or sorted(CORPUS.glob("*/*.pdf"))
    if not files:
        raise SystemExit(f"no PDFs given and none in {CORPUS}")
    resolutions.parse("The General Assembly,\n\n1. Decides to remain seized of the matter.\n")  # build the grammar
    print(f"{'file':<28} {'pages':>5} {'read ms/p':>10} {'parse ms/p':>11} {'total ms/p':>11}")
    total_pages = 0
    total_time = 0.0
    for path in files:
        pages = len(load_pages(path))
        text = read_pdf(path)
        reading = best(args.repeat, lambda path=path: read_pdf(path))
        parsing = best(args.repeat, lambda text=text: resolutions.parse(text))
        whole = best(args.repeat, lambda path=path: resolutions.parse_file(path))
        total_pages += pages
        total_time += whole
        name = f"{path.parent.name}/{path.name}"[-28:]
        per_page = [seconds / pages * 1e3 for seconds in (reading, parsing, whole)]
        print(f"{name:<28} {pages:>5} {per_page[0]:>10.1f} {per_page[1]:>11.1f} {per_page[2]:>11.1f}")
    print(f"all: {total_pages} pages, {total_time / total_pages * 1e3:.1f} ms per page (PDF -> Document)")


if __name__ == "__main__":
    main()
