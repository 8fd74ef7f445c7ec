"""Read PDF files: turn a PDF into the text the parser reads best.

Needs the optional extra: ``pip install "resolutions[pdf]"`` (pdfminer.six).

>>> from resolutions.pdf import read_pdf            # doctest: +SKIP
>>> text = read_pdf("A_RES_73_7-EN.pdf")            # doctest: +SKIP
>>> resolutions.parse(text).to_source() == text     # doctest: +SKIP
True

The reader uses what the PDF knows and plain text does not: fonts (italic verb phrases),
sizes and positions (superscript references, footnotes at the foot of a page, numbers in the
left margin), and repetition across pages (running headers and footers). See docs/pdf.md.
"""

from __future__ import annotations

import statistics
from pathlib import Path

from resolutions.pdf.furniture import mark_furniture
from resolutions.pdf.lines import TextLine, page_lines
from resolutions.pdf.load import TIME_LIMIT, PdfSupportMissingError, load_pages
from resolutions.pdf.notes import Note, mark_notes, split_notes
from resolutions.pdf.render import measure, render

__all__ = ["PdfSupportMissingError", "is_pdf", "read_pdf"]


def read_pdf(path: str | Path, *, password: str = "", time_limit: float = TIME_LIMIT) -> str:
    """Read a PDF and return its text, in the Markdown flavour :func:`resolutions.parse` reads.

    Page furniture (job numbers, barcodes, page numbers, running headers) is left out;
    paragraphs are rejoined across lines and pages and hyphenated words repaired; italic runs
    are written ``*...*``, footnote references ``<sup>n</sup>``, and the footnote bodies follow
    the text after a ``---`` rule, one ``<sup>n</sup> text`` line each.

    Args:
        path: The PDF file.
        password: The password of an encrypted PDF.
        time_limit: Seconds after which reading stops with an error (a guard against files
            that would take the PDF library very long).

    Returns:
        The text. ``resolutions.parse(text).to_source()`` gives it back exactly.

    Raises:
        ParseError: The file is not a readable PDF: encrypted, damaged, too large, or without
            a text layer (a scan: run OCR first).
        PdfSupportMissingError: The ``pdf`` extra is not installed.
    """
    path = Path(path)
    pages = load_pages(path, password=password, time_limit=time_limit)
    lines = [page_lines(page.glyphs, page.number) for page in pages]
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


def is_pdf(path: str | Path) -> bool:
    """Tell a PDF file by its name (".pdf") or its first bytes ("%PDF-")."""
    path = Path(path)
    if path.suffix.lower() == ".pdf":
        return True
    try:
        with path.open("rb") as handle:
            return handle.read(5) == b"%PDF-"
    except OSError:
        return False
