"""The builder: one method per grammar rule, turning lark's tokens into :class:`Line` records.

The builder runs inside lark's LALR parser (``transformer=`` mode), so no parse tree is ever
built: each line kind (an alternative of ``lines``, named by its alias) is reduced straight
into a ``Line``, added to the lines above it. Lines are working records for the
layout stage, not public nodes; they are cheap slotted objects because there is one per line.

A body grammar that adds a rule subclasses :class:`Builder` and adds a method of the rule's
name. Rule and token names arrive namespaced by lark's ``%import`` (``resolution__text_line``);
the builder dispatches on the bare name.
"""

from __future__ import annotations

import functools
from typing import Any, ClassVar, Protocol

from resolutions.inline import InlineScanner
from resolutions.lines import Line, Piece


class Token(Protocol):
    """What the builder reads of a lark token (lark sets the positions on every token it lexes)."""

    type: str
    value: str
    start_pos: int
    end_pos: int


#: Token types that start a line before its content.
_LEAD = frozenset({"PAGE_BREAK", "INDENT", "BLOCK_TAGS"})
#: Token types that label a line.
_LABELS = frozenset(
    {"NUM_LABEL", "ITEM_LABEL", "BULLET", "SECTION_LABEL", "HASHES", "RULE", "LONE_MARKER"}
    | {"SUPERSCRIPT", "SUP_MARK", "NOTE_ESCAPE", "MD_NOTE_DEF"}
)


class Builder:
    """Turn lark's reductions into :class:`Line` records (one method per line rule).

    Subclass it for a grammar that adds rules: a method named after the rule receives the
    rule's tokens and returns a ``Line`` (``self.make_line(kind, tokens)`` does the work).
    A grammar that adds terminals for things the library already knows maps them in
    ``aliases``: ``{"ACHPR_SYMBOL": "SYMBOL"}`` makes its symbols header symbols.
    """

    #: Terminal names of a body grammar, mapped to the kinds the later stages know.
    aliases: ClassVar[dict[str, str]] = {}

    def __init__(self, scanner: InlineScanner, aliases: dict[str, str] | None = None) -> None:
        """Build lines with an inline scanner; ``aliases`` adds to the class's own (a layer's)."""
        self.scanner = scanner
        self._scan = scanner.scan
        self._kinds = _BareNames({**self.aliases, **(aliases or {})})
        self._end = -1  # the last line's end offset, which the next line starts at

    # ------------------------------------------------------------ lark's callback protocol
    def __getattr__(self, name: str) -> Any:
        """Answer lark's lookup of a namespaced rule (``resolution__text_line``) by its bare name."""
        bare = name.rpartition("__")[2]
        if bare and bare != name and not name.startswith("__"):
            return getattr(self, bare)
        raise AttributeError(name)

    # ------------------------------------------------------------ rules
    def start(self, children: list[list[Line]]) -> list[Line]:
        return children[0] if children else []

    def lines(self, children: list[Any]) -> list[Line]:
        """Add a body's own line (``lines: lines? _more_lines``) to the lines above it."""
        if len(children) == 1:
            return [children[0]]
        children[0].append(children[1])
        return children[0]  # type: ignore[no-any-return]

    def add_line(self, kind: str, children: list[Any]) -> list[Line]:
        """Make a line from the tokens after the lines above it, and add it to them."""
        lines = children[0]
        if type(lines) is list:
            lines.append(self.make_line(kind, children, 1))
            return lines
        return [self.make_line(kind, children)]

    # Each line kind is an alternative of ``lines`` named by an alias: its children are the
    # lines above it (a list; none for the first line) and then the line's own tokens. (Partial
    # methods: lark calls them once per line, and a partial is one Python call fewer.)
    blank_line = functools.partialmethod(add_line, "blank")
    rule_line = functools.partialmethod(add_line, "rule")
    heading_line = functools.partialmethod(add_line, "heading")
    numbered_line = functools.partialmethod(add_line, "numbered")
    item_line = functools.partialmethod(add_line, "item")
    bullet_line = functools.partialmethod(add_line, "bullet")
    section_line = functools.partialmethod(add_line, "section")
    footnote_line = functools.partialmethod(add_line, "footnote")
    marker_line = functools.partialmethod(add_line, "marker")
    text_line = functools.partialmethod(add_line, "text")

    # ------------------------------------------------------------ shared
    def make_line(self, kind: str, tokens: list[Token], first: int = 0) -> Line:
        """Build a line from a rule's tokens, from ``first`` on: lead, label, content, break."""
        kinds = self._kinds
        last = tokens[-1]
        last_kind = kinds[last.type]
        size = len(tokens) - first
        opening = tokens[first]
        if (last_kind == "CONTENT_EOL" or last_kind == "EOL") and (
            size == 1 or (size == 2 and kind != "text" and kinds[opening.type] in _LABELS)
        ):
            # Most lines: their content to the break (and the blank lines under it), after a
            # label or not; or a label alone. Built here without the general case's loops.
            value = last.value
            newline = value.find("\n")
            eol = last.start_pos + newline - (newline > 0 and value[newline - 1] == "\r")
            start = opening.start_pos
            if start == self._end:
                start = self._end  # (shared, see below)
            end = self._end = last.end_pos
            blanks = value.count("\n", newline + 1)
            mark = None if size == 1 else Piece(kinds[opening.type], opening.value, start, opening.end_pos)
            if last_kind == "EOL":
                return Line(kind, start, end, eol, False, 0, mark, [], blanks)
            content = last.start_pos if mark else start
            pieces = self._scan(value[: eol - content], content, eol)
            return Line(kind, start, end, eol, False, 0, mark, pieces, blanks)
        end = last.end_pos
        value = last.value
        newline = value.find("\n")  # the line's own break (content never holds one)
        blanks = 0
        if newline == -1:
            eol = end
        else:
            eol = last.start_pos + newline - (newline > 0 and value[newline - 1] == "\r")
            blanks = value.count("\n", newline + 1)
        # A line starts where the last one ended: the same number, held once (a number is an
        # object of its own; sharing it is one fewer per line for a long document).
        start = tokens[first].start_pos
        if start == self._end:
            start = self._end
        self._end = end
        count = len(tokens) - (last_kind == "EOL")
        page_break = False
        indent = 0
        index = first
        tags: Piece | None = None
        token_kind = kinds[tokens[first].type]
        while token_kind in _LEAD and index < count:
            if token_kind == "PAGE_BREAK":
                page_break = True
            elif token_kind == "BLOCK_TAGS":
                token = tokens[index]
                tags = Piece("TAG", token.value, token.start_pos, token.end_pos)
            else:
                indent = len(tokens[index].value.expandtabs(8))
            index += 1
            token_kind = kinds[tokens[index].type] if index < count else ""
        label: Piece | None = None
        if kind != "text" and token_kind in _LABELS:
            token = tokens[index]
            label = Piece(token_kind, token.value, start if index == first else token.start_pos, token.end_pos)
            index += 1
            if kind == "item" and token_kind == "BULLET" and index < count:
                token = tokens[index]  # "- (a)": the item label follows the bullet
                label = Piece("ITEM_LABEL", token.value, label.start, token.end_pos)
                index += 1
            elif kind == "bullet" and index < count and kinds[tokens[index].type] == "BULLET":
                token = tokens[index]  # "- •": the item's own bullet follows the list's
                label = Piece("BULLET", token.value, label.start, token.end_pos)
                index += 1
        scan = self.scanner.scan
        only = kinds[tokens[index].type] if index == count - 1 else ""
        if only == "CONTENT_EOL" or only == "CELL_EOL":
            # The common line: one run of content to its end. The scanner's list is the line's
            # (one list fewer to hold per line, and the line's end shared with its last piece's).
            token = tokens[index]
            offset = start if index == first else token.start_pos
            pieces = scan(token.value[: eol - token.start_pos], offset, eol)
            line = Line(kind, start, end, eol, page_break, indent, label, pieces, blanks)
            line.tags = tags
            return line
        pieces = []
        for token in tokens[index:count]:
            token_kind = kinds[token.type]
            if token_kind == "CONTENT_EOL" or token_kind == "CELL_EOL":
                pieces.extend(scan(token.value[: eol - token.start_pos], token.start_pos, eol))
            elif token_kind == "CONTENT":
                pieces.extend(scan(token.value, token.start_pos))
            else:
                pieces.append(Piece(token_kind, token.value, token.start_pos, token.end_pos))
        line = Line(kind, start, end, eol, page_break, indent, label, pieces, blanks)
        line.tags = tags
        return line


class _BareNames(dict[str, str]):
    """Token and rule names without their ``%import`` namespace (and aliased), once per name."""

    def __init__(self, aliases: dict[str, str]) -> None:
        super().__init__()
        self.aliases = aliases

    def __missing__(self, name: str) -> str:
        bare = name.rpartition("__")[2]
        bare = self[name] = self.aliases.get(bare, bare)
        return bare
