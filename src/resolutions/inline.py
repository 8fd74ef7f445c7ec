"""The inline scanner: inline markup inside a line's content, from the inline grammar.

The line grammar hands over each line's content as one token (the LALR parser's cost is per
token). Its inline markup is then scanned here in one regular-expression pass built from the
terminals of ``grammars/inline.lark``, tried in lark's own order (priority, then width), so the
grammar file stays the one definition of the syntax.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping

from lark.lexer import TerminalDef

from resolutions.footnotes import normal_marker
from resolutions.limits import MAX_EMPHASIS_DEPTH
from resolutions.lines import VERBS, Piece
from resolutions.nodes import Emphasis, FootnoteRef, Inline, Span, Text


class InlineScanner:
    """Split text into inline pieces with the terminals of an inline grammar.

    Verb phrases are words, so in lark's order they can only win where plain text would start:
    at the start of the content and after a markup token. Trying the lexicon's large regex
    there only, instead of at every token, gives the same pieces several times faster.
    """

    __slots__ = ("_aliases", "_lower", "_phrases", "_plain", "_regex", "_short", "_shortest_phrase")

    def __init__(
        self, terminals: Iterable[TerminalDef], *, lower_case: bool = False, aliases: Mapping[str, str] | None = None
    ) -> None:
        """Build the scanner.

        Args:
            terminals: The inline grammar's terminals.
            lower_case: Verb phrases may be written in lower case ("having regard to").
            aliases: A body's own terminals, and the kinds the library knows them as.
        """
        self._lower = lower_case
        self._aliases = dict(aliases or {})
        ordered = sorted(
            terminals,
            key=lambda t: (-t.priority, -t.pattern.max_width, -len(t.pattern.value), t.name),
        )
        phrases = [t for t in ordered if t.name.rpartition("__")[2] in VERBS]
        text = next((t for t in ordered if t.name.endswith("TEXT")), None)
        if text is None or any(t.priority < text.priority for t in phrases):
            phrases = []  # without plain text to stand in for, phrases keep their place
        self._regex = _alternation(t for t in ordered if t not in phrases)
        self._phrases = _alternation(phrases) if phrases else None
        # Text shorter than every phrase opens with none (lark has measured the terminals).
        self._shortest_phrase = min((t.pattern.min_width for t in phrases), default=0)
        # Most content holds no markup and opens with no capital: one anchored match says so.
        opens = "[^A-Za-z]" if lower_case else "[^A-Z]"
        self._plain = re.compile(f"(?={opens})(?:{text.pattern.to_regexp()})\\Z") if text else None
        # Text too short for any phrase may open with a capital too ("A", a word of a column).
        self._short = re.compile(f"(?:{text.pattern.to_regexp()})\\Z") if text else None

    def whole(self, text: str) -> str | None:
        """Return the terminal that matches all of ``text`` as one cell, or None."""
        match = self._regex.match(text + "\n")
        if match and match.end() == len(text) and match.lastgroup:
            return self._aliases.get(match.lastgroup, match.lastgroup)
        return None

    def scan(self, text: str, offset: int, end: int | None = None) -> list[Piece]:
        """Return the pieces of ``text``, whose first character is at ``offset`` in the source.

        ``end`` (``offset + len(text)``, when the caller has it) is shared, not made again: one
        number fewer to hold per line.
        """
        plain, short = self._plain, self._short
        if (
            plain is not None
            and short is not None
            and (plain.match(text) or (len(text) < self._shortest_phrase and short.match(text)))
        ):
            return [Piece("TEXT", text, offset, offset + len(text) if end is None else end)]
        first = self._regex.match(text)
        if first is None or not first.end():  # (only empty text: any character is a token)
            return []
        reach = first.end()
        stop = end if end is not None and reach == len(text) else offset + reach
        if reach == len(text) and self._phrases is not None and first.lastgroup == "TEXT":
            return self._phrase_and_text(text, offset, stop)  # most lines: text, a phrase first or not
        pieces = [Piece(first.lastgroup or "STRAY", first.group(), offset, stop)]
        if reach < len(text):  # more than one token ("<i>Decides</i> to act")
            pieces += [
                Piece(match.lastgroup or "STRAY", match.group(), offset + match.start(), offset + match.end())
                for match in self._regex.finditer(text, reach)
            ]
        if self._phrases is None:
            return pieces
        for piece in pieces:
            if piece.kind == "TEXT":  # phrases are looked for in text only
                return self._find_phrases(text, offset, pieces)
        return pieces

    def _phrase_and_text(self, text: str, offset: int, stop: int) -> list[Piece]:
        """The pieces of content that is one run of text: the phrase it opens with, if any, and the rest.

        What :meth:`_find_phrases` gives for a single text piece, without making that piece first.
        """
        first = text[0]  # (text shorter than every phrase took scan's quick path)
        if first.isspace() or (first.islower() and not self._lower):
            return [Piece("TEXT", text, offset, stop)]
        match = self._phrases.match(text)  # type: ignore[union-attr]
        if match is None:
            return [Piece("TEXT", text, offset, stop)]
        reach = match.end()
        if reach == len(text):
            return [Piece(match.lastgroup or "STRAY", text, offset, stop)]
        return [
            Piece(match.lastgroup or "STRAY", match.group(), offset, offset + reach),
            Piece("TEXT", text[reach:], offset + reach, stop),
        ]

    def _find_phrases(self, text: str, offset: int, pieces: list[Piece]) -> list[Piece]:
        match_phrase = self._phrases.match  # type: ignore[union-attr]
        found: dict[int, list[Piece]] = {}  # the index of a text piece -> the phrase and the rest
        for index, piece in enumerate(pieces):
            if piece.kind != "TEXT":
                continue
            # The lexicon writes its phrases in title case or capitals: text that opens with a
            # space or a small letter opens with none.
            first = piece.text[0]
            if first.isspace() or (first.islower() and not self._lower):
                continue
            match = match_phrase(text, piece.start - offset)
            if match is None:
                continue
            end = match.end() + offset
            if end > piece.end:  # cannot happen with word phrases: keep lark's reading
                return self._scan_all(text, offset)
            found[index] = [Piece(match.lastgroup or "STRAY", match.group(), piece.start, end)]
            if end < piece.end:
                found[index].append(Piece("TEXT", piece.text[end - piece.start :], end, piece.end))
        if not found:
            return pieces
        out: list[Piece] = []
        done = 0
        for index, replacement in found.items():  # in the order of the pieces
            out.extend(pieces[done:index])
            out.extend(replacement)
            done = index + 1
        out.extend(pieces[done:])
        return out

    def _scan_all(self, text: str, offset: int) -> list[Piece]:
        """Scan with phrases in lark's place among the terminals (the slow, literal reading)."""
        assert self._phrases is not None
        both = re.compile(f"{self._phrases.pattern}|{self._regex.pattern}")
        return [
            Piece(match.lastgroup or "STRAY", match.group(), offset + match.start(), offset + match.end())
            for match in both.finditer(text)
        ]


def _alternation(terminals: Iterable[TerminalDef]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?P<{t.name.rpartition('__')[2]}>{t.pattern.to_regexp()})" for t in terminals))


# ---------------------------------------------------------------------------------- nodes
_EMPHASIS = {1: "italic", 2: "bold", 3: "bold_italic"}
_OPEN_TAGS = {"i": "italic", "em": "italic", "b": "bold", "strong": "bold"}
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)")
#: Piece kinds that are footnote references.
REFERENCES = frozenset({"SUP_MARK", "MD_NOTE_REF", "SUPERSCRIPT", "NOTE_ESCAPE", "REF", "LONE_MARKER"})


class _Frame:
    """An emphasis being read: how it opened, what it holds so far, and its pending text."""

    __slots__ = ("children", "closer", "opener", "start", "style", "text", "text_end", "text_start")

    def __init__(self, style: str, closer: str, opener: Piece | None) -> None:
        self.style = style
        self.closer = closer
        self.opener = opener
        self.start = opener.start if opener else 0
        self.children: list[Inline] = []
        self.text: list[str] = []  # text pieces not yet made into a Text node
        self.text_start = 0
        self.text_end = 0

    def add_text(self, text: str, start: int, end: int) -> None:
        if not self.text:
            self.text_start = start
        elif text == " " and _ends_in_hyphen(self.text[-1]):
            self.text[-1] = self.text[-1].rstrip()
            text = ""  # a line-end hyphen after a letter joins the next line without a space
        self.text.append(text)
        self.text_end = end

    def add(self, node: Inline) -> None:
        self.flush()
        self.children.append(node)

    def flush(self) -> None:
        if self.text:
            text = "".join(self.text)
            if "  " in text or "\n" in text or "\t" in text or "\u00a0" in text or "\r" in text or "\f" in text:
                text = " ".join(text.split()) if not text.isspace() else " "
                text = (
                    (" " if self.text[0][:1].isspace() else "")
                    + text.strip()
                    + (" " if self.text[-1][-1:].isspace() else "")
                )
            self.children.append(Text(text, Span(self.text_start, self.text_end)))
            self.text = []


#: Piece kinds that hold plain text (verb phrases and header cells inside a paragraph included).
_PLAIN = frozenset(
    {"TEXT", "BREAK", "GAP", "PREAMBULAR_VERB", "OPERATIVE_VERB", "FORMULA", "WE", "CONTENT"}
    | {"SYMBOL", "DATE", "SESSION", "DISTRIBUTION", "ORIGINAL_LANGUAGE", "AGENDA_ITEM"}
)


def _plain(pieces: list[Piece]) -> tuple[Inline, ...]:
    """Build the one text node of a paragraph without markup or references."""
    if not pieces:
        return ()
    parts: list[str] = []
    for piece in pieces:
        if piece.kind == "BREAK" or piece.kind == "GAP":
            if parts and _ends_in_hyphen(parts[-1]):
                parts[-1] = parts[-1].rstrip()
                continue
            parts.append(" ")
        else:
            parts.append(piece.text)
    text = " ".join("".join(parts).split())
    return (Text(text, Span(pieces[0].start, pieces[-1].end)),) if text else ()


def _ends_in_hyphen(text: str) -> bool:
    """Tell text that ends with a hyphen after a letter ("Secretary-"), trailing spaces aside."""
    text = text.rstrip()
    return len(text) > 1 and text[-1] == "-" and text[-2].isalpha()


def to_inline(pieces: list[Piece], too_deep: list[Span] | None = None) -> tuple[Inline, ...]:
    """Build inline nodes from a paragraph's pieces.

    ``BREAK`` pieces stand between lines: they join with a space, or with nothing after a
    hyphen that ends a word. Runs of whitespace become one space. Emphasis delimiters are
    paired; an unpaired one is kept as text. Emphasis opened deeper than
    :data:`~resolutions.limits.MAX_EMPHASIS_DEPTH` is read as the text around it.

    Args:
        pieces: The pieces, in source order.
        too_deep: Where to add the span of the first opener read as text for being too deep.
    """
    if not pieces:
        return ()
    if all(piece.kind in _PLAIN for piece in pieces):  # most paragraphs: text and line breaks only
        return _plain(pieces)
    root = _Frame("", "", None)
    stack = [root]
    deep: Piece | None = None
    for piece in pieces:
        kind = piece.kind
        if kind == "STAR":
            if not _star(stack, piece) and deep is None:
                deep = piece
        elif kind == "TAG":
            if not _tag(stack, piece) and deep is None:
                deep = piece
        elif kind in REFERENCES:
            stack[-1].add(FootnoteRef(normal_marker(piece.text), Span(piece.start, piece.end)))
        elif kind == "ESCAPE":
            stack[-1].add_text(piece.text[1:], piece.start, piece.end)
        elif kind == "ENTITY":  # "&amp;" is "&", "&nbsp;" a space
            stack[-1].add_text(html.unescape(piece.text), piece.start, piece.end)
        elif kind == "GAP" or kind == "BREAK":
            stack[-1].add_text(" ", piece.start, piece.end)
        else:
            stack[-1].add_text(piece.text, piece.start, piece.end)
    while len(stack) > 1:  # unclosed emphasis: its opener was plain text after all
        _unwrap(stack)
    root.flush()
    if deep is not None and too_deep is not None:
        too_deep.append(Span(deep.start, deep.end))
    return _trim(root.children)


def _unwrap(stack: list[_Frame]) -> None:
    """Give an unclosed emphasis's content to its parent, its opener kept as text."""
    frame = stack.pop()
    parent = stack[-1]
    if frame.opener is not None and frame.opener.kind == "STAR":
        parent.add_text(frame.opener.text, frame.opener.start, frame.opener.end)
    frame.flush()
    for child in frame.children:
        if isinstance(child, Text):
            parent.add_text(child.text, child.span.start, child.span.end)
        else:
            parent.add(child)


def _star(stack: list[_Frame], piece: Piece) -> bool:
    """Close or open emphasis with a run of stars; False when it is too deep to open."""
    for depth in range(len(stack) - 1, 0, -1):
        if stack[depth].closer == piece.text:
            _close(stack, depth, piece.end)
            return True
    if len(piece.text) in _EMPHASIS and len(stack) <= MAX_EMPHASIS_DEPTH:
        stack[-1].flush()
        stack.append(_Frame(_EMPHASIS[len(piece.text)], piece.text, piece))
        return True
    stack[-1].add_text(piece.text, piece.start, piece.end)
    return len(piece.text) not in _EMPHASIS


def _tag(stack: list[_Frame], piece: Piece) -> bool:
    """Close or open emphasis with an HTML tag; False when it is too deep to open."""
    match = _TAG.match(piece.text)
    if not match:
        return True
    closing, name = match.group(1), match.group(2).lower()
    if name not in _OPEN_TAGS:
        return True  # <br>, <span>, <details>: layout, not content
    if not closing:
        if len(stack) > MAX_EMPHASIS_DEPTH:
            return False  # read as the text around it, like a tag that is layout
        stack[-1].flush()
        stack.append(_Frame(_OPEN_TAGS[name], name, piece))
        return True
    for depth in range(len(stack) - 1, 0, -1):
        if stack[depth].closer == name:
            _close(stack, depth, piece.end)
            return True
    return True


def _close(stack: list[_Frame], depth: int, end: int) -> None:
    while len(stack) > depth + 1:  # emphasis left open inside: flatten it into its parent
        _unwrap(stack)
    frame = stack.pop()
    frame.flush()
    children = _trim(frame.children)
    if children:
        stack[-1].add(Emphasis(frame.style, children, Span(frame.start, end)))  # type: ignore[arg-type]


def _trim(nodes: list[Inline]) -> tuple[Inline, ...]:
    """Merge neighbouring text nodes, and trim the spaces at both ends of the sequence.

    A run of neighbours is joined once (joining them two by two copied the text joined so far
    at each step: a paragraph of thousands of unclosed stars took time in the square of its
    length), and the spaces where they meet made one.
    """
    if len(nodes) == 1 and type(nodes[0]) is Text:  # most paragraphs: one text node
        only = nodes[0]
        if only.text[:1] == " ":
            only = Text(only.text.lstrip(), only.span)
        if only.text[-1:] == " ":
            only = Text(only.text.rstrip(), only.span)
        return (only,) if only.text else ()
    out: list[Inline] = []
    run: list[Text] = []
    for node in nodes:
        if isinstance(node, Text):
            run.append(node)
            continue
        if run:
            out.append(_merged(run))
            run = []
        out.append(node)
    if run:
        out.append(_merged(run))
    if out and isinstance(out[0], Text) and out[0].text[:1] == " ":
        out[0] = Text(out[0].text.lstrip(), out[0].span)
    if out and isinstance(out[-1], Text) and out[-1].text[-1:] == " ":
        out[-1] = Text(out[-1].text.rstrip(), out[-1].span)
    return tuple(node for node in out if not (isinstance(node, Text) and not node.text))


def _merged(run: list[Text]) -> Text:
    if len(run) == 1:
        return run[0]
    text = "".join([node.text for node in run])
    if "  " in text:
        text = _SPACES.sub(" ", text)
    return Text(text, Span(run[0].span.start, run[-1].span.end))


#: Two spaces or more.
_SPACES = re.compile(" {2,}")


def inline_text(nodes: tuple[Inline, ...]) -> str:
    """Return the plain text of inline nodes (footnote references left out)."""
    parts: list[str] = []
    for node in nodes:
        if isinstance(node, Text):
            parts.append(node.text)
        elif isinstance(node, Emphasis):
            parts.append(inline_text(node.children))
    return "".join(parts)


def inline_markers(nodes: tuple[Inline, ...]) -> list[str]:
    """Return the markers of the footnote references among inline nodes, in order."""
    markers: list[str] = []
    for node in nodes:
        if isinstance(node, FootnoteRef):
            markers.append(node.marker)
        elif isinstance(node, Emphasis):
            markers.extend(inline_markers(node.children))
    return markers
