"""Open a PDF and take out, page by page, what the reader needs: glyphs, rules and images.

This is the only module that talks to the PDF library (pdfminer.six). Everything that can go
wrong with a file (a missing extra, a password, a damaged or truncated file, a scan with no
text layer, a file too big to read in reasonable time) becomes a
:class:`~resolutions.errors.ParseError` that says what is wrong and what to do; no library
exception reaches the caller.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from attrs import define, frozen

from resolutions.errors import ParseError
from resolutions.pdf.glyphs import Glyph, make_glyph

if TYPE_CHECKING:
    from pdfminer.layout import LTChar, LTPage

#: The most pages read; a longer file is a compilation to cut first (a WHA volume is ~300).
MAX_PAGES = 1000
#: The largest file read, in bytes.
MAX_BYTES = 200 * 1024 * 1024
#: The most glyphs taken from one page: more is a drawing or a table of figures, not a resolution,
#: and would only slow the reader down.
MAX_GLYPHS_PER_PAGE = 60_000
#: Seconds the reader may spend before it stops with an error (checked between pages).
TIME_LIMIT = 300.0
#: A rule is a horizontal stroke no thicker than this (points).
_RULE_THICKNESS = 2.0
#: Share of undecodable glyphs ("(cid:12)") above which the text layer is unusable.
_CID_SHARE = 0.3
#: Two glyphs of the same text closer than this (points) are one glyph drawn twice (fake bold).
_DUPLICATE = 1.0

_INSTALL_HINT = 'install the PDF extra: pip install "resolutions[pdf]"'
_OCR_HINT = "run OCR first, for example: ocrmypdf input.pdf output.pdf, then read output.pdf"


class PdfSupportMissingError(ParseError, ImportError):
    """The PDF extra (pdfminer.six) is not installed. Both a ParseError and an ImportError."""


@frozen
class Rule:
    """A horizontal stroke drawn on a page (a footnote separator, an underline, a table edge)."""

    x0: float
    x1: float
    top: float


@frozen
class PageData:
    """One page's glyphs (in drawing order), horizontal rules and image count.

    Attributes:
        number: 0-based page index.
        width: Page width in points.
        height: Page height in points.
        glyphs: The characters drawn, duplicates (fake bold) removed.
        rules: Horizontal strokes, from line and thin rectangle objects.
        images: How many images the page draws.
    """

    number: int
    width: float
    height: float
    glyphs: tuple[Glyph, ...]
    rules: tuple[Rule, ...]
    images: int


def load_pages(path: Path, *, password: str = "", time_limit: float = TIME_LIMIT) -> list[PageData]:
    """Read every page of a PDF.

    Args:
        path: The PDF file.
        password: The password of an encrypted PDF ("" tries the empty user password, which
            opens files that are only protected against editing).
        time_limit: Seconds after which reading stops with an error.

    Returns:
        The pages, in order; at least one of them has text.

    Raises:
        ParseError: The file cannot be read, is encrypted, damaged, too large, or has no text.
        PdfSupportMissingError: The PDF extra is not installed.
    """
    miner = _import_pdfminer()
    _check_file(path)
    started = time.monotonic()
    pages: list[PageData] = []
    try:
        with path.open("rb") as handle:
            document = miner.PDFDocument(miner.PDFParser(handle), password=password)
            manager = miner.PDFResourceManager(caching=True)
            device = miner.Collector(manager)
            interpreter = miner.PDFPageInterpreter(manager, device)
            for page in miner.PDFPage.create_pages(document):
                if len(pages) >= MAX_PAGES:
                    raise _too_big(path, f"more than {MAX_PAGES} pages", f"at most {MAX_PAGES} pages")
                interpreter.process_page(page)
                pages.append(_read_page(device.get_result(), len(pages), miner))
                if time.monotonic() - started > time_limit:
                    raise _too_slow(path, len(pages), time_limit)
    except ParseError:
        raise
    except Exception as exc:  # pdfminer raises many kinds; each is a problem of the file here
        raise _file_error(path, exc) from exc
    _check_text(path, pages)
    return pages


@define
class _Miner:
    """The parts of pdfminer.six the loader uses, imported on first use (the extra is optional)."""

    PDFParser: Any
    PDFDocument: Any
    PDFPage: Any
    PDFResourceManager: Any
    PDFPageInterpreter: Any
    Collector: Any
    layout: Any


def _import_pdfminer() -> _Miner:
    try:
        from pdfminer import layout
        from pdfminer.converter import PDFPageAggregator
        from pdfminer.pdfdocument import PDFDocument
        from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
        from pdfminer.pdfpage import PDFPage
        from pdfminer.pdfparser import PDFParser
    except ImportError as exc:
        raise PdfSupportMissingError(
            "reading PDF files needs the optional 'pdf' extra (pdfminer.six), which is not installed",
            expected="pdfminer.six, importable",
            hint=_INSTALL_HINT,
        ) from exc

    class Collector(PDFPageAggregator):
        """Collect the page's objects without layout analysis, keeping each character's text rise."""

        def __init__(self, manager: Any) -> None:
            super().__init__(manager, laparams=None)

        def render_char(
            self, matrix: Any, font: Any, fontsize: float, scaling: float, rise: float, *rest: Any
        ) -> float:
            advance: float = super().render_char(matrix, font, fontsize, scaling, rise, *rest)
            # A superscript set with the text rise operator (Ts) keeps the line's text matrix:
            # only the rise says it is raised, so it is kept with the character.
            setattr(self.cur_item._objs[-1], "rise", rise)  # noqa: B010 (LTChar has no such field)
            return advance

    return _Miner(PDFParser, PDFDocument, PDFPage, PDFResourceManager, PDFPageInterpreter, Collector, layout)


def _check_file(path: Path) -> None:
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(1024)
    except OSError as exc:
        raise ParseError(
            f"cannot read {path}: {exc.strerror or exc}", hint="check the path and its permissions"
        ) from exc
    if b"%PDF-" not in head:
        raise ParseError(
            f"{path} is not a PDF file (it does not start with '%PDF-')",
            expected="a PDF file",
            hint="if it is text, give it a .txt name; if it was downloaded, check that the download is complete",
        )
    if size > MAX_BYTES:
        raise _too_big(path, f"{size // (1024 * 1024)} MB", f"at most {MAX_BYTES // (1024 * 1024)} MB")


def _read_page(page: LTPage, number: int, miner: _Miner) -> PageData:
    """Take a page's glyphs, rules and images, with y measured from the top of the page."""
    height = float(page.y1)
    glyphs: list[Glyph] = []
    rules: list[Rule] = []
    images = 0
    for item in _walk(page, miner.layout.LTLayoutContainer):
        if isinstance(item, miner.layout.LTChar):
            if item.upright and len(glyphs) < MAX_GLYPHS_PER_PAGE:
                glyphs.append(_glyph(item, height))
        elif isinstance(item, miner.layout.LTImage):
            images += 1
        elif isinstance(item, miner.layout.LTCurve) and item.height <= _RULE_THICKNESS <= item.width / 2:
            rules.append(Rule(float(item.x0), float(item.x1), height - (item.y0 + item.y1) / 2))
    return PageData(number, float(page.x1), height, tuple(_dedupe(glyphs)), tuple(rules), images)


def _walk(container: Any, kind: type) -> Iterator[Any]:
    """Yield every object of a page, those inside figures (form XObjects) included."""
    for item in container:
        if isinstance(item, kind):
            yield from _walk(item, kind)
        else:
            yield item


def _glyph(char: LTChar, height: float) -> Glyph:
    matrix = char.matrix
    rise = float(getattr(char, "rise", 0.0))
    baseline = height - (matrix[3] * rise + matrix[5])
    box = (float(char.x0), float(char.x1), height - float(char.y1), height - float(char.y0))
    return make_glyph(char.get_text(), box, baseline, float(char.size), str(char.fontname), matrix)


def _dedupe(glyphs: list[Glyph]) -> list[Glyph]:
    """Drop glyphs drawn twice at (nearly) the same place: the trick behind a fake bold."""
    order = sorted(range(len(glyphs)), key=lambda i: (glyphs[i].text, round(glyphs[i].baseline), glyphs[i].x0))
    dropped: set[int] = set()
    for here, there in itertools.pairwise(order):
        a, b = glyphs[here], glyphs[there]
        if (
            a.text == b.text
            and not a.is_space
            and abs(a.x0 - b.x0) < _DUPLICATE
            and abs(a.baseline - b.baseline) < _DUPLICATE
        ):
            dropped.add(there)
    return [glyph for index, glyph in enumerate(glyphs) if index not in dropped]


def _check_text(path: Path, pages: list[PageData]) -> None:
    glyphs = [glyph for page in pages for glyph in page.glyphs if not glyph.is_space]
    if not pages:
        raise ParseError(f"{path} has no pages", expected="a PDF with at least one page of text")
    if not glyphs:
        images = sum(page.images for page in pages)
        if images:
            raise ParseError(
                f"{path} has no text layer: its {len(pages)} page(s) are images (a scan or a photo)",
                expected="a PDF with a text layer",
                hint=_OCR_HINT,
            )
        raise ParseError(
            f"{path} has no text: its {len(pages)} page(s) are blank or only drawn",
            expected="a PDF with a text layer",
            hint="if the pages show text, it is drawn as shapes: " + _OCR_HINT,
        )
    undecodable = sum(1 for glyph in glyphs if glyph.text.startswith("(cid:"))
    if undecodable > _CID_SHARE * len(glyphs):
        raise ParseError(
            f"{path} has a text layer that cannot be decoded: its fonts do not say which characters they draw",
            expected="fonts with a Unicode map",
            hint=_OCR_HINT,
        )


def _file_error(path: Path, exc: BaseException) -> ParseError:
    name = type(exc).__name__
    if name in ("PDFPasswordIncorrect", "PDFEncryptionError"):
        return ParseError(
            f"{path} is encrypted and cannot be opened without its password",
            expected="an unencrypted PDF, or its password",
            hint="pass password= to resolutions.pdf.read_pdf, or remove the protection first, for example: "
            "qpdf --decrypt --password=PASSWORD input.pdf output.pdf",
        )
    return ParseError(
        f"{path} is damaged or not a PDF the reader understands ({name}: {exc})",
        expected="a complete, well-formed PDF",
        hint="download it again, or repair it first, for example: qpdf input.pdf repaired.pdf "
        "(or open it in a viewer and print it to a new PDF)",
    )


def _too_big(path: Path, found: str, limit: str) -> ParseError:
    return ParseError(
        f"{path} is too large to read ({found})",
        expected=limit,
        hint="cut out the pages of the resolution first, for example: qpdf input.pdf --pages . 1-10 -- part.pdf",
    )


def _too_slow(path: Path, done: int, limit: float) -> ParseError:
    return ParseError(
        f"reading {path} took more than {limit:.0f} s ({done} page(s) read)",
        expected="a PDF that reads in reasonable time",
        hint="cut out the pages of the resolution first (qpdf input.pdf --pages . 1-10 -- part.pdf), "
        "or pass a larger time_limit= to resolutions.pdf.read_pdf",
    )
