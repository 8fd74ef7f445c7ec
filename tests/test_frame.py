"""The pandas table: one row per paragraph and sub-item, the records' columns, in document order."""

from __future__ import annotations

from pathlib import Path

import pytest

import resolutions
from resolutions.nodes import Document, SubItem
from resolutions.records import COLUMNS
from tests.conftest import SEEDS, corpus_texts

pandas = pytest.importorskip("pandas")

SMALL = (
    "The Security Council,\n\n*Recalling* its resolution 1 (2001),¹\n\n"
    "1. *Decides* that:\n\n(a) one;\n\n(i) two;\n\n2. *Requests* a report.\n\n¹ A note.\n"
)


@pytest.mark.parametrize("path", SEEDS + corpus_texts(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_frame_holds_the_records(path: Path) -> None:
    document = resolutions.parse_file(path)
    frame = document.to_frame()
    records = document.records()
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns) == list(COLUMNS)
    assert len(frame) == len(records) == sum(1 for _ in document.paragraphs()) + _items(document)
    rows = frame.astype(object).where(frame.notna(), None).to_dict("records")
    assert rows == records


def _items(document: Document) -> int:
    def count(items: tuple[SubItem, ...]) -> int:
        return sum(1 + count(item.items) for item in items)

    return sum(count(paragraph.items) for paragraph in document.paragraphs())


def test_rows_for_paragraphs_and_nested_items() -> None:
    frame = resolutions.parse(SMALL).to_frame()
    assert list(frame["kind"]) == ["preambular", "operative", "item", "item", "operative"]
    assert pandas.isna(frame.loc[0, "label"])  # pandas shows a missing label as NA, whatever its version
    assert list(frame["label"])[1:] == ["1.", "(a)", "(i)", "2."]
    assert list(frame["verb"])[:2] == ["Recalling", "Decides"]
    assert frame.loc[2, "parent"] == 1 and frame.loc[3, "parent"] == 2
    assert frame.loc[0, "footnotes"] == ["1"]
    assert frame[frame["kind"] == "operative"]["number"].tolist() == ["1", "2"]


def test_empty_document_gives_an_empty_frame_with_the_columns() -> None:
    frame = resolutions.parse("").to_frame()
    assert frame.empty and list(frame.columns) == list(COLUMNS)
