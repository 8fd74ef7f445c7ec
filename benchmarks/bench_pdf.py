"""Benchmark: PDF -> Document time per page, beside pdftotext measured in the same run.

Run: python benchmarks/bench_pdf.py [--repeat N] [FILE.pdf ...]
     python benchmarks/bench_pdf.py --bombs
     python benchmarks/bench_pdf.py --volume 500

Default files: the corpus PDFs (../shared/corpus/*/*.pdf) and the WHA66 PDFs
(../shared/bulk/wha66/*.pdf). For each PDF, reports the best of N runs (the run least disturbed
by other work on a shared machine) of ``resolutions.parse_file``, split into reading the PDF
(``read_pdf``: PDFium, then the reader's layout work) and parsing the text, in milliseconds per
page; and ``pdftotext`` (poppler, a separate process, its start included) on the same file.
The totals give milliseconds per page over all pages and the ratio to pdftotext. Needs the pdf
extra; pdftotext is skipped when it is not installed (Debian: apt-get install poppler-utils).

With ``--bombs``, reads the hostile PDFs of issue 14 instead (written by
``tests/test_pdf_limits.py``), each in a fresh process, and reports the time to the result or
the error and the process's peak memory: the goal is 5 s and 600 MB.

With ``--volume N``, writes a volume of about N pages (the tests' UN-style document with as
many paragraphs as it takes) and reads it in a fresh process: time per page and peak memory,
to see that a long volume costs memory in proportion to its text, not to its pages' drawings.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import resolutions
from resolutions.pdf import read_pdf
from resolutions.pdf.engine import open_document

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def best(repeat: int, work: Callable[[], object]) -> float:
    """Return the best time of ``repeat`` calls of ``work``."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def page_count(path: Path) -> int:
    with open_document(path.read_bytes(), str(path), "") as document:
        return len(document)


_BOMB_RUN = """
import resource, sys, time
import resolutions
from resolutions.errors import ResolutionsError
from resolutions.pdf import read_pdf
data = open(sys.argv[1], "rb").read()
started = time.perf_counter()
try:
    if sys.argv[2:] == ["parse"]:
        document = resolutions.parse(read_pdf(data))
        outcome = f"{len(document.records())} paragraphs"
    else:
        outcome = f"{len(read_pdf(data))} characters"
except ResolutionsError as error:
    outcome = f"{type(error).__name__} ({getattr(error, 'limit', '')})"
seconds = time.perf_counter() - started
try:  # the high-water mark of this process's own memory (ru_maxrss also counts the parent's, on Linux)
    status = open("/proc/self/status").read()
    peak = int(status.split("VmHWM:")[1].split()[0]) / 1024
except (OSError, IndexError):
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{seconds:.2f} s, peak {peak:.0f} MB: {outcome}")
"""


def bombs() -> None:
    """Read each bomb in a fresh process; print its time and the process's peak memory."""
    import tempfile

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the bombs are written by the tests
    from tests.pdfgen import drawn_page
    from tests.test_pdf_limits import glyph_bomb, spaces_bomb

    row = b"(" + b"AB " * 300 + b") ' "
    lines = b"BT /F1 0.3 Tf 0.35 TL 10 780 Td " + row * 2300 + b"ET"  # just under the page content limit
    cases = {
        "3 million glyphs on one page": glyph_bomb(),
        "a stream of 300 MB of spaces": spaces_bomb(),
        "a page at the content limit": drawn_page(lines),
    }
    with tempfile.TemporaryDirectory() as folder:
        for label, data in cases.items():
            path = Path(folder) / "bomb.pdf"
            path.write_bytes(data)
            done = subprocess.run(
                [sys.executable, "-c", _BOMB_RUN, str(path)], capture_output=True, text=True, check=True
            )
            print(f"{label:<32} {len(data) / 1024:>6.0f} KB  {done.stdout.strip()}")


def volume(pages: int) -> None:
    """Write a volume of about ``pages`` pages, read and parse it in a fresh process."""
    import tempfile

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the document is the tests'
    from tests.test_pdf import un_document

    with tempfile.TemporaryDirectory() as folder:
        path = un_document(Path(folder) / "volume.pdf", paragraphs=int(pages * 11.5))
        count = page_count(path)
        done = subprocess.run(
            [sys.executable, "-c", _BOMB_RUN, str(path), "parse"], capture_output=True, text=True, check=True
        )
        seconds = float(done.stdout.split(" s,")[0])
        size = path.stat().st_size / 1e6
        print(f"{count} pages, {size:.1f} MB: {done.stdout.strip()}; {seconds / count * 1e3:.1f} ms per page")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="PDFs (default: the corpus and WHA66 PDFs)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--bombs", action="store_true", help="read the hostile PDFs of issue 14 instead")
    parser.add_argument("--volume", type=int, metavar="PAGES", help="read a long volume written for the purpose")
    args = parser.parse_args()
    if args.bombs:
        bombs()
        return
    if args.volume:
        volume(args.volume)
        return
    files = args.files or sorted(SHARED.glob("corpus/*/*.pdf")) + sorted(SHARED.glob("bulk/wha66/*.pdf"))
    if not files:
        raise SystemExit(f"no PDFs given and none under {SHARED}")
    poppler = shutil.which("pdftotext")
    resolutions.parse("The General Assembly,\n\n1. Decides to remain seized of the matter.\n")  # build the grammar
    print(f"{'file':<28} {'pages':>5} {'read':>7} {'parse':>7} {'total':>7} {'pdftotext':>9}  (ms per page)")
    totals = {"pages": 0.0, "read": 0.0, "parse": 0.0, "whole": 0.0, "poppler": 0.0}
    for path in files:
        pages = page_count(path)
        text = read_pdf(path)
        reading = best(args.repeat, lambda path=path: read_pdf(path))
        parsing = best(args.repeat, lambda text=text: resolutions.parse(text))
        whole = best(args.repeat, lambda path=path: resolutions.parse_file(path))
        command = [poppler or "", str(path), "-"]
        external = (
            best(args.repeat, lambda c=command: subprocess.run(c, check=True, capture_output=True)) if poppler else 0.0
        )
        for key, value in (
            ("pages", pages),
            ("read", reading),
            ("parse", parsing),
            ("whole", whole),
            ("poppler", external),
        ):
            totals[key] += value
        name = f"{path.parent.name}/{path.name}"[-28:]
        cells = [seconds / pages * 1e3 for seconds in (reading, parsing, whole, external)]
        print(f"{name:<28} {pages:>5} {cells[0]:>7.1f} {cells[1]:>7.1f} {cells[2]:>7.1f} {cells[3]:>9.1f}")
    pages = totals["pages"]
    per_page = {key: totals[key] / pages * 1e3 for key in ("read", "parse", "whole", "poppler")}
    print(
        f"all: {pages:.0f} pages; PDF -> Document {per_page['whole']:.2f} ms per page "
        f"(reading {per_page['read']:.2f}, parsing {per_page['parse']:.2f})"
    )
    if poppler:
        print(f"pdftotext: {per_page['poppler']:.2f} ms per page; ratio {per_page['whole'] / per_page['poppler']:.2f}x")


if __name__ == "__main__":
    main()
