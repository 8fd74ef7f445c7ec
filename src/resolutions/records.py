"""Records: the document as a table, one row per paragraph and sub-item, in document order.

This is the view the scoring tool, data pipelines and ``pandas`` read (see
:meth:`Document.records` and :meth:`Document.to_frame`).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from resolutions.citations.tree import locate
from resolutions.inline import inline_markers, inline_text
from resolutions.lines import evenly_spaced
from resolutions.nodes import Annex, Paragraph, Section, SubItem, Text

if TYPE_CHECKING:
    from resolutions.citations.tree import Located
    from resolutions.nodes import Block, Document, Inline, VerbPhrase

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


@functools.lru_cache(maxsize=2048)  # a collection's labels are a few hundred: "1.", "(a)", "(iv)"
def bare_number(label: str | None) -> str | None:
    """Return a label without its punctuation: "12." -> "12", "(iv)" -> "iv", "4," (OCR) -> "4".

    A bullet or a dash ("•", "–") is a label but no number: None.
    """
    if label is None or not any(char.isalnum() for char in label):
        return None
    return label.strip().strip("().,").strip() or label.strip()


def paragraph_text(paragraph: Paragraph) -> str:
    """Return the paragraph's whole text: its verb phrase, then its content, spaces collapsed."""
    return _paragraph_text(paragraph.verb, _plain(paragraph.content))


def _paragraph_text(verb: VerbPhrase | None, text: str) -> str:
    if verb is not None:
        text = verb.text + ("" if text[:1] in ",;:." else " ") + text.lstrip()
    return collapse(text)


def collapse(text: str) -> str:
    """Return ``" ".join(text.split())``: spaces single, none at the ends.

    Most texts are so already (the inline scanner makes them so), and
    :func:`~resolutions.lines.evenly_spaced` proves it without splitting and joining.
    """
    return text if evenly_spaced(text) else " ".join(text.split())


def _plain(content: tuple[Inline, ...]) -> str:
    """The text of inline content; most paragraphs are one text node, read without a call."""
    if len(content) == 1 and type(content[0]) is Text:
        return content[0].text
    return inline_text(content)


def _markers(content: tuple[Inline, ...]) -> list[str]:
    if len(content) == 1 and type(content[0]) is Text:
        return []
    return inline_markers(content)


#: A paragraph or sub-item as :func:`rows` gives it: kind, bare number, label, verb phrase (the
#: node; None for items), text, section path, parent row, footnote markers.
Row = tuple[str, str | None, str | None, "VerbPhrase | None", str, tuple[str, ...], int | None, list[str]]


def rows(document: Document) -> list[Row]:
    """Return one tuple per paragraph and sub-item, in document order: what records and tables read.

    Records are dicts and the tables' rows flat tuples; both are made from these, so the tree is
    walked once and each text joined once whichever is asked for.
    """
    out: list[Row] = []
    for paragraph in document.preamble.paragraphs:
        _add_paragraph(out, paragraph, ())
    _add_blocks(out, document.body, ())
    for annex in document.annexes:
        _add_blocks(out, annex.children, (section_name(annex),))
    return out


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
    cited = {
        place.record: [c.key for c in place.citations]
        for place in (locate(document) if located is None else located)
        if place.record is not None
    }
    return [
        {
            "kind": kind,
            "number": number,
            "label": label,
            "verb": verb.phrase if verb is not None else None,
            "text": text,
            "section": list(path),
            "parent": parent,
            "footnotes": markers,
            "citations": cited.get(index, []),
        }
        for index, (kind, number, label, verb, text, path, parent, markers) in enumerate(rows(document))
    ]


def _add_blocks(out: list[Row], blocks: tuple[Block, ...], path: tuple[str, ...]) -> None:
    for block in blocks:
        if isinstance(block, Section):
            name = section_name(block)
            _add_blocks(out, block.children, (*path, name) if name else path)
        else:
            _add_paragraph(out, block, path)


def _add_paragraph(out: list[Row], paragraph: Paragraph, path: tuple[str, ...]) -> None:
    index = len(out)
    content = paragraph.content
    verb = paragraph.verb
    label = paragraph.label
    number = bare_number(label)
    text = _paragraph_text(verb, _plain(content))
    out.append((paragraph.kind, number, label, verb, text, path, None, _markers(content)))
    if paragraph.items:
        _add_items(out, paragraph.items, index, path)


def _add_items(out: list[Row], items: tuple[SubItem, ...], parent: int, path: tuple[str, ...]) -> None:
    for item in items:
        index = len(out)
        content = item.content
        text = collapse(_plain(content))
        out.append(("item", bare_number(item.label), item.label, None, text, path, parent, _markers(content)))
        if item.items:
            _add_items(out, item.items, index, path)
