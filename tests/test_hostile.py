"""Hostile input: the reproducers of issue 14, each a regression test.

Texts an attacker (or an unlucky extraction) can write: a formula repeated a thousand times,
emphasis opened without end, a page of footnote markers. Parsing must not raise, must not nest
without limit, and every serialiser must handle what it returns. How long parsing takes is
checked by the complexity harness (``tests/test_complexity.py``), not here.
"""

from __future__ import annotations

import pytest

import resolutions
from resolutions.nodes import Document, Section
from resolutions.serialise.akn import from_akn


def section_depth(document: Document) -> int:
    """Return how deep sections nest (0 without sections), walking without recursion."""
    deepest = 0
    stack = [(block, 1) for block in document.body if isinstance(block, Section)]
    for annex in document.annexes:
        stack.extend((block, 1) for block in annex.children if isinstance(block, Section))
    while stack:
        section, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in section.children if isinstance(child, Section))
    return deepest


def survives_every_serialiser(document: Document) -> None:
    """Write the document in every format, and read back the ones that can be read."""
    assert resolutions.from_dict(document.to_dict()) == document
    assert resolutions.from_json(document.to_json()) == document
    document.to_html()
    document.to_text()
    document.to_markdown()
    document.records()
    assert from_akn(document.to_akn()) == document


@pytest.mark.parametrize("count", [3, 498, 2000])
def test_a_repeated_formula_opens_sibling_sections_not_nested_ones(count: int) -> None:
    document = resolutions.parse("The General Assembly,\n" * count)
    assert section_depth(document) <= 1
    assert len(document.body) == count - 1  # the first is the document's own formula
    survives_every_serialiser(document)


def test_texts_adopted_one_after_another_are_siblings() -> None:
    document = resolutions.parse("The Security Council,\n\n1. Decides.\n\n" * 3)
    assert [type(block).__name__ for block in document.body] == ["Paragraph", "Section", "Section"]
    assert all(block.level == 1 for block in document.body if isinstance(block, Section))
    assert [r["number"] for r in document.records()] == ["1", "1", "1"]
