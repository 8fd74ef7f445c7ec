"""Positions in the source text: offsets to line and column, and caret excerpts.

Nodes store offsets (:class:`~resolutions.nodes.Span`); lines and columns are computed here
when someone asks. Lines are 1-based, columns 0-based, as in LibCST and lark.
"""

from __future__ import annotations

import bisect

#: Control characters shown as their Unicode control pictures (one column each, so the caret
#: still points at the right place): an excerpt must not ring bells or hide text in a terminal.
_VISIBLE = {code: 0x2400 + code for code in range(32)} | {0x7F: 0x2421}


class SourceText:
    """A text with a table of line starts, for turning offsets into positions."""

    __slots__ = ("_line_starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        starts = [0]
        find = text.find
        position = find("\n")
        while position != -1:
            starts.append(position + 1)
            position = find("\n", position + 1)
        self._line_starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        """Return the (1-based line, 0-based column) of an offset."""
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index]

    def line_text(self, line: int) -> str:
        """Return the text of a 1-based line, without its line break."""
        start = self._line_starts[line - 1]
        end = self._line_starts[line] if line < len(self._line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    def excerpt(self, offset: int, width: int = 100) -> str:
        """Return the line holding an offset, with a caret under it (long lines are cut)."""
        line, column = self.position(offset)
        text = self.line_text(line).replace("\t", " ").replace("\f", " ").translate(_VISIBLE)
        start = max(0, column - width // 2) if len(text) > width else 0
        shown = text[start : start + width]
        return f"{shown}\n{' ' * (column - start)}^"
