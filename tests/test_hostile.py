"""Hostile input: the reproducers of issue 14, each a regression test.

Texts an attacker (or an unlucky extraction) can write: a formula repeated a thousand times,
emphasis opened without end, a page of footnote markers. Parsing must not raise, must not nest
without limit, and every serialiser must handle what it returns. How long parsing takes is
checked by the complexity harness (``tests/test_complexity.py``), not here.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import resolutions
from resolutions import body
from resolutions.compare import differences, same_content
from resolutions.errors import ParseError
from resolutions.inline import inline_markers
from resolutions.limits import MAX_EMPHASIS_DEPTH, MAX_ITEM_DEPTH, MAX_SECTION_DEPTH, TOO_DEEP
from resolutions.nodes import Document, Emphasis, Inline, Paragraph, Section, SubItem, Text
from resolutions.serialise.akn import from_akn
from tests import strategies


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
    # AKN keeps what records show (emphasis nested in emphasis may merge: see docs/akn.md)
    assert from_akn(document.to_akn()).records() == document.records()


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


def emphasis_depth(document: Document) -> int:
    """Return how deep emphasis nests in the document's paragraphs, walking without recursion."""
    deepest = 0
    stack: list[tuple[Inline, int]] = []
    for paragraph in document.paragraphs():
        stack.extend((node, 1) for node in paragraph.content)
    while stack:
        node, depth = stack.pop()
        if isinstance(node, Emphasis):
            deepest = max(deepest, depth)
            stack.extend((child, depth + 1) for child in node.children)
    return deepest


@pytest.mark.parametrize(
    "text",
    [
        "1. Decides " + "<i>\u00b9" * 5000,
        "1. Decides " + "<i><b>" * 500 + "x" + "</b></i>" * 500,
        "1. Decides " + "<i>*<b>**x" * 500 + "**</b>*</i>" * 500,
    ],
    ids=["unclosed-tags", "closed-tags", "tags-and-stars"],
)
def test_emphasis_nests_no_deeper_than_the_limit(text: str) -> None:
    document = resolutions.parse(text)
    assert emphasis_depth(document) <= MAX_EMPHASIS_DEPTH
    assert [d.code for d in document.diagnostics if d.code == TOO_DEEP] == [TOO_DEEP]
    survives_every_serialiser(document)


def test_emphasis_within_the_limit_is_kept_without_a_diagnostic() -> None:
    text = "1. Decides " + "<i><b>" * 4 + "x" + "</b></i>" * 4 + "."
    document = resolutions.parse(text)
    assert emphasis_depth(document) == 8
    assert not [d for d in document.diagnostics if d.code == TOO_DEEP]


def test_sections_past_the_depth_limit_are_read_beside_their_parent(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "The General Assembly,\n\nI. Part\n\nA. Chapter\n\n1. Decides to act.\n"
    assert section_depth(resolutions.parse(text)) == 2
    monkeypatch.setattr(body, "MAX_SECTION_DEPTH", 1)
    document = resolutions.parse(text)
    assert section_depth(document) == 1
    assert [block.label for block in document.body if isinstance(block, Section)] == ["I.", "A."]
    assert [d.code for d in document.diagnostics if d.severity == "warning"] == [TOO_DEEP]
    survives_every_serialiser(document)


def test_a_page_of_repeated_footnotes_is_one_footnote_and_its_copies() -> None:
    document = resolutions.parse("Text1 here.\n" + "1\nfoo.\n" * 2000)
    assert [(note.marker, len(note.repeats)) for note in document.footnotes] == [("1", 2 * 1999)]
    assert [f.kind for f in document.furniture] == ["repeated_footnote"] * 2 * 1999


@pytest.mark.parametrize(
    ("text", "markers"),
    [
        ("Text* here.\n\nMore text.\n\n* Any changes to the list.\n", ["*"]),
        ("Text* here.\n\f\nMore text.\n\n* Any changes to the list.\n", ["*"]),  # a star: on any page above
        ("Text here.\n\f\nMore text.\n\n* Any changes to the list.\n", []),
        ("Text1 here.\n\f\nMore text.\n\n1 Any changes to the list.\n", []),  # a number: on its own page
        ("Court,\u2020 here.\n\n\u2020 Any changes.\n", ["\u2020"]),
        ("Court \u2020\u2020 here.\n\n\u2020\u2020 Any changes.\n", ["\u2020\u2020"]),
        ("Court 12 here.\n\n12 Any changes.\n", ["12"]),
        ("Court 112 here.\n\n12 Any changes.\n", []),
        ("Court  12 here.\n\n12 Any changes.\n", []),
    ],
)
def test_a_marker_opens_a_footnote_where_the_page_above_cites_it(text: str, markers: list[str]) -> None:
    assert [note.marker for note in resolutions.parse(text).footnotes] == markers


@pytest.mark.parametrize(
    "text",
    [
        "Text.\n\n<sup>\u2460</sup> a.\n<sup>\u2461</sup>\n",  # circled digits: digits Python cannot convert
        "Text.\n\n[^\u2460]:\n[^\u2461]: y\nfoo.\n",
        "T.\n\n\u00b9" + "\u00b9" * 5000 + "\n\u00b2\nfoo\n",  # a number longer than Python converts
    ],
    ids=["circled-sup", "circled-markdown", "long-superscript"],
)
def test_markers_that_are_no_numbers_are_kept_in_their_order(text: str) -> None:
    document = resolutions.parse(text)
    assert document.footnotes
    assert document.to_source() == text


def test_a_single_sponsor_after_an_agenda_item_is_the_sponsor_list() -> None:
    # Raised IndexError: the sponsor list was looked for only among lines with two commas.
    document = resolutions.parse("Agenda item 77\nCrime prevention\nGhana: draft resolution\n")
    assert [(line.field, line.text) for line in document.header.lines] == [
        ("agenda_item", "Agenda item 77"),
        ("agenda_title", "Crime prevention"),
        ("sponsors", "Ghana: draft resolution"),
    ]


@pytest.mark.parametrize("lead", ["###", "1.", "(a)", "-", "IV.", "<p>", "PP1", "1.1."])
@pytest.mark.parametrize("space", ["\u00a0", "\u2003", "\u3000", " \t\u00a0"])
def test_a_label_followed_by_any_blank_space_is_read(lead: str, space: str) -> None:
    # Raised ParseError ("a bug in the grammar"): a label took spaces, tabs and no-break spaces
    # only, and three typographic spaces left after it could open no token. Found by Hypothesis.
    for text in (f"{lead} {space * 3}x\n", f"{lead}{space * 3}\n", f"{lead} {space}  x   y\n"):
        for layer in ("un", "pace"):
            document = resolutions.parse(text, body=layer)
            assert document.to_source() == text
            assert "unread-line" not in {d.code for d in document.diagnostics}, (text, layer)


@pytest.mark.parametrize("mark", ["\\*", "*", "\u00b9", "<sup>1</sup>"])
def test_a_header_cell_with_its_mark_before_a_column_gap_is_read(mark: str) -> None:
    # Raised ParseError ("a bug in the grammar"): after a header cell whose look-ahead lets a
    # footnote mark follow, only a gap or the line's end could come. Found by Hypothesis.
    text = f"Distr.: General\nAgenda item 77{mark}   A/RES/77/1\n\nThe General Assembly,\n\n1. Decides.\n"
    document = resolutions.parse(text)
    assert document.to_source() == text
    assert (document.header.agenda_item, document.header.symbol) == ("77", "A/RES/77/1")
    assert [record["text"] for record in document.records()] == ["Decides."]
    assert resolutions.parse("Agenda item 77" + mark + "cell   last cell\n").to_source().endswith("last cell\n")


@pytest.mark.parametrize(
    "text",
    [
        "The World Health Assembly, Having considered   x\n",
        "A/RES/1   The World Health Assembly, Having considered   x   y\n",
    ],
)
def test_a_run_in_formula_before_a_column_gap_is_read(text: str) -> None:
    # Raised ParseError ("a bug in the grammar"): nothing could follow the run-in formula's
    # paragraph but the line's end. Found by the complexity families.
    document = resolutions.parse(text)
    assert document.to_source() == text


# ---------------------------------------------------------------------------------- round trips


def reads_back(document: Document) -> None:
    """The canonical text and Markdown read back with the same content."""
    for rendering in (document.to_text(), document.to_markdown()):
        again = resolutions.parse(rendering)
        assert same_content(again, document), (rendering, differences(document, again))


@pytest.mark.parametrize(
    "text",
    [
        "5\nThe General Assembly,\n\n1. Decides.\n\n__________\n5 A note.\n",  # the marker above the formula
        "The General Assembly,<sup>5</sup>\n\n1. Decides.\n\n<sup>5</sup> A note.\n",
        "The General Assembly,\u2075\n\n1. Decides.\n\n\u2075 A note.\n",
        "The General Assembly,[^5]\n\n1. Decides.\n\n[^5]: A note.\n",
    ],
)
def test_a_formula_with_a_footnote_reference_reads_back_as_a_formula(text: str) -> None:
    # to_text() wrote "The General Assembly,⁵", which read back as a plain paragraph.
    document = resolutions.parse(text)
    assert document.preamble.formula is not None
    assert inline_markers(document.preamble.formula.content) == ["5"]
    reads_back(document)


@pytest.mark.parametrize("bullet", ["-", "\u2022", "*", "\u2013", "\u25cf"])
def test_bullet_items_keep_their_bullet_through_markdown(bullet: str) -> None:
    # to_markdown() wrote "- • to act;", which read back as the item "-" with the text "• to act;".
    text = f"The General Assembly,\n\n1. Decides:\n\n{bullet} to act;\n\n{bullet} to report.\n"
    document = resolutions.parse(text)
    assert [item.label for item in document.body[0].items] == [bullet, bullet]  # type: ignore[union-attr]
    reads_back(document)
    markdown = document.to_markdown()
    assert resolutions.parse(markdown).to_markdown() == markdown


@pytest.mark.parametrize(
    "text",
    [
        "<i> \n",
        "Text.\n\n<i> \n\nMore.\n",
        "The General Assembly,\n\n1. Decides.\n\n<b></b>\n\n2. Requests.\n",
        "<i>  <b>\n",
    ],
)
def test_a_paragraph_of_markup_alone_is_furniture(text: str) -> None:
    # It was an empty paragraph, which to_text() and to_markdown() left out: it did not read back.
    document = resolutions.parse(text)
    assert all(paragraph.content or paragraph.number for paragraph in document.paragraphs())
    assert "markup" in [furniture.kind for furniture in document.furniture]
    assert not [d for d in document.diagnostics if d.severity != "info"]
    assert document.to_source() == text
    reads_back(document)


# ---------------------------------------------------------------------------------- readers


def test_json_nested_without_end_is_a_parse_error() -> None:
    # json.loads raised RecursionError through from_json.
    with pytest.raises(ParseError, match="nests deeper"):
        resolutions.from_json("[" * 100_000 + "]" * 100_000)


def item_depth(items: tuple[SubItem, ...]) -> int:
    deepest, stack = 0, [(item, 1) for item in items]
    while stack:
        item, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in item.items)
    return deepest


def test_akoma_ntoso_nested_too_deep_is_read_within_the_limits() -> None:
    # from_akn gave back whatever depth the XML had (up to libxml2's 256), and to_dict() then
    # raised RecursionError on it.
    section: Paragraph | Section = Paragraph("paragraph", None, None, (Text("x"),))
    for level in range(150, 0, -1):
        section = Section(f"Heading {level}", None, None, level, None, (section,))
    item = SubItem("(a)", (Text("x"),))
    for _ in range(60):
        item = SubItem("(a)", (Text("x"),), (item,))
    paragraph = Paragraph("paragraph", None, None, (Text("y"),), (item,))
    document = from_akn(Document(body=(section, paragraph)).to_akn())
    assert section_depth(document) == MAX_SECTION_DEPTH
    assert item_depth(document.body[-1].items) == MAX_ITEM_DEPTH  # type: ignore[union-attr]
    assert "Heading 150" in [r["text"] for r in document.records()]  # flattened, not lost
    xml = resolutions.parse("1. Decides <i>x</i>.\n").to_akn().replace("<i>x</i>", "<i>" * 250 + "x" + "</i>" * 250)
    emphasised = from_akn(xml)
    assert emphasis_depth(emphasised) == MAX_EMPHASIS_DEPTH
    assert emphasised.records()[0]["text"] == "Decides x."
    for read in (document, emphasised):
        assert resolutions.from_json(read.to_json()) == read


@settings(deadline=None)
@given(st.one_of(strategies.texts(), strategies.repeated_units().map(lambda family: family.text(2_000))))
def test_every_serialiser_writes_whatever_parse_returns(text: str) -> None:
    document = resolutions.parse(text)
    assert "unread-line" not in {d.code for d in document.diagnostics}, "a line the grammar could not read"
    assert section_depth(document) <= MAX_SECTION_DEPTH
    assert emphasis_depth(document) <= MAX_EMPHASIS_DEPTH
    assert all(item_depth(p.items) <= MAX_ITEM_DEPTH for p in document.paragraphs())
    assert resolutions.from_json(document.to_json()) == document
    document.to_html()
    document.to_text()
    document.to_markdown()
    from_akn(document.to_akn())  # read back (what XML cannot carry, control characters, is left out)
