"""Layout cells that lost their layout: Markdown table rows, and header fields run together.

Converters turn a masthead into Markdown table rows ("|  | United Nations | FCCC/CP/2018/10/Add.2 |")
and put several fields in one cell, two spaces apart ("Distr.: General 19 March 2019  Original:
English"). The grammar reads a field only as a whole cell, so here each row is cut at its pipes
and each cell into the longest runs of words that read as one field; the rest stays text. A field
that reads as none (a symbol with a stray space) is lost alone: the others are still found.
"""

from __future__ import annotations

import re

from resolutions.inline import InlineScanner
from resolutions.lines import Line, Piece

#: A Markdown table row: it opens with a pipe.
_ROW = re.compile(r"^[ \t]*\|")
#: A table's delimiter row: "|---|:---:|".
_DELIMITER = re.compile(r"^[ \t]*\|(?:[ \t]*:?-+:?[ \t]*\|)+[ \t]*$")
#: A cell separator: a pipe and the spaces around it.
#: (It starts where a run of spaces does: tried inside a long run with no pipe after it, it
#: would read the rest of the run at each of its characters.)
_PIPE = re.compile(r"(?:(?<![ \t])[ \t]+)?\|[ \t]*")
_WORD = re.compile(r"\S+")
#: The most words a field may hold ("Seventy-third session", "Item 6 of the provisional agenda").
_FIELD_WORDS = 8


def split_table_rows(lines: list[Line], fields: InlineScanner) -> None:
    """Cut each Markdown table row at its pipes, and find the header fields in its cells."""
    for line in lines:
        if line.label is not None or not line.pieces or line.kind != "text":
            continue
        if not line.pieces[0].text.lstrip(" \t").startswith("|"):
            continue
        text = line.text()
        if _ROW.match(text) is None or any(piece.kind not in ("TEXT", "GAP") for piece in line.pieces):
            continue
        start = line.pieces[0].start
        if _DELIMITER.match(text):
            line.kind = "rule"
            line.pieces = [Piece("TEXT", text, start, start + len(text))]
            continue
        line.pieces = _row_pieces(text, start, fields)
        line._plain = None


def _row_pieces(text: str, start: int, fields: InlineScanner) -> list[Piece]:
    pieces: list[Piece] = []
    position = 0
    for pipe in _PIPE.finditer(text):
        if pipe.start() > position:
            pieces.extend(field_pieces(text[position : pipe.start()], start + position, fields))
        pieces.append(Piece("GAP", pipe.group(), start + pipe.start(), start + pipe.end()))
        position = pipe.end()
    if position < len(text):
        pieces.extend(field_pieces(text[position:], start + position, fields))
    return pieces


def field_pieces(text: str, offset: int, fields: InlineScanner) -> list[Piece]:
    """Read a cell: each longest run of words that is one header field, and text between.

    Two spaces or more between runs are kept as a gap, as in the grammar's cells.
    """
    words = [(match.start(), match.end()) for match in _WORD.finditer(text)]
    pieces: list[Piece] = []
    index = 0
    while index < len(words):
        found = None
        for last in range(min(len(words), index + _FIELD_WORDS) - 1, index - 1, -1):
            segment = text[words[index][0] : words[last][1]]
            kind = fields.whole(segment)
            if kind is not None:
                found = (kind, last)
                break
        if found is None:
            _add_text(pieces, text, words[index], offset)
            index += 1
            continue
        kind, last = found
        start, end = words[index][0], words[last][1]
        _add_gap(pieces, text, start, offset)
        pieces.append(Piece(kind, text[start:end], offset + start, offset + end))
        index = last + 1
    for piece in pieces:  # runs of text grew word by word: their text is cut once, here
        if piece.kind == "TEXT":
            piece.text = text[piece.start - offset : piece.end - offset]
    return pieces


def _add_text(pieces: list[Piece], text: str, word: tuple[int, int], offset: int) -> None:
    start, end = word
    last = pieces[-1] if pieces else None
    if last is not None and last.kind == "TEXT" and text[last.end - offset : start].strip(" \t") == "":
        between = text[last.end - offset : start]
        if len(between) < 2:  # one space: the same run of text (field_pieces cuts its text)
            last.end = offset + end
            return
    _add_gap(pieces, text, start, offset)
    pieces.append(Piece("TEXT", text[start:end], offset + start, offset + end))


def _add_gap(pieces: list[Piece], text: str, start: int, offset: int) -> None:
    """Mark the spaces before a run as a cell gap when they are two or more."""
    if not pieces:
        return
    gap = text[pieces[-1].end - offset : start]
    if len(gap) >= 2:
        pieces.append(Piece("GAP", gap, pieces[-1].end, offset + start))
