"""The web page reader: a real Akoma Ntoso page from the corpus, pages written for the tests
(tests/pages/, see its README), and the shapes and bad inputs pages come in."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from hypothesis import given

import resolutions
from resolutions.errors import DecodeError, ParseError
from resolutions.inline import inline_text
from tests import strategies
from tests.conftest import ROOT, shared

pytest.importorskip("selectolax")

from resolutions.html import HtmlSupportMissingError, read_html

PAGES = ROOT / "tests" / "pages"


def note_texts(doc: resolutions.Document) -> list[tuple[str, str]]:
    return [(note.marker, inline_text(note.content)) for note in doc.footnotes]


def records(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(r["kind"], r["number"], r["verb"]) for r in resolutions.parse(text).records()]


# ---------------------------------------------------------------------------------- real page


def test_akoma_ntoso_page_reads_as_its_text() -> None:
    """IMO A.1006(25): the page's paragraphs are <span class="akn-p">, not <p>."""
    folder = shared("corpus", "104_imo-a1006-25")
    page = resolutions.parse_file(folder / "b12_imo-a1006-25.html")
    text = resolutions.parse_file(folder / "b12_imo-a1006-25.txt")
    assert page.records() == text.records()
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    assert page.title == gold["title"]  # the <h1> is a heading: the title
    assert len(page.records()) == len(gold["paragraphs"])
    assert page.to_source() == read_html(folder / "b12_imo-a1006-25.html")


# ---------------------------------------------------------------------------------- pages written here


def test_press_release_keeps_the_resolution_and_drops_the_site() -> None:
    text = read_html(PAGES / "un_press_release.html")
    for furniture in ("Home", "Search", "Share on X", "For information media", "dataLayer", "visually-hidden"):
        assert furniture not in text
    assert "\nThe Security Council,\n" in text  # the page's quotation marks are taken off
    assert "\u201c" not in text and "\u201d" not in text
    assert records(text)[-3:] == [
        ("operative", "1", "Decides"),
        ("operative", "2", "Requests"),
        ("operative", "3", "Decides"),
    ]
    assert ("preambular", None, "Reaffirming") in records(text)


def test_who_page_nests_sub_items_and_pairs_converter_footnotes() -> None:
    doc = resolutions.parse_file(PAGES / "who_resolution.html")
    assert doc.title == "Example health programme of work"
    assert doc.header.symbol == "WHA99.1"
    rows = [(r["kind"], r["number"], r["verb"], r["parent"]) for r in doc.records()]
    assert rows[2:] == [
        ("operative", "1", "ADOPTS", None),
        ("operative", "2", "URGES", None),
        ("item", "1", None, 3),
        ("item", "2", None, 3),
        ("operative", "3", "REQUESTS", None),
    ]
    assert note_texts(doc) == [
        ("1", "Document A99/4."),
        ("2", "Document WHA98/2023/REC/1, Annex 2."),
    ]
    assert doc.records()[0]["footnotes"] == ["1"]
    assert "\u21a9" not in doc.source  # the back links are left out
    assert not [d for d in doc.diagnostics if d.severity == "error"]


def test_oas_page_saved_from_word() -> None:
    doc = resolutions.parse_file(PAGES / "oas_resolution.html")
    assert "\u201cExample of a Hemispheric Commitment\u201d" in doc.source  # windows-1252, as declared
    rows = [(r["kind"], r["number"], r["verb"]) for r in doc.records()]
    assert rows[:2] == [("preambular", None, "HAVING SEEN"), ("preambular", None, "RECALLING")]
    assert [r["number"] for r in doc.records() if r["kind"] == "item"] == ["a", "b"]  # a layout table
    assert [note.marker for note in doc.footnotes] == ["1"]
    assert doc.records()[0]["footnotes"] == ["1"]
    assert "General Assembly<sup>1</sup> on the" in doc.source


def test_parse_html_and_parse_file_agree(tmp_path: Path) -> None:
    markup = (PAGES / "who_resolution.html").read_text(encoding="utf-8")
    path = tmp_path / "page.htm"
    path.write_text(markup, encoding="utf-8")
    from_file = resolutions.parse_file(path)
    assert resolutions.parse_html(markup) == from_file
    assert resolutions.parse_html(markup.encode("utf-8")).to_source() == from_file.to_source()


# ---------------------------------------------------------------------------------- shapes


def read(body: str) -> str:
    return read_html(f"<!DOCTYPE html><html><body>{body}</body></html>".encode())


def test_blocks_and_inline_markup() -> None:
    text = read(
        "<p><i>The General Assembly</i>,</p><p><em>Recalling also</em> its resolution 1,<sup>2</sup></p>"
        "<p>Line one<br>line two</p><pre>  kept   as\n  written</pre>"
    )
    assert text.split("\n\n") == [
        "The General Assembly,",  # italic from end to end (its comma aside): no verb to mark
        "*Recalling also* its resolution 1,<sup>2</sup>",
        "Line one\nline two",
        "kept   as\n  written\n",
    ]


def test_wholly_italic_block_is_written_plain() -> None:
    assert read("<p><em>Adopted at the 28th plenary meeting</em></p>") == "Adopted at the 28th plenary meeting\n"


def test_lists_number_as_the_browser_does() -> None:
    text = read(
        '<ol start="4"><li>four</li><li value="9">nine</li><li>ten</li></ol>'
        '<ol type="a"><li>first</li><li>second</li></ol><ol type="I"><li>one</li></ol>'
        '<ul><li>point</li></ul><ul style="list-style: none"><li>1. typed</li></ul>'
    )
    assert text.split("\n\n") == [
        "4. four",
        "9. nine",
        "10. ten",
        "a. first",
        "b. second",
        "I. one",
        "• point",
        "1. typed\n",
    ]


def test_a_label_in_its_own_cell_or_element_stays_with_its_text() -> None:
    text = read(
        "<table><tr><td>5.</td><td><p><i>Decides</i> to act;</p></td></tr>"
        "<tr><td>Annex</td><td>List of items</td></tr></table>"
        '<div class="akn-paragraph"><span class="akn-num">6.</span><span class="akn-content">'
        '<span class="akn-p">REQUESTS a report.</span></span></div>'
    )
    assert text.split("\n\n") == ["5. *Decides* to act;", "Annex", "List of items", "6. REQUESTS a report.\n"]


def test_raised_text_that_is_no_marker_stays_text() -> None:
    assert read("<p>the 18<sup>th</sup> plenary meeting</p>") == "the 18th plenary meeting\n"


def test_hidden_and_script_content_is_left_out() -> None:
    text = read(
        '<p>Seen.</p><p hidden>Hidden.</p><p style="display: none">Gone.</p><p aria-hidden="true">Icon</p>'
        "<script>var x = 1;</script><noscript>Enable JavaScript</noscript><template><p>T</p></template>"
    )
    assert text == "Seen.\n"


def test_markup_characters_in_the_text_are_escaped() -> None:
    text = read("<p>Costs marked * are estimates &lt;b&gt; and [^1] is no reference.</p>")
    assert text == "Costs marked \\* are estimates \\<b> and \\[^1] is no reference.\n"
    assert resolutions.parse(text).to_source() == text


def test_footnotes_set_after_a_rule_without_links() -> None:
    text = read("<p>1. <i>Decides</i> to act.<sup>1</sup></p><hr><p><sup>1</sup> Resolution 70/1.</p>")
    doc = resolutions.parse(text)
    assert note_texts(doc) == [("1", "Resolution 70/1.")]


def test_deeply_nested_page_reads() -> None:
    depth = 20_000
    text = read("<div>" * depth + "<p>1. <i>Decides</i> to act.</p>" + "</div>" * depth)
    assert text == "1. *Decides* to act.\n"


# ---------------------------------------------------------------------------------- format and errors


def test_html_is_told_by_its_doctype_whatever_its_name(tmp_path: Path) -> None:
    path = tmp_path / "download.txt"
    path.write_bytes(b"\xef\xbb\xbf<!DOCTYPE html><p>The Security Council,</p><p>1. Decides to act.</p>")
    assert resolutions.parse_file(path).records()[0]["verb"] == "Decides"


def test_markdown_with_tags_is_not_taken_for_html(tmp_path: Path) -> None:
    path = tmp_path / "resolution.md"
    text = "<i>The General Assembly</i>,\n\n1. <i>Decides</i> to act.<sup>1</sup>\n"
    path.write_text(text, encoding="utf-8")
    assert resolutions.parse_file(path).to_source() == text


@pytest.mark.parametrize(
    "data",
    [
        b"<!DOCTYPE html><html><head><title>x</title></head><body></body></html>",
        b"",
        b"<html><body><nav><a href='/'>Home</a></nav><script>load()</script></body></html>",
    ],
    ids=["empty-body", "empty-file", "only-furniture"],
)
def test_page_without_text(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(data)
    with pytest.raises(ParseError, match="holds no text") as caught:
        resolutions.parse_file(path)
    assert caught.value.hint


def test_binary_named_html(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(DecodeError) as caught:
        resolutions.parse_file(path)
    assert "binary" in caught.value.hint
    assert isinstance(caught.value, UnicodeDecodeError)


def test_undeclared_legacy_encoding_reads_as_browsers_read_it(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes("<p>R\u00e9solution \u201cA\u201d</p>".encode("cp1252"))
    assert resolutions.html.read_html(path) == "R\u00e9solution \u201cA\u201d\n"
    path.write_bytes("<p>R\u00e9solution</p>".encode("utf-16"))
    assert resolutions.html.read_html(path) == "R\u00e9solution\n"


def test_missing_extra_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "selectolax.lexbor", None)
    with pytest.raises(HtmlSupportMissingError) as caught:
        resolutions.parse_html("<p>The Council,</p>")
    assert 'pip install "resolutions[html]"' in caught.value.hint
    assert isinstance(caught.value, ImportError)


@given(page=strategies.html_pages())
def test_any_page_reads_or_says_why(page: str) -> None:
    """Whatever the markup, the reader gives text the parser reads back exactly, or says why not."""
    try:
        text = read_html(page.encode("utf-8"))
    except (ParseError, DecodeError):  # no text in it; NUL bytes, which text does not hold
        return
    assert resolutions.parse(text).to_source() == text
