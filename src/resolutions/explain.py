"""How a body's grammar reads a text, line by line: for whoever writes or fixes a layer.

:func:`explain` shows, for each line, what the grammar made of it (its kind and label), what the
layout stage made of it (its role: content, furniture, footnote, header ...) and its pieces:
header fields and page furniture found as cells, opening formulas, verb phrases, markup. When a
document reads wrong, this says at which line and why, before any paragraph is built.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from resolutions.grammar import Grammar

#: Piece kinds shown with their text (plain text is only counted).
_SHOWN_TEXT = 24


@attrs.frozen
class LineReading:
    """What the grammar and the layout made of one line.

    Attributes:
        number: The line's number in the text, from 1.
        kind: The grammar's rule for the line ("numbered", "item", "text", "heading" ...).
        role: What the layout made of it ("content", "furniture", "footnote", "header" ...).
        label: Its label as written ("1.", "(a)", "###"), or None.
        pieces: Each piece's kind and text: cells, formulas, verb phrases, markup, text.
    """

    number: int
    kind: str
    role: str
    label: str | None
    pieces: tuple[tuple[str, str], ...]

    def __str__(self) -> str:
        shown = " ".join(_piece(kind, text) for kind, text in self.pieces)
        label = f"{self.label.strip()!r} " if self.label else ""
        return f"{self.number:>5}  {self.kind:<9} {self.role:<10} {label}{shown}"


@attrs.frozen
class Explanation:
    """A text read line by line (see :func:`explain`); ``str()`` gives a table."""

    body: str
    lines: tuple[LineReading, ...]

    def __iter__(self) -> Iterator[LineReading]:
        return iter(self.lines)

    def __len__(self) -> int:
        return len(self.lines)

    def __str__(self) -> str:
        head = f"read with the {self.body!r} layer\n line  kind      role       label and pieces"
        return "\n".join([head, *map(str, self.lines)])


def explain(text: str, *, body: str | Grammar | None = None) -> Explanation:
    """Show how a body's grammar and the layout stage read ``text``, line by line.

    Args:
        text: The text, as for :func:`resolutions.parse`.
        body: The body whose layer reads it; None to detect it as ``parse`` does.

    Example:
        >>> from resolutions import explain
        >>> for line in explain("The General Assembly,\\n\\n1. *Decides* to act;\\n"):
        ...     print(line)
            1  text      content    FORMULA:'The General Assembly,'
            3  numbered  content    '1.' STAR:'*' OPERATIVE_VERB:'Decides' STAR:'*' TEXT(8)
    """
    from resolutions.api import _grammar_for, prepared_lines
    from resolutions.header import read_header

    grammar, _ = _grammar_for(text, body)
    compiled = grammar.compiled()
    lines, _ = prepared_lines(compiled, text)
    for index in read_header(lines, compiled.cells, compiled.conventions).used:
        lines[index].role = "header"
    numbers = _LineNumbers(text)
    readings = tuple(
        LineReading(
            numbers.of(line.start),
            line.kind,
            line.role,
            line.label.text if line.label is not None else None,
            tuple((piece.kind, piece.text) for piece in line.pieces),
        )
        for line in lines
        if line.kind != "blank"
    )
    return Explanation(grammar.name, readings)


def _piece(kind: str, text: str) -> str:
    if kind == "TEXT":
        return f"TEXT({len(text)})"
    if kind == "GAP":
        return "|"
    shown = text if len(text) <= _SHOWN_TEXT else text[: _SHOWN_TEXT - 1] + "\u2026"
    return f"{kind}:{shown!r}"


class _LineNumbers:
    """Line numbers of offsets, counted as the text is walked forward (offsets come in order)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.position = 0
        self.line = 1

    def of(self, offset: int) -> int:
        self.line += self.text.count("\n", self.position, offset)
        self.position = offset
        return self.line
