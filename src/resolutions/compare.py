"""Comparing documents by content, whatever their layout or markup.

``a == b`` already ignores source spans; :func:`same_content` goes further and ignores what
differs between renderings of one document: emphasis and how verbs are marked, how numbers
are punctuated ("1." or "1)"), whitespace, and the order of footnotes. It compares the header
fields, titles, formulas, paragraphs (kind, number, verb phrase, text, footnote references,
sub-items), sections, annexes, footnotes and closing lines.
"""

from __future__ import annotations

from typing import Any

from resolutions.inline import inline_markers, inline_text
from resolutions.nodes import HEADER_FIELDS, Annex, Block, Document, Formula, Paragraph, Section, SubItem
from resolutions.records import bare_number, paragraph_text


def content(document: Document) -> dict[str, Any]:
    """Return a document's content as plain, comparable data."""
    header = document.header
    return {
        "header": {name: _text(getattr(header, name)) for name in HEADER_FIELDS},
        "titles": [(title.role, _text(title.text)) for title in document.titles],
        "formula": _formula(document.preamble.formula),
        "preamble": [_paragraph(p) for p in document.preamble.paragraphs],
        "enacting": _formula(document.preamble.enacting),
        "body": [_block(block) for block in document.body],
        "annexes": [_annex(annex) for annex in document.annexes],
        "footnotes": sorted((note.marker, _text(inline_text(note.content))) for note in document.footnotes),
        "closing": [_text(line) for line in document.closing.lines] if document.closing else None,
    }


def same_content(first: Document, second: Document) -> bool:
    """Tell whether two documents say the same thing (see the module's docstring).

    Markup, layout, number punctuation and whitespace aside; ``==`` compares markup too.

    Examples:
        >>> import resolutions
        >>> a = resolutions.parse("The Council,\\n\\n1. *Decides* to act.\\n")
        >>> b = resolutions.parse("The Council,\\n1) Decides   to\\nact.\\n")
        >>> a == b, resolutions.same_content(a, b)
        (False, True)
    """
    return content(first) == content(second)


def differences(first: Document, second: Document) -> list[str]:
    """Describe where two documents' contents differ (empty when :func:`same_content`).

    Examples:
        >>> import resolutions
        >>> a = resolutions.parse("The Council,\\n\\n1. Decides to act.\\n")
        >>> resolutions.differences(a, resolutions.parse("The Council,\\n\\n1. Decides to wait.\\n"))
        ["document.body[0].text: 'Decides to act.' != 'Decides to wait.'"]
    """
    found: list[str] = []
    _compare(content(first), content(second), "document", found)
    return found


def _compare(first: Any, second: Any, path: str, found: list[str]) -> None:
    if isinstance(first, dict) and isinstance(second, dict):
        for key in first.keys() | second.keys():
            _compare(first.get(key), second.get(key), f"{path}.{key}", found)
    elif isinstance(first, list) and isinstance(second, list):
        for index, (a, b) in enumerate(zip(first, second, strict=False)):
            _compare(a, b, f"{path}[{index}]", found)
        for index in range(min(len(first), len(second)), max(len(first), len(second))):
            extra = first[index] if index < len(first) else second[index]
            side = "first" if index < len(first) else "second"
            found.append(f"{path}[{index}]: only in the {side}: {extra!r}")
    elif first != second:
        found.append(f"{path}: {first!r} != {second!r}")


def _text(value: object) -> str | None:
    return None if value is None else " ".join(str(value).split())


def _formula(formula: Formula | None) -> str | None:
    return _text(inline_text(formula.content)) if formula is not None else None


def _paragraph(paragraph: Paragraph) -> dict[str, Any]:
    return {
        "kind": paragraph.kind,
        "number": paragraph.number,
        "verb": paragraph.verb.text if paragraph.verb is not None else None,
        "text": paragraph_text(paragraph),
        "footnotes": inline_markers(paragraph.content),
        "items": [_item(item) for item in paragraph.items],
    }


def _item(item: SubItem) -> dict[str, Any]:
    return {
        "label": bare_number(item.label),
        "text": _text(inline_text(item.content)),
        "footnotes": inline_markers(item.content),
        "items": [_item(child) for child in item.items],
    }


def _block(block: Block) -> dict[str, Any]:
    if isinstance(block, Paragraph):
        return _paragraph(block)
    return {
        "section": _section_name(block),
        "subtitle": _text(block.subtitle),
        "formula": _formula(block.formula),
        "children": [_block(child) for child in block.children],
    }


def _section_name(section: Section) -> str | None:
    return _text(" ".join(part for part in (section.label, section.heading) if part))


def _annex(annex: Annex) -> dict[str, Any]:
    return {
        "annex": _text(annex.heading),
        "title": _text(annex.title),
        "formula": _formula(annex.formula),
        "children": [_block(child) for child in annex.children],
    }
