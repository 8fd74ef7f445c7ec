"""One page taken out of PDFium: its pieces of text, rules and images, in reading coordinates.

PDFium builds the page's text in C; this module asks it for the page's text in one call, for
boxes only at the ends of each word, and for fonts once per text object, so the Python work is
per word, not per character. Pages are read in the direction their text runs: a page turned by
``/Rotate`` or drawn sideways on a portrait sheet is read upright; text running another way
than most of its page (a margin note set vertically, a diagonal watermark) is left out.
"""

from __future__ import annotations

import ctypes
import math
import re
from typing import TYPE_CHECKING, Any

from attrs import frozen

from resolutions.pdf.lines import WORD_GAP
from resolutions.pdf.pieces import Piece, clean, font_style

if TYPE_CHECKING:
    from resolutions.pdf.engine import Calls

#: A rule is a horizontal stroke no thicker than this (points).
_RULE_THICKNESS = 2.0
#: A text object turned further than this (degrees) from a quarter turn is not read (a watermark).
_SKEW = 5.0
#: A shear of the text matrix larger than this (over its scale) is a synthetic italic.
_SLANT = 0.1
#: How deep forms (XObjects) inside forms are searched for rules and images.
_FORM_DEPTH = 4
_WORD = re.compile(r"\S+")
#: Characters a piece's text is cleaned of (see :func:`~resolutions.pdf.pieces.clean`).
_UNTIDY = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufb00-\ufb06\ufffe]")


@frozen
class Rule:
    """A horizontal stroke drawn on a page (a footnote separator, an underline, a table edge)."""

    x0: float
    x1: float
    top: float


@frozen
class PageData:
    """What a page holds besides its text: its size, rules and images.

    Attributes:
        number: 0-based page index.
        width: Page width in points, as the page is read.
        height: Page height in points, as the page is read.
        rules: Horizontal strokes.
        images: How many images the page draws.
        image_share: The share of the page the images cover (a scan covers all of it).
        chars: How many characters the page draws.
        words: How many pieces of text were read from it.
        unmapped: How many of them have characters whose font does not say what they are.
    """

    number: int
    width: float
    height: float
    rules: tuple[Rule, ...]
    images: int
    image_share: float
    chars: int
    words: int
    unmapped: int


@frozen
class _Style:
    """What one text object says of its text: font, style, size and direction."""

    font: str
    italic: bool
    bold: bool
    size: float
    quarter: int  # which way the text runs: 0 right, 1 up, 2 left, 3 down (in PDF space)
    upright: bool  # runs along a quarter turn (not a diagonal)
    unmapped: bool  # its font does not say which characters it draws (checked on its first)
    origin: float  # where its text starts and sits, in PDF space (x, y of its first character)
    baseline: float


class PageReader:
    """Take one page's pieces and drawings out of PDFium."""

    def __init__(self, functions: Calls, page: Any, textpage: Any, box: Any) -> None:
        self.calls = functions
        self.page = ctypes.cast(page, ctypes.c_void_p).value
        self.textpage = ctypes.cast(textpage, ctypes.c_void_p).value
        self.left, self.bottom, self.right, self.top = (
            float(box.left),
            float(box.bottom),
            float(box.right),
            float(box.top),
        )
        self.styles: dict[int, _Style] = {}
        self.fonts: dict[int, tuple[str, bool, bool]] = {}
        # Buffers PDFium writes boxes and points into, made once per page.
        self.head, self.tail = functions.raw.FS_RECTF(), functions.raw.FS_RECTF()
        self.x, self.y = ctypes.c_double(0.0), ctypes.c_double(0.0)
        self.head_address, self.tail_address = ctypes.addressof(self.head), ctypes.addressof(self.tail)
        self.x_address, self.y_address = ctypes.addressof(self.x), ctypes.addressof(self.y)

    # ------------------------------------------------------------------ text

    def pieces(self, count: int) -> tuple[list[Piece], int, int]:
        """Return the page's pieces, the quarter its text runs in, and how many are unmapped."""
        text = self._text(count)
        found: list[tuple[int, int, _Style, int]] = []
        weight = [0, 0, 0, 0]
        text_object = self.calls.text_object
        textpage = self.textpage
        styles = self.styles
        for match in _WORD.finditer(text):
            start, end = match.span()
            first = text_object(textpage, start)
            if first is None:
                continue
            space = start - 1 if start > 0 and text[start - 1] == " " else -1
            if end - start == 1 or text_object(textpage, end - 1) == first:
                style = styles.get(first) or self._new_style(first, start)
                found.append((start, end, style, space))
                weight[style.quarter] += (end - start) * style.upright
                continue
            for a, b, handle in self._split(start, end):
                style = styles.get(handle) or self._new_style(handle, a)
                found.append((a, b, style, space))
                weight[style.quarter] += (b - a) * style.upright
                space = -1
        quarter = max(range(4), key=weight.__getitem__)
        kept = [piece for piece in found if piece[2].quarter == quarter and piece[2].upright]
        pieces = self._upright(kept, text) if quarter == 0 else self._turned(kept, text, quarter)
        unmapped = sum(1 for a, b, style, space in found if style.unmapped)
        return pieces, quarter, unmapped

    def _upright(self, found: list[tuple[int, int, _Style, int]], text: str) -> list[Piece]:
        """Make the pieces of a page read as drawn (the common case, kept lean: it runs per word).

        A space the PDF writes separates words; one PDFium adds for a gap is left to the line
        builder, which measures the gap against the font size. So PDFium is asked whether a space
        is its own only where the gap is too narrow to be a space by itself.
        """
        tidy = _UNTIDY.search(text) is not None
        loose_box, generated, textpage = self.calls.loose_box, self.calls.generated, self.textpage
        head, tail = self.head, self.tail
        head_address, tail_address = self.head_address, self.tail_address
        page_left, page_top = self.left, self.top
        pieces: list[Piece] = []
        append = pieces.append
        before = -1e9  # the right edge of the piece before
        for a, b, style, space in found:
            loose_box(textpage, a, head_address)
            if b - a > 1:
                loose_box(textpage, b - 1, tail_address)
                left, right = min(head.left, tail.left), max(head.right, tail.right)
                low, high = min(head.bottom, tail.bottom), max(head.top, tail.top)
            else:
                left, right, low, high = head.left, head.right, head.bottom, head.top
            spaced = space >= 0 and (left - before > WORD_GAP * style.size or generated(textpage, space) == 0)
            append(
                Piece(
                    clean(text[a:b]) if tidy else text[a:b],
                    left - page_left,
                    right - page_left,
                    page_top - high,
                    page_top - low,
                    page_top - style.baseline,
                    style.size,
                    style.font,
                    style.italic,
                    style.bold,
                    spaced,
                )
            )
            before = right
        return pieces

    def _turned(self, found: list[tuple[int, int, _Style, int]], text: str, quarter: int) -> list[Piece]:
        tidy = _UNTIDY.search(text) is not None
        generated = self.calls.generated
        return [
            self._piece(
                clean(text[a:b]) if tidy else text[a:b],
                a,
                b - 1,
                style,
                space >= 0 and generated(self.textpage, space) == 0,
                quarter,
            )
            for a, b, style, space in found
        ]

    def _text(self, count: int) -> str:
        functions = self.calls
        buffer = ctypes.create_string_buffer(2 * (count + 1))
        written = functions.get_text(self.textpage, 0, count, ctypes.addressof(buffer))
        text = buffer.raw[: max(0, written - 1) * 2].decode("utf-16-le", errors="replace")
        if len(text) != count:  # characters beyond the BMP take two UTF-16 units: index one by one
            text = "".join(chr(functions.unicode(self.textpage, index) or 32) for index in range(count))
        return text

    def _split(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """Cut a word where its text object changes (a superscript, an italic ending)."""
        text_object = self.calls.text_object
        spans: list[tuple[int, int, int]] = []
        cut, current = start, text_object(self.textpage, start)
        for index in range(start + 1, end):
            handle = text_object(self.textpage, index)
            if handle != current:
                if current is not None:
                    spans.append((cut, index, current))
                cut, current = index, handle
        if current is not None:
            spans.append((cut, end, current))
        return spans

    def _new_style(self, handle: int, index: int) -> _Style:
        # One text object is drawn on one baseline: its first character's origin gives it.
        self.calls.origin(self.textpage, index, self.x_address, self.y_address)
        unmapped = self.calls.unmapped(self.textpage, index) == 1
        style = self.styles[handle] = self._read_style(handle, unmapped, self.x.value, self.y.value)
        return style

    def _read_style(self, handle: int, unmapped: bool, x: float, y: float) -> _Style:
        functions = self.calls
        font = functions.font(handle)
        facts = self.fonts.get(font or 0)
        if facts is None:
            facts = self.fonts[font or 0] = self._read_font(font)
        name, italic, bold = facts
        size = ctypes.c_float(0.0)
        functions.font_size(handle, ctypes.addressof(size))
        matrix = functions.raw.FS_MATRIX(1, 0, 0, 1, 0, 0)
        functions.matrix(handle, ctypes.addressof(matrix))
        a, b, c, d = matrix.a, matrix.b, matrix.c, matrix.d
        angle = math.degrees(math.atan2(b, a))
        quarter = round(angle / 90) % 4
        upright = abs(angle - 90 * round(angle / 90)) <= _SKEW
        scale = math.hypot(a, b) or 1.0
        # The shear of the "up" vector along the direction of writing: a slanted (synthetic) italic.
        cross = (a * d - b * c) / scale
        shear = (a * c + b * d) / scale / cross if cross else 0.0
        drawn = float(size.value) * (math.hypot(c, d) or 1.0)
        return _Style(name, italic or abs(shear) > _SLANT, bold, round(drawn, 2), quarter, upright, unmapped, x, y)

    def _read_font(self, font: int | None) -> tuple[str, bool, bool]:
        if not font:
            return "", False, False
        functions = self.calls
        buffer = ctypes.create_string_buffer(256)
        length = functions.font_name(font, ctypes.addressof(buffer), 256)
        name = buffer.raw[: max(0, min(length, 256) - 1)].decode("latin-1")
        angle = ctypes.c_int(0)
        functions.italic_angle(font, ctypes.addressof(angle))
        flags = functions.font_flags(font)
        return font_style(name, flags=max(flags, 0), weight=functions.font_weight(font), angle=angle.value)

    def _piece(self, text: str, first: int, last: int, style: _Style, space: bool, quarter: int) -> Piece:
        calls, head, tail = self.calls, self.head, self.tail
        calls.loose_box(self.textpage, first, self.head_address)
        calls.loose_box(self.textpage, last, self.tail_address)
        left, right = min(head.left, tail.left), max(head.right, tail.right)
        low, high = min(head.bottom, tail.bottom), max(head.top, tail.top)
        x0, x1, top, bottom, baseline = self._turn(quarter, left, right, low, high, style.origin, style.baseline)
        return Piece(text, x0, x1, top, bottom, baseline, style.size, style.font, style.italic, style.bold, space)

    def _turn(
        self, quarter: int, left: float, right: float, low: float, high: float, ox: float, oy: float
    ) -> tuple[float, float, float, float, float]:
        """Map a box and an origin from PDF space to reading space (x right, y down)."""
        if quarter == 0:
            return left - self.left, right - self.left, self.top - high, self.top - low, self.top - oy
        if quarter == 1:  # text runs up the page: the page is read turned a quarter clockwise
            return low - self.bottom, high - self.bottom, left - self.left, right - self.left, ox - self.left
        if quarter == 2:
            return self.right - right, self.right - left, low - self.bottom, high - self.bottom, oy - self.bottom
        return self.top - high, self.top - low, self.right - right, self.right - left, self.right - ox

    def size(self, quarter: int) -> tuple[float, float]:
        width, height = self.right - self.left, self.top - self.bottom
        return (width, height) if quarter % 2 == 0 else (height, width)

    # ------------------------------------------------------------------ drawings

    def drawings(self, quarter: int) -> tuple[list[Rule], int, float]:
        """Return the page's horizontal rules, its image count, and the share images cover."""
        functions = self.calls
        rules: list[Rule] = []
        images = 0
        area = 0.0
        width, height = self.size(quarter)
        corners = [ctypes.c_float(0.0) for _ in range(4)]
        addresses = [ctypes.addressof(corner) for corner in corners]
        stack = [(functions.get_object(self.page, index), 0) for index in range(functions.count_objects(self.page))]
        while stack:
            handle, depth = stack.pop()
            kind = functions.object_type(handle) if handle else 0
            if kind == 5 and depth < _FORM_DEPTH:  # a form: look inside
                stack.extend(
                    (functions.form_object(handle, index), depth + 1) for index in range(functions.form_count(handle))
                )
                continue
            if kind not in (2, 3) or not functions.bounds(handle, *addresses):
                continue
            left, low, right, high = (corner.value for corner in corners)
            x0, x1, top, bottom, _ = self._turn(quarter, left, right, low, high, 0.0, 0.0)
            if kind == 3:
                images += 1
                area += max(0.0, min(x1, width) - max(x0, 0.0)) * max(0.0, min(bottom, height) - max(top, 0.0))
            elif bottom - top <= _RULE_THICKNESS <= (x1 - x0) / 2:
                rules.append(Rule(x0, x1, (top + bottom) / 2))
        return rules, images, min(1.0, area / (width * height)) if width * height else 0.0
