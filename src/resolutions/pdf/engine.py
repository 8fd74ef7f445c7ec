"""The PDF engine: PDFium, through pypdfium2, bound once, its documents opened and pages loaded.

This module and :mod:`resolutions.pdf.page` are the only ones that talk to PDFium. Everything
that can go wrong opening a file (a missing extra, a password, a damaged file) becomes a
:class:`~resolutions.errors.ParseError` that says what is wrong and what to do; no library
exception reaches the caller. PDFium is not thread-safe: one lock serialises its use.
"""

from __future__ import annotations

import ctypes
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from resolutions.errors import ParseError
from resolutions.pdf.limits import PdfLimits
from resolutions.pdf.page import PageData, PageReader
from resolutions.pdf.pieces import Piece

#: PDFium may be used by one thread at a time.
LOCK = threading.RLock()
#: A page object, or an object stream (which may hold page objects out of sight).
_A_PAGE = re.compile(rb"/Type\s*/(?:Page(?![A-Za-z])|ObjStm)")
_PAGE_TREE = re.compile(rb"/Type\s*/Pages\b")

_INSTALL_HINT = 'install the PDF extra: pip install "resolutions[pdf]" (in a checkout: pip install -e ".[pdf]")'


class PdfSupportMissingError(ParseError, ImportError):
    """The PDF extra (pypdfium2) is not installed. Both a ParseError and an ImportError."""


class Calls:
    """PDFium's functions, bound once with the plain types the hot loops pass (ints, addresses)."""

    def __init__(self) -> None:
        import pypdfium2.raw as raw

        self.raw = raw
        vp, i = ctypes.c_void_p, ctypes.c_int

        def bind(function: Any, restype: Any, *argtypes: Any) -> Callable[..., Any]:
            address = ctypes.cast(function, ctypes.c_void_p).value
            assert address is not None  # a function the library exports
            return ctypes.CFUNCTYPE(restype, *argtypes)(address)

        self.get_text = bind(raw.FPDFText_GetText, i, vp, i, i, vp)
        self.unicode = bind(raw.FPDFText_GetUnicode, ctypes.c_uint, vp, i)
        self.text_object = bind(raw.FPDFText_GetTextObject, vp, vp, i)
        self.loose_box = bind(raw.FPDFText_GetLooseCharBox, i, vp, i, vp)
        self.origin = bind(raw.FPDFText_GetCharOrigin, i, vp, i, vp, vp)
        self.unmapped = bind(raw.FPDFText_HasUnicodeMapError, i, vp, i)
        self.generated = bind(raw.FPDFText_IsGenerated, i, vp, i)
        self.font = bind(raw.FPDFTextObj_GetFont, vp, vp)
        self.font_size = bind(raw.FPDFTextObj_GetFontSize, i, vp, vp)
        self.matrix = bind(raw.FPDFPageObj_GetMatrix, i, vp, vp)
        self.font_name = bind(raw.FPDFFont_GetBaseFontName, ctypes.c_size_t, vp, vp, ctypes.c_size_t)
        self.font_flags = bind(raw.FPDFFont_GetFlags, i, vp)
        self.font_weight = bind(raw.FPDFFont_GetWeight, i, vp)
        self.italic_angle = bind(raw.FPDFFont_GetItalicAngle, i, vp, vp)
        self.count_objects = bind(raw.FPDFPage_CountObjects, i, vp)
        self.get_object = bind(raw.FPDFPage_GetObject, vp, vp, i)
        self.form_count = bind(raw.FPDFFormObj_CountObjects, i, vp)
        self.form_object = bind(raw.FPDFFormObj_GetObject, vp, vp, ctypes.c_ulong)
        self.object_type = bind(raw.FPDFPageObj_GetType, i, vp)
        self.bounds = bind(raw.FPDFPageObj_GetBounds, i, vp, vp, vp, vp, vp)


_CALLS: Calls | None = None


def calls() -> Calls:
    """Bind PDFium's functions on first use (the pdf extra is optional)."""
    global _CALLS
    if _CALLS is None:
        try:
            _CALLS = Calls()
        except ImportError as exc:
            raise PdfSupportMissingError(
                "reading PDF files needs the optional 'pdf' extra (pypdfium2), which is not installed",
                expected="pypdfium2, importable",
                hint=_INSTALL_HINT,
            ) from exc
    return _CALLS


@contextmanager
def open_document(data: bytes, name: str, password: str) -> Iterator[Any]:
    """Open a PDF held in memory; yield PDFium's document (closed on exit)."""
    functions = calls()
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(data, password=password or None)
    except pypdfium2.PdfiumError as exc:
        raise _open_error(name, exc, functions.raw, data) from exc
    try:
        yield document
    finally:
        document.close()


def read_page(document: Any, number: int, name: str, limits: PdfLimits) -> tuple[PageData, list[Piece]]:
    """Read one page: its facts and its pieces of text, in reading coordinates.

    Raises:
        ParseError: PDFium cannot load the page.
        LimitError: The page draws more characters than ``limits.chars_per_page``.
    """
    functions = calls()
    raw = functions.raw
    page = raw.FPDF_LoadPage(document.raw, number)
    if not page:
        raise ParseError(
            f"{name}: page {number + 1} is damaged and cannot be read",
            expected="a complete, well-formed PDF",
            hint=_REPAIR_HINT,
        )
    textpage = None
    try:
        box = raw.FS_RECTF()
        if not raw.FPDF_GetPageBoundingBox(page, ctypes.byref(box)):
            box.left, box.bottom = 0.0, 0.0
            box.right, box.top = raw.FPDF_GetPageWidthF(page), raw.FPDF_GetPageHeightF(page)
        textpage = raw.FPDFText_LoadPage(page)
        if not textpage:
            raise ParseError(f"{name}: the text of page {number + 1} cannot be read", hint=_REPAIR_HINT)
        count = raw.FPDFText_CountChars(textpage)
        if count > limits.chars_per_page:
            raise limits.exceeded("chars_per_page", f"page {number + 1} of {name} draws {count:,} characters")
        reader = PageReader(functions, page, textpage, box)
        pieces, quarter, unmapped = reader.pieces(count)
        rules, images, share = reader.drawings(quarter)
        width, height = reader.size(quarter)
        return PageData(number, width, height, tuple(rules), images, share, count, len(pieces), unmapped), pieces
    finally:
        if textpage:
            raw.FPDFText_ClosePage(textpage)
        raw.FPDF_ClosePage(page)


_REPAIR_HINT = (
    "download it again, or repair it first, for example: qpdf input.pdf repaired.pdf "
    "(or open it in a viewer and print it to a new PDF)"
)


def _open_error(name: str, exc: Exception, raw: Any, data: bytes) -> ParseError:
    code = getattr(exc, "err_code", None)
    if code == raw.FPDF_ERR_PASSWORD:
        return ParseError(
            f"{name} is encrypted and cannot be opened without its password",
            expected="an unencrypted PDF, or its password",
            hint="pass password= to resolutions.pdf.read_pdf, or remove the protection first, for example: "
            "qpdf --decrypt --password=PASSWORD input.pdf output.pdf",
        )
    # PDFium refuses a document without pages, leaving its last error as it was: look for a page.
    if code == raw.FPDF_ERR_SUCCESS or (_A_PAGE.search(data) is None and _PAGE_TREE.search(data) is not None):
        return ParseError(f"{name} has no pages", expected="a PDF with at least one page of text")
    if code == raw.FPDF_ERR_SECURITY:
        return ParseError(
            f"{name} uses a security handler the PDF engine does not support",
            expected="a PDF without DRM",
            hint="remove the protection with the software that applied it",
        )
    return ParseError(
        f"{name} is damaged or not a PDF the reader understands ({exc})",
        expected="a complete, well-formed PDF",
        hint=_REPAIR_HINT,
    )
