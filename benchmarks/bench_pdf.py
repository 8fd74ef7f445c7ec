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
from functools import partial
from pathlib import Path

import resolutions
from resolutions.pdf import read_pdf
from resolutions.pdf.engine import open_document

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def best(repeat: int, work: Callable[[], object]) -> tuple[float, float]:
    """Return the best wall time and the best CPU time of ``repeat`` calls of ``work``.

    CPU time counts this process and the children it waited for (pdftotext): on a machine
    shared with other work it moves less than the wall clock.
    """
    walls, cpus = [], []
    for _ in range(repeat):
        cpu = _cpu()
        started = time.perf_counter()
        work()
        walls.append(time.perf_counter() - started)
        cpus.append(_cpu() - cpu)
    return min(walls), min(cpus)


def _cpu() -> float:
    own = time.process_time()
    try:
        import resource

        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        return own + children.ru_utime + children.ru_stime
    except ImportError:  # not on Windows
        return own


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
    print(f"{'file':<28} {'pages':>5} {'read':>7} {'parse':>7} {'total':>7} {'pdftotext':>9}  (ms per page, wall)")
    keys = ("read", "parse", "whole", "poppler")
    wall = dict.fromkeys(keys, 0.0)
    cpu = dict.fromkeys(keys, 0.0)
    pages = 0
    for path in files:
        count = page_count(path)
        pages += count
        text = read_pdf(path)
        command = [poppler or "", str(path), "-"]
        works: dict[str, Callable[[], object]] = {
            "read": partial(read_pdf, path),
            "parse": partial(resolutions.parse, text),
            "whole": partial(resolutions.parse_file, path),
            "poppler": partial(subprocess.run, command, check=True, capture_output=True) if poppler else str,
        }
        cells = []
        for key, work in works.items():
            seconds, processor = best(args.repeat, work)
            wall[key] += seconds
            cpu[key] += processor
            cells.append(seconds / count * 1e3)
        name = f"{path.parent.name}/{path.name}"[-28:]
        print(f"{name:<28} {count:>5} {cells[0]:>7.1f} {cells[1]:>7.1f} {cells[2]:>7.1f} {cells[3]:>9.1f}")
    for label, figures in (("wall", wall), ("CPU", cpu)):
        per_page = {key: figures[key] / pages * 1e3 for key in keys}
        print(
            f"all ({label}): {pages} pages; PDF -> Document {per_page['whole']:.2f} ms per page "
            f"(reading {per_page['read']:.2f}, parsing {per_page['parse']:.2f})",
            end="",
        )
        if poppler:
            ratio = per_page["whole"] / per_page["poppler"]
            print(f"; pdftotext {per_page['poppler']:.2f} ms per page; ratio {ratio:.2f}x", end="")
        print()


if __name__ == "__main__":
    main()
