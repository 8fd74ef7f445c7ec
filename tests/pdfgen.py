"""Make small PDFs for the PDF reader's tests: a tiny typesetter on fpdf2.

Text is written with a light markup: ``*italic*``, ``**bold**`` and ``^1^`` for a superscript
(a footnote reference). Paragraphs are justified between the margins and flow onto new pages;
each page can carry footnotes under a short rule, and page furniture in the UN manner (a
running header, the job number, a barcode, "n/N" page numbers).
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from fpdf import FPDF

_TOKEN = re.compile(r"\*\*(.+?)\*\*|\*(.+?)\*|\^(.+?)\^|([^*^]+)")


@dataclass
class Word:
    """A word as a list of (text, style, raised) pieces: "Court,^1^" is two pieces."""

    pieces: list[tuple[str, str, bool]] = field(default_factory=list)


def words(marked: str) -> list[Word]:
    """Split marked-up text into words, keeping the style of each piece."""
    out: list[Word] = [Word()]
    for bold, italic, sup, plain in _TOKEN.findall(marked):
        text, style, raised = (
            (bold, "B", False)
            if bold
            else (italic, "I", False)
            if italic
            else (sup, "", True)
            if sup
            else (plain, "", False)
        )
        parts = re.split(r"(\s+)", text)
        for part in parts:
            if not part:
                continue
            if part.isspace():
                if out[-1].pieces:
                    out.append(Word())
            else:
                out[-1].pieces.append((part, style, raised))
    return [word for word in out if word.pieces]


@dataclass
class Sheet:
    """A document being typeset: UN-like margins on US Letter pages, in points."""

    size: float = 10.0
    left: float = 123.4
    right: float = 488.0
    top: float = 82.0
    bottom: float = 690.0
    pitch: float = 12.0
    gap: float = 6.0
    indent: float = 24.0
    symbol: str = "A/RES/99/1"
    job: str = "24-00001"
    furniture: bool = True
    notes: list[list[tuple[str, str]]] = field(default_factory=list)
    rule: str = "drawn"  # "drawn", "typed" or "none"
    note_size: float = 8.5

    def __post_init__(self) -> None:
        self.pdf = FPDF(unit="pt", format="Letter")
        self.pdf.set_auto_page_break(False)
        self.y = 0.0
        self.limit = 0.0
        self.pages = 0
        self.new_page()

    # ------------------------------------------------------------------ pages
    def new_page(self) -> None:
        """Finish nothing, start a page: furniture, and the footnotes queued for it."""
        self.pdf.add_page()
        self.pages += 1
        self.y = self.top
        notes = self.notes.pop(0) if self.notes else []
        self.limit = self.bottom - len(notes) * 11 - (14 if notes else 0)
        if self.furniture:
            self._furniture()
        self._notes(notes)

    def _furniture(self) -> None:
        pdf = self.pdf
        if self.pages == 1:
            self.write_line(65, 748, self.job + " (E) 010124", size=10)
            pdf.set_font("Courier", "B", 12)
            pdf.text(65, 762, "*" + self.job.replace("-", "") + "*")
        else:
            self.write_line(60 if self.pages % 2 == 0 else 440, 60, "**" + self.symbol + "**", size=8.5)
            self.write_line(524 if self.pages % 2 == 0 else 60, 754, self.job, size=7)

    def _notes(self, notes: list[tuple[str, str]]) -> None:
        if not notes:
            return
        y = self.limit + 14
        if self.rule == "drawn":
            self.pdf.set_line_width(0.5)
            self.pdf.line(100, y - 6, 172, y - 6)
        elif self.rule == "typed":
            self.write_line(100, y - 4, "__________________", size=8)
        for marker, text in notes:
            y += 11
            self.write_line(117, y - 2, f"^{marker}^", size=self.note_size)
            self.write_line(123.4, y, text, size=self.note_size)

    # ------------------------------------------------------------------ text
    def write_line(self, x: float, y: float, marked: str, size: float | None = None) -> float:
        """Write one line of marked-up text with its baseline at ``y``; return where it ends."""
        size = size or self.size
        for word in words(marked):
            x = self._word(x, y, word, size) + self._space(size)
        return x

    def paragraph(
        self, marked: str, *, number: str | None = None, indent: float | None = None, hang: float = 0.0
    ) -> None:
        """Typeset a justified paragraph, numbered or not, flowing onto new pages."""
        size = self.size
        queue = words(marked)
        first = True
        while queue:
            if self.y > self.limit:
                self.new_page()
            start = self.left + (self.indent if indent is None else indent) if first else self.left + hang
            if first and number:
                self.write_line(start, self.y, number, size)
                start += self.pdf.get_string_width(number) + 13
            line, queue = self._fill(queue, start, size)
            self._justify(line, start, self.y, size, last=not queue)
            self.y += self.pitch
            first = False
        self.y += self.gap

    def heading(self, marked: str, size: float = 12.0, x: float | None = None) -> None:
        self.write_line(self.left if x is None else x, self.y + 2, marked, size)
        self.y += self.pitch * 1.5 + self.gap

    def skip(self, points: float) -> None:
        self.y += points

    def lines(self, marked_lines: list[str], *, indent: float | None = None) -> None:
        """Typeset a paragraph broken into the lines given (justified but for the last)."""
        for index, marked in enumerate(marked_lines):
            if self.y > self.limit:
                self.new_page()
            start = self.left + ((self.indent if indent is None else indent) if index == 0 else 0)
            self._justify(words(marked), start, self.y, self.size, last=index == len(marked_lines) - 1)
            self.y += self.pitch
        self.y += self.gap

    def save(self, path: Path) -> Path:
        """Number the pages ("n/N", in the furniture), then write the file."""
        if self.furniture:
            for number in range(2, self.pages + 1):
                self.pdf.page = number
                self.write_line(60 if number % 2 == 0 else 536, 754, f"**{number}/{self.pages}**", size=8.5)
        self.pdf.output(str(path))
        return path

    # ------------------------------------------------------------------ helpers
    def _space(self, size: float) -> float:
        self.pdf.set_font("Times", "", size)
        return self.pdf.get_string_width(" ")

    def _width(self, word: Word, size: float) -> float:
        width = 0.0
        for text, style, raised in word.pieces:
            self.pdf.set_font("Times", style, size * (0.65 if raised else 1))
            width += self.pdf.get_string_width(text)
        return width

    def _word(self, x: float, y: float, word: Word, size: float) -> float:
        for text, style, raised in word.pieces:
            self.pdf.set_font("Times", style, size * (0.65 if raised else 1))
            self.pdf.text(x, y - (size * 0.35 if raised else 0), text)
            x += self.pdf.get_string_width(text)
        return x

    def _fill(self, queue: list[Word], start: float, size: float) -> tuple[list[Word], list[Word]]:
        line: list[Word] = []
        width = 0.0
        for index, word in enumerate(queue):
            extra = self._width(word, size) + (self._space(size) if line else 0)
            if line and start + width + extra > self.right:
                return line, queue[index:]
            line.append(word)
            width += extra
        return line, []

    def _justify(self, line: list[Word], start: float, y: float, size: float, *, last: bool) -> None:
        widths = [self._width(word, size) for word in line]
        space = self._space(size)
        if not last and len(line) > 1:
            space = (self.right - start - sum(widths)) / (len(line) - 1)
        x = start
        for word, width in zip(line, widths, strict=True):
            self._word(x, y, word, size)
            x += width + space


# ---------------------------------------------------------------------------------- raw PDFs


def pdf_bytes(objects: list[bytes]) -> bytes:
    """Write a PDF from its objects (numbered from 1; the first is the catalog), with a valid xref."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer << /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def stream(data: bytes, *, compress: bool = True, extra: bytes = b"") -> bytes:
    """A stream object's body: its dictionary and data, Flate-compressed unless asked not to."""
    if compress:
        data = zlib.compress(data, 9)
    flate = b" /Filter /FlateDecode" if compress else b""
    return b"<< /Length %d%s%s >>\nstream\n" % (len(data), flate, extra) + data + b"\nendstream"


def drawn_page(*contents: bytes, compress: bool = True) -> bytes:
    """A one-page PDF (US Letter, Helvetica as /F1) drawing the content streams given, in order."""
    first = 5  # the streams follow the catalog, pages, page and font objects
    references = b" ".join(b"%d 0 R" % (first + index) for index in range(len(contents)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents [%s]"
        b" /Resources << /Font << /F1 4 0 R >> >> >>" % references,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        *(stream(content, compress=compress) for content in contents),
    ]
    return pdf_bytes(objects)


def text_lines(lines: list[str], *, size: float = 11, top: float = 720, left: float = 72) -> bytes:
    """Content that writes each line at the left margin, one under the other."""
    body = b"".join(b"(%s) Tj T* " % line.replace("(", r"\(").replace(")", r"\)").encode("latin-1") for line in lines)
    return b"BT /F1 %g Tf %g TL %g %g Td " % (size, size * 1.3, left, top) + body + b"ET"
