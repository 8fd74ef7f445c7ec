"""The exact source: a document rebuilt from the source ranges of its nodes.

Every node records the range of source text it came from; the layout between nodes (blank
lines, indentation, line breaks) is whitespace. :func:`to_source` joins the nodes' ranges and
that whitespace back into the input; :func:`uncovered` lists any non-blank text that no node
owns, which would be text the tree lost (the test suite requires it to be empty).
"""

from __future__ import annotations

import operator

from resolutions.nodes import (
    Annex,
    Document,
    Formula,
    Paragraph,
    Section,
    Span,
    SubItem,
)

_START = operator.attrgetter("start")


def node_spans(document: Document) -> list[Span]:
    """Return the source ranges of every node that owns text."""
    spans: list[Span] = [line.span for line in document.header.lines]
    spans.extend(title.span for title in document.titles)
    if document.preamble.formula is not None:
        _formula(document.preamble.formula, spans)
    for paragraph in document.preamble.paragraphs:
        _paragraph(paragraph, spans)
    if document.preamble.enacting is not None:
        _formula(document.preamble.enacting, spans)
    for block in document.body:
        _block(block, spans)
    for annex in document.annexes:
        _block(annex, spans)
    for note in document.footnotes:
        spans.extend(note.parts or (note.span,))
        spans.extend(note.repeats)
    if document.closing is not None:
        spans.append(document.closing.span)
    spans.extend(piece.span for piece in document.furniture)
    return spans


def _block(block: Paragraph | Section | Annex, spans: list[Span]) -> None:
    if isinstance(block, Paragraph):
        _paragraph(block, spans)
        return
    spans.append(block.span)  # a section's or an annex's span is the range of its heading
    if block.formula is not None:
        _formula(block.formula, spans)
    for child in block.children:
        _block(child, spans)


def _paragraph(paragraph: Paragraph | SubItem, spans: list[Span]) -> None:
    spans.extend(paragraph.parts or (paragraph.span,))
    for item in paragraph.items:
        _paragraph(item, spans)


def _formula(formula: Formula, spans: list[Span]) -> None:
    spans.extend(formula.parts or (formula.span,))


def _merged(document: Document) -> list[tuple[int, int]]:
    """Return the union of the nodes' ranges, sorted, clipped to the source."""
    size = len(document.source)
    spans = node_spans(document)
    spans.sort(key=_START)  # by start alone: of two ranges that start together, the merge keeps the longer
    merged: list[tuple[int, int]] = []
    last = -1  # the end of the last merged range
    for span in spans:
        start, end = span.start, span.end  # (Span checks that a range starts at 0 or later)
        if end <= start:
            continue
        if end > size:
            end = size  # an end past the source is clipped
        if start <= last:
            if end > last:
                merged[-1] = (merged[-1][0], end)
                last = end
        else:
            merged.append((start, end))
            last = end
    return merged


def to_source(document: Document) -> str:
    """Return the text the document was parsed from: its nodes' ranges, and the layout between."""
    source = document.source
    parts: list[str] = []
    position = 0
    for start, end in _merged(document):
        parts.append(source[position:start])  # layout between nodes: whitespace
        parts.append(source[start:end])
        position = end
    parts.append(source[position:])
    return "".join(parts)


def uncovered(document: Document) -> list[tuple[int, str]]:
    """Return (offset, text) for each stretch of non-blank source text that no node owns."""
    source = document.source
    out: list[tuple[int, str]] = []
    position = 0
    for start, end in [*_merged(document), (len(source), len(source))]:
        gap = source[position:start]
        if position == 0:
            gap = gap.removeprefix("\ufeff")  # a byte order mark is layout, not text
        if gap.strip():
            out.append((position, gap))
        position = max(position, end)
    return out
