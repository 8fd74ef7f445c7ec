"""One-line summaries of nodes: what ``repr(node)`` and rich's pretty printer show.

The ``repr`` attrs would write is the whole tree: about 60,000 characters for a long
resolution, which floods a terminal. A node shows what identifies it instead, as pandas shows a
frame's shape and first rows: its kind, number, verb phrase and first words; a document its
symbol, title and how many paragraphs of each kind, sections, annexes and footnotes it has.
Texts are cut at a word, with "…", so that a summary stays short whatever the document.

>>> import resolutions
>>> doc = resolutions.parse("The Security Council,\\n\\n1. *Decides* to remain seized of the matter.\\n")
>>> doc
<Document 'The Security Council,' preambular=0 operative=1>
>>> doc.body[0].verb
<VerbPhrase 'Decides' italic>

The summaries are data too (:func:`summary`): rich's ``__rich_repr__`` protocol shows the
same items, in colour, where rich would otherwise walk every field of every node.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import attrs

from resolutions.nodes import (
    Annex,
    Closing,
    Diagnostic,
    Document,
    Emphasis,
    Footnote,
    FootnoteRef,
    Formula,
    Furniture,
    Header,
    HeaderLine,
    Node,
    Paragraph,
    Preamble,
    Section,
    SubItem,
    Text,
    Title,
    VerbPhrase,
)

#: The most characters of text a summary quotes (before the "…").
WIDTH = 48
#: The most characters of a header field or a symbol a summary quotes.
_FIELD = 32
#: The longest token shown bare.
_WORD = 16
#: One item of a summary: a key (None for a positional value) and its value.
Item = tuple[str | None, object]


class Bare(str):
    """A word shown as it is, without quotes: a kind, a label, a marker, a date."""

    __slots__ = ()

    def __repr__(self) -> str:
        return str(self)


def preview(text: str, width: int = WIDTH) -> str:
    """Return ``text`` with single spaces, cut at a word before ``width`` characters and marked "…".

    Width is counted as ``repr`` shows the text: an escaped character counts for its escape
    ("\\x1b" is four), so that a quoted preview is never longer than ``width`` plus its quotes.

    >>> preview("Decides to remain   seized of the matter", 20)
    'Decides to remain…'
    """
    flat = " ".join(text.split())
    if len(_escaped(flat)) <= width:
        return flat
    end = size = 0
    while end < len(flat) and size + len(_escaped(flat[end])) < width:  # room for the "…"
        size += len(_escaped(flat[end]))
        end += 1
    cut = flat[:end]
    space = cut.rfind(" ")
    if space > width // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:") + "…"


def _escaped(text: str) -> str:
    """The text as ``repr`` writes it inside its quotes (control characters and backslashes escaped)."""
    return repr(text)[1:-1]


def word(text: str) -> object:
    """Show a short token (a kind, a label, a marker) bare, anything longer or stranger quoted.

    A label from a parse is a token ("12.", "(a)", "*"); one built by hand may hold spaces or
    line breaks, which would break the one-line form unquoted.
    """
    if len(text) <= _WORD and text.isprintable() and not any(char.isspace() for char in text):
        return Bare(text)
    return preview(text, _WORD)


def short_repr(node: Node) -> str:
    """Return ``<Class item item key=value ...>``: the node's :func:`summary` on one line."""
    parts = [repr(value) if key is None else f"{key}={value!r}" for key, value in summary(node)]
    return "<" + " ".join([type(node).__name__, *parts]) + ">"


def summary(node: Node) -> list[Item]:
    """Return what identifies a node: (key, value) pairs, the key None for a positional value."""
    describe = _SUMMARIES.get(type(node), _generic)
    return [(key, value) for key, value in describe(node) if value is not None]


def _text(node: Text) -> list[Item]:
    return [(None, preview(node.text))]


def _emphasis(node: Emphasis) -> list[Item]:
    return [(None, word(node.style)), (None, preview(node.text))]


def _footnote_ref(node: FootnoteRef) -> list[Item]:
    return [(None, word(node.marker))]


def _verb(node: VerbPhrase) -> list[Item]:
    return [
        (None, preview(node.text)),
        ("subject", preview(node.subject) if node.subject else None),
        ("head", preview(node.head) if node.head != node.text else None),
        (None, word(node.marking) if node.marking != "plain" else None),
    ]


def _item(node: SubItem) -> list[Item]:
    return [(None, word(node.label)), ("text", preview(node.text)), ("items", len(node.items) or None)]


def _paragraph(node: Paragraph) -> list[Item]:
    return [
        (None, word(node.kind)),
        (None, word(node.label) if node.label else None),
        ("verb", preview(node.verb.phrase) if node.verb is not None else None),
        ("text", preview(node.text)),
        ("items", len(node.items) or None),
    ]


def _formula(node: Formula) -> list[Item]:
    return [(None, preview(node.text))]


def _preamble(node: Preamble) -> list[Item]:
    formula = preview(node.formula.text) if node.formula is not None else None
    enacting = preview(node.enacting.text) if node.enacting is not None else None
    return [("formula", formula), ("paragraphs", len(node.paragraphs)), ("enacting", enacting)]


def _part(node: Section | Annex) -> list[Item]:
    paragraphs = sum(1 for _ in node.paragraphs())
    sections = sum(1 for _ in _sections(node.children))
    if isinstance(node, Section):
        named: list[Item] = [(None, word(node.label) if node.label else None), (None, preview(node.heading))]
    else:
        named = [(None, preview(node.heading)), ("title", preview(node.title) if node.title else None)]
    return [*named, ("paragraphs", paragraphs), ("sections", sections or None)]


def _sections(blocks: tuple[Paragraph | Section, ...]) -> list[Section]:
    found = []
    for block in blocks:
        if isinstance(block, Section):
            found.append(block)
            found.extend(_sections(block.children))
    return found


def _footnote(node: Footnote) -> list[Item]:
    return [(None, word(node.marker)), (None, preview(node.text))]


def _title(node: Title) -> list[Item]:
    return [(None, word(node.role) if node.role != "title" else None), (None, preview(node.text))]


def _header_line(node: HeaderLine) -> list[Item]:
    return [(None, word(node.field)), (None, preview(node.text))]


def _header(node: Header) -> list[Item]:
    fields = ("organ", "body", "symbol", "kind", "date")
    named: list[Item] = [(name, _value(getattr(node, name), _FIELD)) for name in fields]
    return [*named, ("lines", len(node.lines) or None)]


def _closing(node: Closing) -> list[Item]:
    first = preview(node.lines[0]) if node.lines else None
    return [(None, first), ("lines", len(node.lines) if len(node.lines) > 1 else None), ("date", _value(node.date))]


def _furniture(node: Furniture) -> list[Item]:
    return [(None, word(node.kind)), (None, preview(node.text, WIDTH // 2))]


def _diagnostic(node: Diagnostic) -> list[Item]:
    return [(None, word(node.severity)), (None, word(node.code)), (None, preview(node.message))]


def _document(node: Document) -> list[Item]:
    kinds = {"preambular": 0, "operative": 0, "paragraph": 0}
    for paragraph in node.paragraphs():
        kinds[paragraph.kind] = kinds.get(paragraph.kind, 0) + 1
    sections = len(_sections(node.body)) + sum(len(_sections(annex.children)) for annex in node.annexes)
    named = node.title or (node.preamble.formula.text if node.preamble.formula is not None else None)
    return [
        (None, preview(node.header.symbol, _FIELD) if node.header.symbol else None),
        (None, preview(named) if named else None),
        ("preambular", kinds.pop("preambular")),
        ("operative", kinds.pop("operative")),
        *((kind, count or None) for kind, count in kinds.items()),
        ("sections", sections or None),
        ("annexes", len(node.annexes) or None),
        ("footnotes", len(node.footnotes) or None),
        ("diagnostics", len(node.diagnostics) or None),
    ]


def _generic(node: Node) -> list[Item]:
    """Summarise a node class this module does not know (a body's own): its short fields, counts."""
    items: list[Item] = []
    cls: Any = type(node)
    for field in attrs.fields(cls) if attrs.has(cls) else ():
        value = getattr(node, field.name)
        if not field.repr or value is None or isinstance(value, Node):
            continue
        if isinstance(value, tuple):
            items.append((field.name, len(value) or None))
        else:
            items.append((field.name, _value(value)))
    return items


def _value(value: object, width: int = WIDTH) -> object:
    """Show a field's value: text cut short, a date as ISO, anything else as it is."""
    if isinstance(value, str):
        return preview(value, width)
    if isinstance(value, datetime.date):
        return Bare(value.isoformat())
    return value


_SUMMARIES: dict[type, Callable[[Any], list[Item]]] = {
    Text: _text,
    Emphasis: _emphasis,
    FootnoteRef: _footnote_ref,
    VerbPhrase: _verb,
    SubItem: _item,
    Paragraph: _paragraph,
    Formula: _formula,
    Preamble: _preamble,
    Section: _part,
    Annex: _part,
    Footnote: _footnote,
    Title: _title,
    HeaderLine: _header_line,
    Header: _header,
    Closing: _closing,
    Furniture: _furniture,
    Diagnostic: _diagnostic,
    Document: _document,
}
