"""Limits that keep a hostile or freak PDF from taking the reader's time and memory.

A PDF is a compressed program: 30 KB can draw three million glyphs, 300 KB can inflate to
300 MB of content. The PDF engine reads a page in one call that cannot be interrupted, so the
limits are checked before the engine sees the content (:mod:`resolutions.pdf.preflight`
inflates every stream in chunks and stops at the limit) and as pages are read (characters per
page, time). Each limit stops reading with a :class:`~resolutions.errors.LimitError` that names
it; raise it by passing ``limits=PdfLimits(...)`` to :func:`resolutions.pdf.read_pdf`.

The defaults leave ample room for real documents (a dense page of a resolution is about
6,000 characters and 100 KB of content; a WHA volume about 300 pages) while keeping a bomb
within about 5 s and 600 MB.
"""

from __future__ import annotations

from attrs import frozen

from resolutions.errors import LimitError

_MB = 1024 * 1024


@frozen
class PdfLimits:
    """How much of a PDF the reader may read.

    Attributes:
        pages: The most pages.
        file_bytes: The largest file.
        stream_bytes: The most bytes one compressed stream (a page's content, a font, a
            form) may inflate to.
        page_content_bytes: The most content (drawing instructions, inflated) one page may
            have, its forms included; this bounds the engine's memory for a page.
        inflated_bytes: The most bytes all streams together may inflate to.
        chars_per_page: The most characters one page may draw.
        seconds: Seconds after which reading stops.
    """

    pages: int = 1000
    file_bytes: int = 200 * _MB
    stream_bytes: int = 64 * _MB
    page_content_bytes: int = 2 * _MB
    inflated_bytes: int = 512 * _MB
    chars_per_page: int = 100_000
    seconds: float = 300.0

    def exceeded(self, limit: str, message: str, *, cut: bool = True) -> LimitError:
        """Return the error for ``limit`` (a field name): what was found, and how to raise it."""
        value = getattr(self, limit)
        hint = f"pass limits=PdfLimits({limit}=...) to resolutions.pdf.read_pdf to read it anyway"
        if cut:
            hint += ", or cut out the pages of the resolution first (qpdf input.pdf --pages . 1-10 -- part.pdf)"
        return LimitError(message, limit=limit, value=value, hint=hint)
