"""Read PDF files: turn a PDF into the text the parser reads best.

Needs the optional extra: ``pip install "resolutions[pdf]"`` (pypdfium2, Google's PDFium).

>>> from resolutions.pdf import read_pdf            # doctest: +SKIP
>>> text = read_pdf("A_RES_73_7-EN.pdf")            # doctest: +SKIP
>>> resolutions.parse(text).to_source() == text     # doctest: +SKIP
True

The reader uses what the PDF knows and plain text does not: fonts (italic verb phrases),
sizes and positions (superscript references, footnotes at the foot of a page, numbers in the
left margin), and repetition across pages (running headers and footers). See docs/pdf.md.
"""

from __future__ import annotations

import gc
import statistics
import time
from pathlib import Path

from resolutions.errors import ParseError
from resolutions.nodes import Diagnostic, Span
from resolutions.pdf.columns import reading_order
from resolutions.pdf.engine import LOCK, PdfSupportMissingError, open_document, read_page
from resolutions.pdf.furniture import mark_furniture
from resolutions.pdf.limits import PdfLimits
from resolutions.pdf.lines import TextLine, page_lines
from resolutions.pdf.notes import Note, mark_notes, split_notes
from resolutions.pdf.page import PageData
from resolutions.pdf.preflight import check_streams
from resolutions.pdf.render import measure, render
from resolutions.reading import Extracted, read_path_bytes

__all__ = ["PdfLimits", "PdfSupportMissingError", "extract_pdf", "is_pdf", "read_pdf"]

#: Share of undecodable pieces (fonts without a Unicode map) above which the text is unusable.
_UNMAPPED_SHARE = 0.3
#: A page without text whose images cover this share of it is a scanned page.
_SCAN_SHARE = 0.5
_OCR_HINT = "run OCR first, for example: ocrmypdf input.pdf output.pdf, then read output.pdf"


def read_pdf(source: str | Path | bytes, *, password: str = "", limits: PdfLimits | None = None) -> str:
    """Read a PDF and return its text, in the Markdown flavour :func:`resolutions.parse` reads.

    Page furniture (job numbers, barcodes, page numbers, running headers) is left out;
    paragraphs are rejoined across lines and pages and hyphenated words repaired; italic runs
    are written ``*...*``, footnote references ``<sup>n</sup>``, and the footnote bodies follow
    the text after a ``---`` rule, one ``<sup>n</sup> text`` line each.

    Args:
        source: The PDF: a path, or its bytes.
        password: The password of an encrypted PDF.
        limits: How much the reader may read (pages, bytes, characters, time); see
            :class:`~resolutions.pdf.limits.PdfLimits`.

    Returns:
        The text. ``resolutions.parse(text).to_source()`` gives it back exactly.

    Raises:
        ParseError: The file is not a readable PDF: encrypted, damaged, or without a text
            layer (a scan: run OCR first).
        LimitError: The file passes one of ``limits`` (a PDF bomb, or a very large file).
        FileReadError: The path cannot be read (a ``FileNotFoundError``, ...).
        PdfSupportMissingError: The ``pdf`` extra is not installed.
    """
    if isinstance(source, bytes):
        data, name = source, "<bytes>"
    else:
        data, name = read_path_bytes(source), str(source)
    return extract_pdf(data, name=name, password=password, limits=limits).text


def extract_pdf(data: bytes, *, name: str, password: str = "", limits: PdfLimits | None = None) -> Extracted:
    """Read a PDF's bytes: its text, and diagnostics for what the text cannot show (scanned pages)."""
    limits = limits or PdfLimits()
    started = time.monotonic()
    _check_bytes(data, name, limits)
    check_streams(data, name, limits, started)
    collecting = gc.isenabled()
    gc.disable()  # the reader makes many small objects and no cycles: collection is wasted work
    try:
        pages, lines = _read_pages(data, name, password, limits, started)
        _check_text(name, pages)
        return Extracted(_compose(pages, lines), _scanned_pages(name, pages))
    finally:
        if collecting:
            gc.enable()


def _read_pages(
    data: bytes, name: str, password: str, limits: PdfLimits, started: float
) -> tuple[list[PageData], list[list[TextLine]]]:
    """Read the pages one by one into lines; only the lines are kept (memory stays flat)."""
    pages: list[PageData] = []
    lines: list[list[TextLine]] = []
    with LOCK, open_document(data, name, password) as document:
        count = len(document)
        if count > limits.pages:
            raise limits.exceeded("pages", f"{name} has {count:,} pages")
        for number in range(count):
            if time.monotonic() - started > limits.seconds:
                raise limits.exceeded("seconds", f"reading {name} took more than {limits.seconds:.0f} s", cut=True)
            page, pieces = read_page(document, number, name, limits)
            pages.append(page)
            lines.append(reading_order(page_lines(pieces, number), page.width))
    return pages, lines


def is_pdf(path: str | Path) -> bool:
    """Tell a PDF file by its name (".pdf") or its first bytes ("%PDF-")."""
    path = Path(path)
    if path.suffix.lower() == ".pdf":
        return True
    try:
        with path.open("rb") as handle:
            return b"%PDF-" in handle.read(1024)
    except OSError:
        return False


def _compose(pages: list[PageData], lines: list[list[TextLine]]) -> str:
    """Sort the lines into furniture, body and notes, and render the body and its notes."""
    mark_furniture(pages, lines)
    width = statistics.mode(page.width for page in pages)
    metrics = measure((line for page in lines for line in page if line.role == "body"), width)
    mark_notes(pages, lines, metrics.size, metrics.pitch)
    body: list[TextLine] = []
    notes: list[Note] = []
    for page in lines:
        body.extend(line for line in page if line.role == "body")
        page_notes = split_notes([line for line in page if line.role == "note"])
        if page_notes and not page_notes[0].marker and notes:  # a note carried over from the page before
            notes[-1].lines.extend(page_notes.pop(0).lines)
        notes.extend(page_notes)
    return render(body, notes, metrics)


def _check_bytes(data: bytes, name: str, limits: PdfLimits) -> None:
    if b"%PDF-" not in data[:1024]:
        raise ParseError(
            f"{name} is not a PDF file (it does not start with '%PDF-')",
            expected="a PDF file",
            hint="if it is text, give it a .txt name; if it was downloaded, check that the download is complete",
        )
    if len(data) > limits.file_bytes:
        raise limits.exceeded("file_bytes", f"{name} is {len(data) / (1024 * 1024):,.0f} MB")


def _check_text(name: str, pages: list[PageData]) -> None:
    if not pages:
        raise ParseError(f"{name} has no pages", expected="a PDF with at least one page of text")
    chars = sum(page.chars for page in pages)
    if not chars:
        if any(page.images for page in pages):
            raise ParseError(
                f"{name} has no text layer: its {len(pages)} page(s) are images (a scan or a photo)",
                expected="a PDF with a text layer",
                hint=_OCR_HINT,
            )
        raise ParseError(
            f"{name} has no text: its {len(pages)} page(s) are blank or only drawn",
            expected="a PDF with a text layer",
            hint="if the pages show text, it is drawn as shapes: " + _OCR_HINT,
        )
    unmapped = sum(page.unmapped for page in pages)
    if unmapped > _UNMAPPED_SHARE * sum(page.words for page in pages):
        raise ParseError(
            f"{name} has a text layer that cannot be decoded: its fonts do not say which characters they draw",
            expected="fonts with a Unicode map",
            hint=_OCR_HINT,
        )


def _scanned_pages(name: str, pages: list[PageData]) -> tuple[Diagnostic, ...]:
    """Say which pages are images without text: a scanned page inside a text PDF loses its text."""
    return tuple(
        Diagnostic(
            "warning",
            "scanned-page",
            f"page {page.number + 1} of {name} is an image without a text layer (a scan): its text is not read",
            "a text layer; " + _OCR_HINT,
            Span(0, 0),
        )
        for page in pages
        if not page.chars and page.image_share >= _SCAN_SHARE
    )
