"""The everyday API: nodes that agree with records, selections, CSV, the public names, the samples."""

from __future__ import annotations

import csv
import importlib
import io
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import resolutions
from resolutions.nodes import Document, Paragraph, Section, SubItem
from resolutions.serialise.table import to_csv
from tests.conftest import SEEDS, STYLES, corpus_texts

EXAMPLES = SEEDS + STYLES + corpus_texts()
IDS = [path.parent.name + "/" + path.name for path in EXAMPLES]
SMALL = (
    "The General Assembly,\n\n*Recalling* its resolution 72/3,\n\n*Noting with concern* the report,\n\n"
    "1. *Welcomes* the report;\n\n2. *Also decides* to act on climate change:\n\n(a) At once;\n\n(b) Later;\n\n"
    "3. DECIDES to remain seized of the matter.\n"
)


def rows_in_order(document: Document) -> Iterator[Paragraph | SubItem]:
    """Paragraphs and their sub-items in the order of records()."""

    def items(item: SubItem) -> Iterator[SubItem]:
        yield item
        for child in item.items:
            yield from items(child)

    for paragraph in document.paragraphs():
        yield paragraph
        for item in paragraph.items:
            yield from items(item)


# ---------------------------------------------------------------------------------- nodes agree with records


@pytest.mark.parametrize("path", EXAMPLES, ids=IDS)
def test_nodes_give_the_number_label_and_text_of_their_records(path: Path) -> None:
    document = resolutions.parse_file(path)
    rows = document.records()
    nodes = list(rows_in_order(document))
    assert len(nodes) == len(rows)
    for node, row in zip(nodes, rows, strict=True):
        assert (node.number, node.label, node.text) == (row["number"], row["label"], row["text"]), row
        if isinstance(node, Paragraph):
            assert row["kind"] == node.kind and row["verb"] == (node.verb.phrase if node.verb else None)


def test_a_paragraph_label_is_as_written_and_its_number_bare() -> None:
    document = resolutions.parse(SMALL)
    second = document.body[1]
    assert isinstance(second, Paragraph)
    assert (second.label, second.number) == ("2.", "2")
    assert second.text == "Also decides to act on climate change:"  # the verb phrase included
    assert [(item.label, item.number, item.text) for item in second.items] == [
        ("(a)", "a", "At once;"),
        ("(b)", "b", "Later;"),
    ]
    assert document.preamble.formula is not None and document.preamble.formula.text == "The General Assembly,"


def test_the_json_tree_keeps_the_label_under_its_old_key() -> None:
    document = resolutions.parse(SMALL)
    written = document.to_dict()["body"][0]
    assert written["number"] == "1." and "label" not in written
    assert resolutions.from_dict(document.to_dict()) == document


# ---------------------------------------------------------------------------------- selections


@pytest.mark.parametrize("path", EXAMPLES, ids=IDS)
def test_selections_pick_what_records_filtered_by_hand_pick(path: Path) -> None:
    document = resolutions.parse_file(path)
    rows = [row for row in document.records() if row["kind"] != "item"]
    for kind in ("preambular", "operative", "paragraph"):
        assert [p.text for p in document.find(kind)] == [row["text"] for row in rows if row["kind"] == kind]
    assert document.preambular == document.find("preambular")
    assert document.operative == document.find("operative")
    assert document.find(["preambular", "operative"]) == tuple(
        p for p in document.paragraphs() if p.kind != "paragraph"
    )
    names = {name for row in rows for name in row["section"]}
    for name in sorted(names)[:5]:
        words = name.split()[-1].lower()
        expected = [row["text"] for row in rows if any(words in part.lower() for part in row["section"])]
        assert [p.text for p in document.find(section=words)] == expected, words


@pytest.mark.parametrize("path", EXAMPLES, ids=IDS)
def test_sections_are_every_section_at_any_depth_in_document_order(path: Path) -> None:
    document = resolutions.parse_file(path)
    rows = document.records()
    sections = document.sections
    assert all(isinstance(section, Section) for section in sections)
    starts = [section.span.start for section in sections]
    assert starts == sorted(starts)
    named = {name for row in rows for name in row["section"]}
    assert {section.name for section in sections if section.name and any(section.paragraphs())} <= named
    paragraphs = {id(p) for section in sections for p in section.paragraphs()}
    assert paragraphs == {id(p) for p in document.paragraphs() if _in_a_section(document, p)}


def _in_a_section(document: Document, paragraph: Paragraph) -> bool:
    from resolutions.selection import walk

    return any(isinstance(part, Section) for found, path in walk(document) if found is paragraph for part in path)


def test_find_matches_verbs_whatever_their_case_and_adverbs() -> None:
    document = resolutions.parse(SMALL)
    assert [p.number for p in document.find(verb="decides")] == ["2", "3"]
    assert [p.number for p in document.find(verb="Also decides")] == ["2"]
    assert [p.number for p in document.find(verb=re.compile(r"^[A-Z]+$"))] == ["3"]
    assert [p.verb.text for p in document.find(verb="noting with CONCERN") if p.verb] == ["Noting with concern"]
    assert document.find(verb="decide") == ()  # a phrase, not a prefix: "decide" is not "decides"


def test_find_combines_its_conditions() -> None:
    document = resolutions.parse(SMALL)
    assert [p.number for p in document.find("operative", text="CLIMATE")] == ["2"]
    assert [p.number for p in document.find(text=re.compile(r"report;$"))] == ["1"]
    assert document.find("preambular", text="climate") == ()
    assert [p.number for p in document.find(where=lambda p: bool(p.items))] == ["2"]


def test_find_names_the_kinds_when_given_an_unknown_one() -> None:
    document = resolutions.parse(SMALL)
    with pytest.raises(ValueError, match="the kinds are preambular, operative, paragraph") as caught:
        document.find("item")
    assert "sub-items are rows of records()" in str(caught.value)
    with pytest.raises(ValueError, match="'operatives'"):
        document.find(["operative", "operatives"])


def test_a_document_is_not_iterable_nor_sized() -> None:
    document = resolutions.parse(SMALL)
    with pytest.raises(TypeError):
        iter(document)  # type: ignore[call-overload]
    assert bool(Document())  # an empty document is still a document, not a falsy container


# ---------------------------------------------------------------------------------- CSV


def test_to_csv_is_a_method_like_every_other_format() -> None:
    document = resolutions.parse_file(SEEDS[2])
    text = document.to_csv()
    assert text == to_csv(document)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == len(document.records())
    assert rows[0]["text"] == document.records()[0]["text"]
    assert document.to_csv("citations") == to_csv(document, "citations")


# ---------------------------------------------------------------------------------- public names


def test_dir_shows_the_public_api_and_the_modules_stay_importable() -> None:
    shown = dir(resolutions)
    public = [name for name in shown if not (name.startswith("__") and name.endswith("__"))]
    assert sorted(public) == sorted(name for name in resolutions.__all__ if name != "__version__")
    for hidden in ("api", "builder", "layout", "blocks", "nodes", "annotations"):
        assert hidden not in shown
    layout = importlib.import_module("resolutions.layout")  # as `import resolutions.layout` does
    assert resolutions.layout is layout
    assert "__version__" in shown and "__doc__" in shown


def test_every_public_name_exists_and_is_documented() -> None:
    for name in resolutions.__all__:
        value = getattr(resolutions, name)
        if name != "__version__":
            assert (value.__doc__ or "").strip(), name


def test_the_samples_are_the_seed_documents() -> None:
    found = resolutions.examples()
    assert [path.name for path in found] == [path.name for path in SEEDS]
    assert all(path.read_bytes() == seed.read_bytes() for path, seed in zip(found, SEEDS, strict=True))
    assert resolutions.parse_file(found[2]) == resolutions.parse_file(SEEDS[2])


def test_reading_akn_without_lxml_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    document = resolutions.parse(SMALL)
    xml = document.to_akn()  # writing needs nothing
    for name in [name for name in sys.modules if name.startswith("resolutions.serialise.akn.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "lxml", None)  # as if it were not installed
    with pytest.raises(ImportError, match=r"pip install 'resolutions\[akn\]'"):
        resolutions.from_akn(xml)
