"""Working records of the parser: lines and their pieces.

These are internal, mutable and cheap (one per line or token); the public tree is in
:mod:`resolutions.nodes`. The layout stage annotates lines in place (``role``, ``page``).
"""

from __future__ import annotations

import html
import re

#: Piece kinds that are markup or footnote marks, not text.
MARKUP = frozenset({"STAR", "TAG", "SUP_MARK", "MD_NOTE_REF", "SUPERSCRIPT", "NOTE_ESCAPE", "PAGE_BREAK"})
#: Piece kinds that are verb phrases from the lexicon.
VERBS = frozenset({"PREAMBULAR_VERB", "OPERATIVE_VERB"})
#: Piece kinds that are page furniture.
FURNITURE = frozenset({"JOB_NUMBER", "BARCODE", "PAGE_NUMBER", "DATECODE", "RECYCLE"})
#: Piece kinds that are header fields.
FIELDS = frozenset({"SYMBOL", "DATE", "SESSION", "DISTRIBUTION", "ORIGINAL_LANGUAGE", "AGENDA_ITEM"})


class Piece:
    """One token of a line: its bare type, its text and its offsets in the source."""

    __slots__ = ("end", "kind", "start", "text")

    def __init__(self, kind: str, text: str, start: int, end: int) -> None:
        self.kind = kind
        self.text = text
        self.start = start
        self.end = end

    def __repr__(self) -> str:
        return f"Piece({self.kind}, {self.text!r}, {self.start})"


class Line:
    """One line of the source, as the grammar recognised it.

    Attributes:
        kind: The grammar rule without its ``_line`` suffix ("numbered", "text", ...).
        start: Offset of the line's first character (its page break or indentation).
        end: Offset just after its line break and the blank lines that follow it.
        page_break: The line opens a new page (it starts with a form feed).
        indent: Width of the indentation, in characters.
        label: The token that labels the line (number, item label, heading marks ...), if any.
        pieces: The inline tokens after the label, line break excluded.
        eol: Offset of the line break (``end`` when the line has none).
        blanks: How many blank lines follow the line (they belong to it).
        role: What the layout stage made of the line: "content", "furniture", "footnote" ...
        page: The page the line is on, from 0 (pages are cut at form feeds).
        tags: HTML block tags that open the line ("<p>"), kept out of its content.
    """

    __slots__ = (
        "_plain",
        "blanks",
        "end",
        "eol",
        "indent",
        "kind",
        "label",
        "page",
        "page_break",
        "pieces",
        "role",
        "start",
        "tags",
    )

    def __init__(
        self,
        kind: str,
        start: int,
        end: int,
        eol: int,
        page_break: bool,
        indent: int,
        label: Piece | None,
        pieces: list[Piece],
        blanks: int = 0,
    ) -> None:
        self.kind = kind
        self.start = start
        self.end = end
        self.eol = eol
        self.page_break = page_break
        self.indent = indent
        self.label = label
        self.pieces = pieces
        self.blanks = blanks
        self.role = "content"
        self.page = 0
        self.tags: Piece | None = None
        self._plain: str | None = None

    def plain(self) -> str:
        """Return the line's text without markup, label or footnote marks, spaces collapsed."""
        if self._plain is None:
            self._plain = plain_text(self.pieces)
        return self._plain

    @property
    def content_start(self) -> int:
        """Offset where the line's content (label and opening HTML tags included) begins."""
        if self.tags is not None:
            return self.tags.start
        if self.label is not None:
            return self.label.start
        return self.pieces[0].start if self.pieces else self.eol

    def text(self) -> str:
        """Return the line's content (after the label) as written, markup included."""
        pieces = self.pieces
        if len(pieces) == 1:  # most lines
            return pieces[0].text
        return "".join([piece.text for piece in pieces])

    def __repr__(self) -> str:
        label = f" {self.label.text!r}" if self.label else ""
        return f"Line({self.kind}{label}, {self.text()[:40]!r}, {self.start})"


def rebase(lines: list[Line], offset: int, first_page: int) -> None:
    """Make the lines' offsets relative to ``offset`` and their pages to ``first_page``.

    A file that holds several documents is read once; each document then gets its own lines,
    counted from its own first character and page.
    """
    if offset == 0 and first_page == 0:
        return
    moved: set[int] = set()  # a piece may be shared by a line's label and its pieces
    for line in lines:
        line.start -= offset
        line.end -= offset
        line.eol -= offset
        line.page -= first_page
        for piece in [line.label, line.tags, *line.pieces]:
            if piece is None:
                continue
            if id(piece) not in moved:
                moved.add(id(piece))
                piece.start -= offset
                piece.end -= offset


#: Whitespace that collapsing would change: two in a row, any but a space, or at either end.
_UNEVEN_SPACE = re.compile(r"\s\s|[^\S ]|^\s|\s$")


#: The length from which twelve substring tests beat ``isprintable`` on ASCII text.
_ASCII_SCAN = 48


def evenly_spaced(text: str) -> bool:
    """Tell text that collapsing spaces leaves as it is (``_UNEVEN_SPACE`` finds nothing in it).

    Substring tests, at C speed, answer for most texts; the pattern, which tries four
    alternatives at every character, is left for the rest. Long ASCII text (known without a
    scan) is asked for each of its whitespace characters but the space, a ``memchr`` each:
    three times quicker than ``isprintable``, which looks each character up, from about 50
    characters on (below that, the twelve calls cost more). Printable text holds no whitespace
    but the space (tabs, breaks and the other spaces are not printable).
    """
    if len(text) > _ASCII_SCAN and text.isascii():
        return not (
            "  " in text
            or text[:1] == " "
            or text[-1:] == " "
            or "\n" in text
            or "\t" in text
            or "\r" in text
            or "\x0b" in text
            or "\x0c" in text
            or "\x1c" in text
            or "\x1d" in text
            or "\x1e" in text
            or "\x1f" in text
        )
    if text.isprintable():
        return "  " not in text and not text.startswith(" ") and not text.endswith(" ")
    return _UNEVEN_SPACE.search(text) is None


#: Piece kinds whose plain text is not their text as written.
_REWRITTEN = MARKUP | {"ESCAPE", "ENTITY", "GAP"}


def plain_text(pieces: list[Piece]) -> str:
    """Return the text of pieces without markup or footnote marks, spaces collapsed."""
    if not pieces:
        return ""
    if len(pieces) == 1 and pieces[0].kind not in _REWRITTEN and evenly_spaced(pieces[0].text):
        return pieces[0].text  # most lines: one run of text, already even (no copy to keep)
    parts = []
    for piece in pieces:
        kind = piece.kind
        if kind in MARKUP:
            continue
        if kind == "ESCAPE":
            parts.append(piece.text[1:])
        elif kind == "ENTITY":
            parts.append(html.unescape(piece.text))
        elif kind == "GAP":
            parts.append(" ")
        else:
            parts.append(piece.text)
    return " ".join("".join(parts).split())
