"""A readable outline of a document, for the terminal.

It shows the header, the title, each paragraph's kind, number and verb phrase, the sections,
the footnotes and the diagnostics.

The outline is a view, not a format: it has no reader.
"""

from __future__ import annotations

import textwrap

from resolutions.inline import inline_text
from resolutions.nodes import Block, Document, Paragraph, Section, SubItem
from resolutions.records import section_name
from resolutions.source import SourceText

_FIELDS = (
    "organ",
    "body",
    "symbol",
    "kind",
    "distribution",
    "date",
    "adopted",
    "original_language",
    "session",
    "place",
    "agenda_item",
)
_KIND = {"preambular": "PP", "operative": "OP", "paragraph": "  "}


def to_outline(document: Document, *, width: int = 100) -> str:
    """Return the outline of a document as text."""
    out: list[str] = []
    header = document.header
    for name in _FIELDS:
        value = getattr(header, name)
        if value is not None:
            out.append(f"{name.replace('_', ' '):<18} {value}")
    for title in document.titles:
        out.append(f"{title.role:<18} {title.text}")
    if document.preamble.formula is not None:
        out.append(f"{'formula':<18} {_short(inline_text(document.preamble.formula.content), width - 19)}")
    out.append("")
    for paragraph in document.preamble.paragraphs:
        out.append(_paragraph_line(paragraph, 0, width))
    _blocks(out, document.body, 0, width)
    for annex in document.annexes:
        out.append(f"== {annex.heading}" + (f": {annex.title}" if annex.title else ""))
        _blocks(out, annex.children, 1, width)
    if document.closing is not None:
        out.append("")
        out.append(f"{'closing':<18} {' / '.join(document.closing.lines)}")
    if document.footnotes:
        markers = ", ".join(note.marker for note in document.footnotes)
        out.append(f"{'footnotes':<18} {len(document.footnotes)}: {markers}")
    if document.diagnostics:
        source = SourceText(document.source)
        out.append(f"{'diagnostics':<18} {len(document.diagnostics)}")
        for diagnostic in document.diagnostics:
            line, _ = source.position(diagnostic.span.start)
            out.append(f"  line {line}: {diagnostic.severity} {diagnostic.code}: {diagnostic.message}")
    return "\n".join(out) + "\n"


def _blocks(out: list[str], blocks: tuple[Block, ...], depth: int, width: int) -> None:
    for block in blocks:
        if isinstance(block, Section):
            name = section_name(block) or "(adopted text)"
            out.append(f"{'  ' * depth}{'#' * block.level} {name}" + (f" | {block.subtitle}" if block.subtitle else ""))
            if block.formula is not None:
                formula = _short(inline_text(block.formula.content), width - 12)
                out.append(f"{'  ' * (depth + 1)}formula: {formula}")
            _blocks(out, block.children, depth + 1, width)
        else:
            out.append(_paragraph_line(block, depth, width))
            _items(out, block.items, depth + 1, width)


def _items(out: list[str], items: tuple[SubItem, ...], depth: int, width: int) -> None:
    for item in items:
        indent = "  " * depth
        out.append(f"{indent}   {item.label:<6} {_short(inline_text(item.content), width - len(indent) - 10)}")
        _items(out, item.items, depth + 1, width)


def _paragraph_line(paragraph: Paragraph, depth: int, width: int) -> str:
    indent = "  " * depth
    number = paragraph.label or ""
    verb = paragraph.verb.text if paragraph.verb is not None else ""
    marked = paragraph.verb is not None and paragraph.verb.marking != "plain"
    marking = f" ({paragraph.verb.marking})" if marked and paragraph.verb is not None else ""
    lead = f"{indent}{_KIND[paragraph.kind]} {number:>5} {verb}{marking}"
    rest = inline_text(paragraph.content)
    room = max(20, width - len(lead) - 3)
    return f"{lead} | {_short(rest.strip(), room)}" if verb else f"{lead}{_short(rest.strip(), room)}"


def _short(text: str, width: int) -> str:
    return textwrap.shorten(" ".join(text.split()), width=max(width, 10), placeholder=" ...")


__all__ = ["to_outline"]
