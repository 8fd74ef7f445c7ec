"""The HTML view: well-formed, self-contained, escaped, with verbs marked and footnotes linked.

Well-formedness is checked twice. html5lib's strict mode runs the WHATWG parsing algorithm,
which browsers use, and raises on every parse error (a stray end tag, a forbidden character)
instead of repairing it. The XML parser of the standard library then requires every element to
be closed and properly nested, which an HTML parser would quietly fix; it also gives the tree
that the link checks below walk.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import attrs
import pytest
from hypothesis import given

import resolutions
from resolutions import cli
from resolutions.nodes import (
    Annex,
    Closing,
    Diagnostic,
    Document,
    Emphasis,
    Footnote,
    FootnoteRef,
    Formula,
    Header,
    HeaderLine,
    Paragraph,
    Preamble,
    Section,
    Span,
    SubItem,
    Text,
    Title,
    VerbPhrase,
)
from resolutions.serialise.html import to_html
from tests import strategies
from tests.conftest import SEEDS, STYLES, corpus_texts

html5lib = pytest.importorskip("html5lib")

DOCUMENTS = SEEDS + STYLES + corpus_texts()
SMALL = (
    "The Security Council,\n\n*Recalling* its resolution 1 (2001),¹ and *The future we want*,\n\n"
    "1. *Decides* to remain seized,¹ and:\n\n(a) to act;\n\n(i) soon;\n\n2. *Requests* a report.\n\n¹ A note.\n"
)
EVIL = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "'><svg onload=alert(1)>", "&amp; &lt;"]


def parse_page(page: str, *, fragment: bool = False) -> ET.Element:
    """Parse strictly as HTML, then as XML; return the XML tree."""
    parser = html5lib.HTMLParser(strict=True)
    if fragment:
        parser.parseFragment(page)
    else:
        parser.parse(page)
    return ET.fromstring(page)


def classes(element: ET.Element) -> set[str]:
    return set(element.get("class", "").split())


def text_of(element: ET.Element) -> str:
    return "".join(element.itertext())


def assert_links_resolve(root: ET.Element) -> None:
    ids = [element.get("id") for element in root.iter() if element.get("id")]
    assert len(ids) == len(set(ids)), "ids are unique"
    known = set(ids)
    for anchor in root.iter("a"):
        href = anchor.get("href", "")
        assert href.startswith("#"), href
        assert href[1:] in known, href
    for ref in (a for a in root.iter("a") if a.get("id")):  # a reference to a note ...
        note = next(element for element in root.iter() if element.get("id") == ref.get("href", "")[1:])
        backs = [a.get("href") for a in note.iter("a") if "rs-backref" in classes(a)]
        assert f"#{ref.get('id')}" in backs  # ... and its note links back to it


def assert_self_contained(page: str, root: ET.Element) -> None:
    """No script, no resource from elsewhere: links stay in the page, styles load nothing.

    The document's own text may well mention a URL; it is shown as text, never as a link.
    """
    assert not re.search(r"(?i)<\s*script", page)
    for element in root.iter():
        assert element.tag not in ("script", "img", "iframe", "object", "embed", "link", "svg", "base"), element.tag
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), name
            assert name not in ("src", "srcset", "action", "formaction", "style"), name
            if name == "href":
                assert value.startswith("#"), value
    for style in root.iter("style"):
        assert not re.search(r"(?i)url\(|@import|https?:|//", style.text or "")


# ---------------------------------------------------------------------------------- documents


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_seed_and_corpus_pages_are_well_formed_and_linked(path: Path) -> None:
    document = resolutions.parse_file(path)
    page = document.to_html()
    root = parse_page(page)
    assert_links_resolve(root)
    assert_self_contained(page, root)
    fragment = document._repr_html_()
    assert fragment == to_html(document, fragment=True)
    fragment_root = parse_page(fragment, fragment=True)
    assert "resolutions-doc" in classes(fragment_root)
    assert fragment_root.find("style") is not None
    assert_links_resolve(fragment_root)
    verbs = [e for e in root.iter("span") if "rs-verb" in classes(e)]
    assert len(verbs) == sum(p.verb is not None for p in document.paragraphs())
    if document.title:
        assert text_of(next(root.iter("h1"))) == document.title


@given(strategies.node_trees())
def test_any_tree_gives_a_well_formed_self_contained_page(document: Document) -> None:
    page = to_html(document)
    root = parse_page(page)
    assert_links_resolve(root)
    assert_self_contained(page, root)
    ET.fromstring(to_html(document, fragment=True))  # the same content: the XML parse is enough


# ---------------------------------------------------------------------------------- what it shows


def test_verbs_numbers_items_and_footnotes_are_marked() -> None:
    document = resolutions.parse(SMALL)
    root = parse_page(document.to_html())
    preambular = [text_of(e) for e in root.iter("span") if "rs-verb-preambular" in classes(e)]
    operative = [text_of(e) for e in root.iter("span") if "rs-verb-operative" in classes(e)]
    assert preambular == ["Recalling"]
    assert operative == ["Decides", "Requests"]
    assert [text_of(e) for e in root.iter("span") if "rs-number" in classes(e)] == ["1.", "2."]
    outer = next(e for e in root.iter("ol") if "rs-items" in classes(e))
    assert text_of(outer).startswith("(a)")
    assert outer.find("li/ol/li") is not None and text_of(outer.find("li/ol/li")).startswith("(i)")  # type: ignore[arg-type]
    assert any(e.tag == "i" and text_of(e) == "The future we want" for e in root.iter())
    refs = [a for a in root.iter("a") if a.get("id")]
    assert len(refs) == 2 and refs[0].get("id") != refs[1].get("id")  # one marker, two references
    note = next(e for e in root.iter("li") if e.get("id") == refs[0].get("href", "")[1:])
    assert [a.get("href") for a in note.iter("a")] == [f"#{ref.get('id')}" for ref in refs]
    assert "A note." in text_of(note)


def test_header_title_sections_annex_and_closing_are_shown() -> None:
    document = Document(
        header=Header(organ="General Assembly", symbol="A/RES/73/7", lines=(HeaderLine("other", "Seventy-third"),)),
        titles=(Title("A subtitle", "subtitle"), Title("The title")),
        body=(Section("Demand reduction", "A.", children=(Section("Prevention", level=2),)),),
        annexes=(Annex("Annex II", "Terms of reference"),),
        closing=Closing(("28th plenary meeting", "29 October 2018")),
    )
    root = parse_page(to_html(document))
    assert text_of(root.find("head/title")) == "The title"  # type: ignore[arg-type]
    header = text_of(next(root.iter("header")))
    assert "General Assembly" in header and "A/RES/73/7" in header and "Seventy-third" in header
    assert [text_of(e) for e in root.iter("h1")] == ["The title"]
    assert [text_of(e) for e in root.iter("h2")][:2] == ["A. Demand reduction", "Annex II"]
    assert [text_of(e) for e in root.iter("h3")] == ["Prevention"]
    assert "28th plenary meeting" in text_of(next(root.iter("footer")))


def test_unresolved_reference_is_shown_without_a_link() -> None:
    document = Document(body=(Paragraph("paragraph", content=(Text("See"), FootnoteRef("9"))),))
    root = parse_page(to_html(document))
    sup = next(root.iter("sup"))
    assert "rs-unresolved" in classes(sup) and sup.find("a") is None and text_of(sup) == "9"


def test_a_marker_used_twice_links_to_the_note_after_each_reference() -> None:
    first = Paragraph("paragraph", content=(Text("One"), FootnoteRef("1", Span(3, 4))))
    second = Paragraph("paragraph", content=(Text("Two"), FootnoteRef("1", Span(30, 31))))
    notes = (Footnote("1", (Text("First note"),), Span(10, 20)), Footnote("1", (Text("Second note"),), Span(40, 50)))
    root = parse_page(to_html(Document(body=(first, second), footnotes=notes)))
    assert_links_resolve(root)
    targets = [text_of(_by_id(root, a.get("href", "")[1:])) for a in root.iter("a") if a.get("id")]
    assert [t.split()[1:3] for t in targets] == [["First", "note"], ["Second", "note"]]


def _by_id(root: ET.Element, wanted: str) -> ET.Element:
    return next(element for element in root.iter() if element.get("id") == wanted)


def test_two_documents_in_one_notebook_do_not_share_ids() -> None:
    first, second = resolutions.parse(SMALL), resolutions.parse(SMALL.replace("report", "review"))
    ids = [
        {e.get("id") for e in parse_page(d._repr_html_(), fragment=True).iter() if e.get("id")} for d in (first, second)
    ]
    assert ids[0] and ids[1] and not ids[0] & ids[1]
    assert first.to_html() == resolutions.parse(SMALL).to_html()  # a pure function of the document


def test_diagnostics_are_listed() -> None:
    document = resolutions.parse("The Security Council,\n\n1. *Decides* one;\n\n3. *Decides* two.\n")
    assert document.diagnostics
    root = parse_page(to_html(document))
    details = next(root.iter("details"))
    assert document.diagnostics[0].code in text_of(details)


# ---------------------------------------------------------------------------------- escaping


def evil_document(evil: str) -> Document:
    """Every text field the view shows, holding the same hostile text."""
    inline = (Text(evil), Emphasis("bold", (Text(evil),)), FootnoteRef(evil))
    paragraph = Paragraph(
        "operative", evil, VerbPhrase(evil, evil), inline, (SubItem(evil, inline, (SubItem(evil, inline),)),)
    )
    return Document(
        header=Header(organ=evil, body=evil, symbol=evil, place=evil, lines=(HeaderLine("other", evil),)),
        titles=(Title(evil), Title(evil, "subtitle")),
        preamble=Preamble(Formula(inline), (attrs.evolve(paragraph, kind="preambular"),)),
        body=(Section(evil, evil, evil, 1, Formula(inline), (paragraph,)),),
        annexes=(Annex(evil, evil, Formula(inline), (paragraph,)),),
        footnotes=(Footnote(evil, inline),),
        closing=Closing((evil, evil)),
        diagnostics=(Diagnostic("warning", evil, evil),),
        source=evil,
    )


@pytest.mark.parametrize("evil", EVIL)
def test_document_text_cannot_inject_markup(evil: str) -> None:
    for fragment in (False, True):
        page = to_html(evil_document(evil), fragment=fragment)
        root = parse_page(page, fragment=fragment)
        assert_self_contained(page, root)
        assert_links_resolve(root)
        assert evil in text_of(root)  # shown as text, character for character
        assert evil not in page  # never as markup


def test_characters_html_forbids_are_replaced() -> None:
    document = Document(titles=(Title("a\x00b\x0cc\x1fd\ufffee\U0010ffff\x85f"),))
    root = parse_page(to_html(document))
    assert text_of(next(root.iter("h1"))) == "a\ufffdb c\ufffdd\ufffde\ufffd\ufffdf"


def test_writer_is_offered_to_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([str(SEEDS[0]), "--to", "html"]) == 0
    assert capsys.readouterr().out == resolutions.parse_file(SEEDS[0]).to_html()
