"""The exact source: a document rebuilt from the source ranges of its nodes.

Every node records the range of source text it came from; the layout between nodes (blank
lines, indentation, line breaks) is whitespace. :func:`to_source` joins the nodes' ranges and
that whitespace back into the input; :func:`uncovered` lists any non-blank text that no node
owns, which would be text the tree lost (the test suite requires it to be empty).
"""

from __future__ import annotations

from collections.abc import Iterator

from resolutions.nodes import (
    Annex,
    Document,
    Footnote,
    Formula,
    Paragraph,
    Section,
    Span,
    SubItem,
)


def node_spans(document: Document) -> Iterator[Span]:
    """Yield the source ranges of every node that owns text."""
    yield from (line.span for line in document.header.lines)
    yield from (title.span for title in document.titles)
    if document.preamble.formula is not None:
        yield from _formula(document.preamble.formula)
    for paragraph in document.preamble.paragraphs:
        yield from _paragraph(paragraph)
    for block in document.body:
        yield from _block(block)
    for annex in document.annexes:
        yield from _block(annex)
    for note in document.footnotes:
        yield from _footnote(note)
    if document.closing is not None:
        yield document.closing.span
    yield from (piece.span for piece in document.furniture)


def _block(block: Paragraph | Section | Annex) -> Iterator[Span]:
    if isinstance(block, Paragraph):
        yield from _paragraph(block)
        return
    yield block.span  # a section's or an annex's span is the range of its heading
    if block.formula is not None:
        yield from _formula(block.formula)
    for child in block.children:
        yield from _block(child)


def _paragraph(paragraph: Paragraph | SubItem) -> Iterator[Span]:
    yield from paragraph.parts or (paragraph.span,)
    for item in paragraph.items:
        yield from _paragraph(item)


def _formula(formula: Formula) -> Iterator[Span]:
    yield from formula.parts or (formula.span,)


def _footnote(note: Footnote) -> Iterator[Span]:
    yield from note.parts or (note.span,)
    yield from note.repeats


def _merged(document: Document) -> list[tuple[int, int]]:
    """Return the union of the nodes' ranges, sorted, clipped to the source."""
    size = len(document.source)
    spans = sorted((max(0, s.start), min(size, s.end)) for s in node_spans(document) if s.end > s.start)
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
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
        if gap.strip():
            out.append((position, gap))
        position = max(position, end)
    return out
