"""Records: the document as a table, one row per paragraph and sub-item, in document order.

This is the view the scoring tool, data pipelines and ``pandas`` read (see
:meth:`Document.records` and :meth:`Document.to_frame`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from resolutions.citations.tree import locate
from resolutions.inline import inline_markers, inline_text
from resolutions.nodes import Annex, Paragraph, Section, SubItem

if TYPE_CHECKING:
    from resolutions.citations.tree import Located
    from resolutions.nodes import Block, Document

#: The keys of a record, in order.
COLUMNS = ("kind", "number", "label", "verb", "text", "section", "parent", "footnotes", "citations")


def iter_paragraphs(document: Document) -> Iterator[Paragraph]:
    """Yield every paragraph in document order: preamble, body, annexes."""
    yield from document.preamble.paragraphs
    yield from iter_blocks(document.body)
    for annex in document.annexes:
        yield from iter_blocks(annex.children)


def iter_blocks(blocks: tuple[Block, ...]) -> Iterator[Paragraph]:
    """Yield the paragraphs among blocks in order, those of sections (at any depth) included."""
    for block in blocks:
        if isinstance(block, Section):
            yield from iter_blocks(block.children)
        else:
            yield block


def section_name(section: Section | Annex) -> str:
    """Return a section's name as printed: its label and heading ("A. Demand reduction ...")."""
    if isinstance(section, Annex):
        return section.heading
    return " ".join(part for part in (section.label, section.heading) if part)


def bare_number(label: str | None) -> str | None:
    """Return a label without its punctuation: "12." -> "12", "(iv)" -> "iv", "4," (OCR) -> "4".

    A bullet or a dash ("•", "–") is a label but no number: None.
    """
    if label is None or not any(char.isalnum() for char in label):
        return None
    return label.strip().strip("().,").strip() or label.strip()


def paragraph_text(paragraph: Paragraph) -> str:
    """Return the paragraph's whole text: its verb phrase, then its content, spaces collapsed."""
    text = inline_text(paragraph.content)
    if paragraph.verb is not None:
        text = paragraph.verb.text + ("" if text[:1] in ",;:." else " ") + text.lstrip()
    return " ".join(text.split())


def records(document: Document, *, located: list[Located] | None = None) -> list[dict[str, Any]]:
    """Return one dict per paragraph and sub-item, in document order.

    Keys: ``kind`` ("preambular", "operative", "paragraph" or "item"), ``number`` (bare: "12",
    "a"), ``label`` (as written: "12.", "(a)"), ``verb``, ``text`` (the whole paragraph as plain
    text, verb phrase included, number and markup excluded), ``section`` (the path of section
    names), ``parent`` (the index of the record an item belongs to), ``footnotes`` (the
    markers referenced) and ``citations`` (what the text cites, each as its
    :attr:`~resolutions.citations.Citation.key`: the symbol, else the body and number, "CND
    56/12", "Charter art. 2"; see :mod:`resolutions.citations`).

    ``located`` is the document's citations as :func:`resolutions.citations.tree.locate` gave
    them, for a caller that needs them too (the tables): they are then not found twice.
    """
    rows: list[dict[str, Any]] = []
    for paragraph in document.preamble.paragraphs:
        _add_paragraph(rows, paragraph, [])
    _add_blocks(rows, document.body, [])
    for annex in document.annexes:
        _add_blocks(rows, annex.children, [section_name(annex)])
    for row in rows:
        row["citations"] = []
    for place in locate(document) if located is None else located:
        if place.record is not None:
            rows[place.record]["citations"] = [c.key for c in place.citations]
    return rows


def _add_blocks(rows: list[dict[str, Any]], blocks: tuple[Block, ...], path: list[str]) -> None:
    for block in blocks:
        if isinstance(block, Section):
            name = section_name(block)
            _add_blocks(rows, block.children, [*path, name] if name else path)
        else:
            _add_paragraph(rows, block, path)


def _add_paragraph(rows: list[dict[str, Any]], paragraph: Paragraph, path: list[str]) -> None:
    index = len(rows)
    rows.append(
        {
            "kind": paragraph.kind,
            "number": paragraph.number,
            "label": paragraph.label,
            "verb": paragraph.verb.phrase if paragraph.verb is not None else None,
            "text": paragraph_text(paragraph),
            "section": list(path),
            "parent": None,
            "footnotes": inline_markers(paragraph.content),
        }
    )
    for item in paragraph.items:
        _add_item(rows, item, index, path)


def _add_item(rows: list[dict[str, Any]], item: SubItem, parent: int, path: list[str]) -> None:
    index = len(rows)
    rows.append(
        {
            "kind": "item",
            "number": item.number,
            "label": item.label,
            "verb": None,
            "text": " ".join(inline_text(item.content).split()),
            "section": list(path),
            "parent": parent,
            "footnotes": inline_markers(item.content),
        }
    )
    for child in item.items:
        _add_item(rows, child, index, path)
