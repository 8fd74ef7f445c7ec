"""Citations: every form the finder reads, what it must not read, and citations in documents."""

from __future__ import annotations

import datetime
import itertools
import re
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

import resolutions
from resolutions.citations import Citation, Context, find_citations
from resolutions.citations.markup import akn_uri
from resolutions.nodes import Document
from tests.conftest import ROOT, shared
from tests.strategies import CITATION_PHRASES, cited_documents

Row = tuple[str, str | None, str, str | None]


def found(text: str, body: str | None = None) -> list[Row]:
    return [(c.kind, c.body, c.number, c.symbol) for c in find_citations(text, Context(body))]


# ---------------------------------------------------------------------------------- forms

#: (text, the citing body, what is found): every form of the issue, and lists of them.
FORMS: list[tuple[str, str | None, list[Row]]] = [
    # General Assembly
    ("Recalling its resolution 68/262 of 27 March 2014,", "GA", [("resolution", "GA", "68/262", "A/RES/68/262")]),
    (
        "its resolutions 68/262 of 27 March 2014 and ES-11/1 of 2 March 2022",
        "GA",
        [("resolution", "GA", "68/262", "A/RES/68/262"), ("resolution", "GA", "ES-11/1", "A/RES/ES-11/1")],
    ),
    (
        "resolutions 2625 (XXV) and 3314 (XXIX)",
        None,
        [("resolution", "GA", "2625(XXV)", "A/RES/2625(XXV)"), ("resolution", "GA", "3314(XXIX)", "A/RES/3314(XXIX)")],
    ),
    ("its resolution ES-11/1", "GA", [("resolution", "GA", "ES-11/1", "A/RES/ES-11/1")]),
    ("decision 73/546", "GA", [("decision", "GA", "73/546", "A/DEC/73/546")]),
    ("resolution S-26/2", None, [("resolution", "GA", "S-26/2", "A/RES/S-26/2")]),
    ("General Assembly resolution 217 A (III)", None, [("resolution", "GA", "217A(III)", "A/RES/217A(III)")]),
    ("General Assembly resolution S-20/4 E,", None, [("resolution", "GA", "S-20/4E", "A/RES/S-20/4E")]),
    ("Assembly resolution 1514 (XV)", "SC", [("resolution", "GA", "1514(XV)", "A/RES/1514(XV)")]),
    (
        "General Assembly resolutions 2253 (ES-V) and 2254 (ES\u2011V)",
        "SC",
        [
            ("resolution", "GA", "2253(ES-V)", "A/RES/2253(ES-V)"),
            ("resolution", "GA", "2254(ES-V)", "A/RES/2254(ES-V)"),
        ],
    ),
    ("United Nations General Assembly Resolution A/RES/55/2", None, [("resolution", "GA", "55/2", "A/RES/55/2")]),
    ("resolution 1514 (XV) of the General Assembly", "SC", [("resolution", "GA", "1514(XV)", "A/RES/1514(XV)")]),
    # Security Council
    ("resolution 242 (1967)", None, [("resolution", "SC", "242(1967)", "S/RES/242(1967)")]),
    (
        "Reaffirming Security Council resolutions 242 (1967) and 338 (1973)",
        "GA",
        [("resolution", "SC", "242(1967)", "S/RES/242(1967)"), ("resolution", "SC", "338(1973)", "S/RES/338(1973)")],
    ),
    (
        "resolutions 1267 (1999), 1333 (2000) and 1390 (2002)",
        "SC",
        [
            ("resolution", "SC", "1267(1999)", "S/RES/1267(1999)"),
            ("resolution", "SC", "1333(2000)", "S/RES/1333(2000)"),
            ("resolution", "SC", "1390(2002)", "S/RES/1390(2002)"),
        ],
    ),
    ("its decision in resolution 808 (1993)", "SC", [("resolution", "SC", "808(1993)", "S/RES/808(1993)")]),
    ("S/RES/2334 (2016)", None, [("resolution", "SC", "2334(2016)", "S/RES/2334(2016)")]),
    # ECOSOC and the Human Rights Council
    (
        "Economic and Social Council resolution 2014/26",
        None,
        [("resolution", "ECOSOC", "2014/26", "E/RES/2014/26")],
    ),
    ("decision 2014/225", None, [("decision", "ECOSOC", "2014/225", "E/DEC/2014/225")]),
    ("Human Rights Council resolution 37/2", None, [("resolution", "HRC", "37/2", "A/HRC/RES/37/2")]),
    ("its decision 37/2", "HRC", [("decision", "HRC", "37/2", "A/HRC/DEC/37/2")]),
    ("the Council in its resolution 5/1", "HRC", [("resolution", "HRC", "5/1", "A/HRC/RES/5/1")]),
    # WHO
    ("resolution WHA58.23", None, [("resolution", "WHA", "58.23", "WHA58.23")]),
    (
        "resolutions WHA56.1 and WHA60.24",
        None,
        [("resolution", "WHA", "56.1", "WHA56.1"), ("resolution", "WHA", "60.24", "WHA60.24")],
    ),
    ("EB132.R6", None, [("resolution", "EB", "132.R6", "EB132.R6")]),
    ("decision WHA65(8)", None, [("decision", "WHA", "65(8)", "WHA65(8)")]),
    ("World Health Assembly resolution 69.2 of 28 May 2016", "GA", [("resolution", "WHA", "69.2", "WHA69.2")]),
    # commissions, conferences of parties, IMO
    ("Commission on Narcotic Drugs resolution 56/12", None, [("resolution", "CND", "56/12", None)]),
    ("Commission on Narcotic Drugs, resolution 56/2, annex", None, [("resolution", "CND", "56/2", None)]),
    (
        "CND resolutions 55/8 and 56/15",
        None,
        [("resolution", "CND", "55/8", None), ("resolution", "CND", "56/15", None)],
    ),
    ("its resolution 56/12", "CND", [("resolution", "CND", "56/12", None)]),
    ("in accordance with decision 1/CP.21", None, [("decision", "COP", "1/CP.21", None)]),
    ("decision 3/CMA.1", None, [("decision", "CMA", "3/CMA.1", None)]),
    (
        "decisions 2/CMP.1 and 3/CMP.1",
        None,
        [("decision", "CMP", "2/CMP.1", None), ("decision", "CMP", "3/CMP.1", None)],
    ),
    ("resolution A.986(24)", None, [("resolution", "IMO", "A.986(24)", None)]),
    ("decision XIV/5 of the Conference of the Parties", None, [("decision", "COP", "XIV/5", None)]),
    (
        "Commission on Human Rights resolution 2005/69",
        None,
        [("resolution", "CHR", "2005/69", "E/CN.4/RES/2005/69")],
    ),
    # document symbols
    (
        "A/73/L.5, S/2014/136, E/CN.7/2014/L.1/Add.3 and A/CONF.231/3",
        None,
        [
            ("document", None, "A/73/L.5", "A/73/L.5"),
            ("document", None, "S/2014/136", "S/2014/136"),
            ("document", None, "E/CN.7/2014/L.1/Add.3", "E/CN.7/2014/L.1/Add.3"),
            ("document", None, "A/CONF.231/3", "A/CONF.231/3"),
        ],
    ),
    (
        "(S/25704 and Add.1)",
        None,
        [("document", None, "S/25704", "S/25704"), ("document", None, "S/25704/Add.1", "S/25704/Add.1")],
    ),
    (
        "A/67/828-S/2013/210",
        None,
        [("document", None, "A/67/828", "A/67/828"), ("document", None, "S/2013/210", "S/2013/210")],
    ),
    ("Documents A66/9 Corr.1.", None, [("document", None, "A66/9 Corr.1", "A66/9 Corr.1")]),
    (
        "See World Health Organization, document WHA69/2016/REC/1.",
        None,
        [("document", None, "WHA69/2016/REC/1", "WHA69/2016/REC/1")],
    ),
    ("S/PRST/2013/2", None, [("document", None, "S/PRST/2013/2", "S/PRST/2013/2")]),
    (
        "A/ES-11/L.7 and A/ES\u201110/L.27",
        None,
        [("document", None, "A/ES-11/L.7", "A/ES-11/L.7"), ("document", None, "A/ES-10/L.27", "A/ES-10/L.27")],
    ),
    # articles
    ("Article 2 of the Charter", None, [("article", "Charter", "2", None)]),
    (
        "Articles 41 and 42 of the Charter of the United Nations",
        None,
        [("article", "Charter", "41", None), ("article", "Charter", "42", None)],
    ),
    ("article 12, paragraph 3, of the Rome Statute", None, [("article", "Rome Statute", "12", None)]),
    (
        "Article 16, paragraph 3, and Article 18, paragraph 3, of the Paris Agreement",
        None,
        [("article", "Paris Agreement", "16", None), ("article", "Paris Agreement", "18", None)],
    ),
    (
        "Article VI, paragraph 1, of the Constitution of the Organization",
        None,
        [("article", "Constitution of the Organization", "VI", None)],
    ),
    ("under Article 2 (4) of the Charter", None, [("article", "Charter", "2", None)]),
    (
        "the principles of the Charter of the United Nations, in particular Articles 1 and 2,",
        None,
        [("article", "Charter", "1", None), ("article", "Charter", "2", None)],
    ),
    (
        "Articles 13 and 15 of the International Covenant on Economic, Social and Cultural Rights",
        None,
        [
            ("article", "International Covenant on Economic, Social and Cultural Rights", "13", None),
            ("article", "International Covenant on Economic, Social and Cultural Rights", "15", None),
        ],
    ),
]


@pytest.mark.parametrize(("text", "body", "expected"), FORMS, ids=[f[0][:48] for f in FORMS])
def test_every_form_is_read(text: str, body: str | None, expected: list[Row]) -> None:
    assert found(text, body) == expected


#: Text that looks like a citation and is not one.
NEGATIVES = [
    "as set out in paragraph 14 (b) above",
    "the 2030 Agenda for Sustainable Development",
    "Article 2 of the annex to the present resolution",
    "Article 2",
    "Article 2 and the Charter",
    "in accordance with article 5 of the present Convention",
    "Chapter VII of the Charter of the United Nations",
    "page 39, 2/5, 18-18142 (E)",
    "On 27 February 2017, in the years 2011-2016 and 2017/18",
    "the Stop TB Partnership/Global Drug Facility and HIV/AIDS",
    "the resolutions adopted at its eleventh emergency special session",
    "the present resolution and resolution 5",
    "United Nations, Treaty Series, vol. 2187, No. 38544",
    "Sales No. E.13.XI.6",
    "its decision to adopt a global target of a 25% reduction",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_what_only_looks_like_a_citation_is_not_one(text: str) -> None:
    assert found(text, "GA") == []


# ---------------------------------------------------------------------------------- bodies


@pytest.mark.parametrize(
    ("text", "citing", "body"),
    [
        ("its resolution 68/262", "GA", "GA"),
        ("its resolution 713 (1991)", "SC", "SC"),
        ("its resolution 33/11", "HRC", "HRC"),
        ("resolution 33/11", "HRC", "HRC"),  # a bare number of the citing body's own form
        ("resolution 33/11", "SC", "GA"),  # not the Council's form: the Assembly's
        ("resolution 1503 (XLVIII)", "ECOSOC", "ECOSOC"),
        ("resolution 1503 (XLVIII)", "GA", "GA"),
        ("Assembly resolution 69.2", "WHA", "WHA"),
        ("Council resolution 2014/26", "ECOSOC", "ECOSOC"),
        ("Council resolution 242 (1967)", "GA", "SC"),
        ("the General Assembly in its resolution 64/182", "CND", "GA"),
        ("resolution 1.9", None, None),  # a careful reader cannot tell whose
        ("resolution 16/21", "SC", None),  # not the Assembly's: it numbered sessions in Roman until 1976
        ("Commission resolution 57/1", "ECOSOC", None),  # a commission, but which?
        ("Commission resolution 57/1", "CSW", "CSW"),
    ],
)
def test_the_body_comes_from_the_words_the_citing_body_or_the_form(text: str, citing: str | None, body: str) -> None:
    assert [c.body for c in find_citations(text, Context(citing))] == [body]


def test_a_document_does_not_cite_itself() -> None:
    context = Context("GA", frozenset({("resolution", "GA", "73/7")}))
    assert found("Recalling resolution 73/7 and resolution 72/3", None) != []
    assert [c.number for c in find_citations("resolution 73/7 and resolution 72/3", context)] == ["72/3"]


# ---------------------------------------------------------------------------------- what a citation holds


def test_each_item_of_a_list_has_its_own_span_and_the_first_takes_the_body() -> None:
    text = "Recalling Security Council resolutions 1267 (1999), 1333 (2000) and 1390 (2002),"
    citations = find_citations(text)
    assert [c.text for c in citations] == ["Security Council resolutions 1267 (1999)", "1333 (2000)", "1390 (2002)"]
    assert [text[c.span.start : c.span.end] for c in citations] == [c.text for c in citations]


def test_dates_are_read_and_ranges_say_so() -> None:
    first, second = find_citations("its resolutions 63/1 to 63/5 of 3 March 2009")
    assert (first.range, second.range) == ("from", "to")
    assert (first.date, second.date) == (None, datetime.date(2009, 3, 3))
    (single,) = find_citations("resolution 68/262 of March 27, 2014")
    assert single.date == datetime.date(2014, 3, 27) and single.range is None


def test_spans_never_overlap_in_a_long_list_of_forms() -> None:
    text = "; ".join(form for form, _, _ in FORMS)
    citations = find_citations(text)
    assert all(a.span.end <= b.span.start for a, b in itertools.pairwise(citations))
    assert all(text[c.span.start : c.span.end].startswith(c.text[:3]) for c in citations)


def test_key_names_what_is_cited_in_a_table_or_a_graph() -> None:
    keys = [c.key for c in find_citations("resolution 68/262, CND resolution 56/12 and Article 2 of the Charter")]
    assert keys == ["A/RES/68/262", "CND 56/12", "Charter art. 2"]


def test_akn_uris_name_the_body_the_date_and_the_number() -> None:
    (dated,) = find_citations("its resolution 68/262 of 27 March 2014")
    assert akn_uri(dated) == "/akn/un/statement/deliberation/unga/2014-03-27/68-262"
    (document,) = find_citations("A/73/L.8")
    assert akn_uri(document) == "/akn/un/doc/a-73-l-8"
    (article,) = find_citations("Article 2 of the Charter")
    assert akn_uri(article) == "/akn/un/act/charter/!main~art_2"


# ---------------------------------------------------------------------------------- documents

DOCUMENT = """The General Assembly,

Recalling its resolution 71/3 of 5 October 2016 and Security Council
resolution 242 (1967),1

1. Welcomes the report of the Secretary-General (A/73/L.4);

2. Decides:

(a) to act under Article 2 of the Charter;

(b) to consider resolutions 63/1 to 63/5.

1 See also S/2014/136.
"""


@pytest.fixture
def document() -> Document:
    return resolutions.parse(DOCUMENT)


def test_a_document_lists_its_citations_in_order_spans_into_the_source(document: Document) -> None:
    got = [(c.kind, c.body, c.number) for c in document.citations()]
    assert got == [
        ("resolution", "GA", "71/3"),
        ("resolution", "SC", "242(1967)"),
        ("document", None, "A/73/L.4"),
        ("article", "Charter", "2"),
        ("resolution", "GA", "63/1"),
        ("resolution", "GA", "63/5"),
        ("document", None, "S/2014/136"),
    ]
    for citation in document.citations():
        printed = document.source[citation.span.start : citation.span.end]
        assert " ".join(printed.split()) == citation.text


def test_a_citation_over_a_line_break_is_placed_as_the_walk_places_it() -> None:
    """The quick way (a pattern over the source) is trusted across the breaks between a node's lines.

    A wrapped paragraph's parts are its lines: a citation printed over two of them is found by
    the pattern, and where only a line break stands between the parts, its span is the walk's.
    """
    from resolutions.citations import spans
    from resolutions.citations.find import scan
    from resolutions.nodes import Span

    source = "Recalling its resolution\n27 (1947) of 1 August 1947,"
    parts = (Span(0, 24), Span(25, len(source)))
    assert spans._within(parts, source, 10, 51)
    assert not spans._within(parts, source, 30, 60)  # past the node's last part
    furniture = "Recalling its resolution\nS/PV.3 page 2\n27 (1947),"
    assert not spans._within((Span(0, 24), Span(39, len(furniture))), furniture, 10, 48)
    text = "Recalling its resolution 27 (1947) of 1 August 1947,"
    leaves = [resolutions.nodes.Text(text, Span(0, len(source)))]
    (found,) = find_citations(text, Context("SC"))
    (quick,) = spans.placed(scan(text, Context("SC")), leaves, source, parts)
    walked: dict[int, tuple[int, int]] = {}
    first = spans._position(found.span.start, [0], leaves, source, parts, walked)
    last = spans._position(found.span.end - 1, [0], leaves, source, parts, walked) + 1
    assert quick.span == Span(first, last) == Span(10, 51)


@given(
    st.text(alphabet="ab- \t", max_size=8),
    st.text(alphabet="ab-xy \n\t\xa0", max_size=24),
    st.integers(0, 24),
    st.integers(0, 24),
)
def test_a_citation_is_found_as_printed_as_its_pattern_finds_it(text: str, source: str, start: int, end: int) -> None:
    """Finding a citation's text in the source without a pattern finds what the pattern finds."""
    from resolutions.citations import spans

    pattern = re.compile("\\s+".join(re.escape(word).replace("\\-", "-\\s*") for word in text.split(" ")))
    match = pattern.search(source, start, end) if text else None
    if text:
        expected = None if match is None else match.span()
        assert spans.find_printed(text, source, start, end) == expected
        if "\t" not in text:
            assert spans.find_printed(text, source, start, end, spaced=True) == expected


@given(
    st.text(alphabet="ab- ", min_size=1, max_size=8),
    st.text(alphabet="ab- \n", max_size=8),
    st.text(alphabet="ab- \n", max_size=8),
    st.integers(0, 8),
)
def test_a_citation_printed_as_it_is_is_found_as_its_pattern_finds_it(
    text: str, before: str, after: str, start: int
) -> None:
    """The quick way for a text printed whole (no break inside) finds what the pattern finds."""
    from resolutions.citations import spans

    source = before + text + after
    pattern = re.compile("\\s+".join(re.escape(word).replace("\\-", "-\\s*") for word in text.split(" ")))
    match = pattern.search(source, start, len(source))
    expected = None if match is None else match.span()
    assert spans.find_printed(text, source, start, len(source)) == expected
    assert spans.find_printed(text, source, start, len(source), spaced=True) == expected


def test_records_and_the_citations_table_carry_the_verb(document: Document) -> None:
    assert [r["citations"] for r in document.records()] == [
        ["A/RES/71/3", "S/RES/242(1967)"],
        ["A/73/L.4"],
        [],
        ["Charter art. 2"],
        ["A/RES/63/1", "A/RES/63/5"],
    ]
    rows = document.citation_records()
    assert [(r["where"], r["paragraph"], r["verb"], r["symbol"]) for r in rows][-3:] == [
        ("item", "2", "Decides", "A/RES/63/1"),
        ("item", "2", "Decides", "A/RES/63/5"),
        ("footnote", "1", "Recalling", "S/2014/136"),  # the verb of the paragraph that refers to it
    ]


def test_citations_add_nothing_to_the_tree_and_every_reading_keeps_them(document: Document) -> None:
    assert document.to_source() == DOCUMENT
    assert resolutions.from_json(document.to_json()).citations() == document.citations()
    for text in (document.to_text(), document.to_markdown()):
        assert resolutions.parse(text).citations() == document.citations()


def test_akn_marks_citations_and_reads_them_back(document: Document) -> None:
    pytest.importorskip("lxml")
    xml = document.to_akn()
    assert '<ref href="/akn/un/statement/deliberation/unsc/242-1967">' in xml
    assert resolutions.from_akn(xml).citations() == document.citations()


def test_html_marks_citations_with_their_symbol(document: Document) -> None:
    html = document.to_html()
    assert '<span class="rs-citation rs-cites-resolution" title="A/RES/71/3">' in html
    assert "<script" not in html and "http" not in html.replace("http://www.w3.org", "")


def test_a_part_with_its_own_formula_cites_as_its_own_body() -> None:
    text = "The Security Council,\n\n1. Recalls its resolution 242 (1967);\n"
    assert [c.body for c in resolutions.parse(text).citations()] == ["SC"]
    text = "The Economic and Social Council,\n\n1. Recalls its resolution 2014/26;\n"
    assert [c.symbol for c in resolutions.parse(text).citations()] == ["E/RES/2014/26"]


def test_a_short_instrument_name_takes_the_full_name_printed_before() -> None:
    text = (
        "The Security Council,\n\n1. Recalls Article 15 of the Statute of the International Tribunal;\n\n"
        "2. Recalls also Article 29 of the Statute;\n"
    )
    assert {c.body for c in resolutions.parse(text).citations()} == {"Statute of the International Tribunal"}


# ---------------------------------------------------------------------------------- properties


@given(cited_documents())
def test_generated_citations_survive_every_round_trip_and_never_overlap(document: Document) -> None:
    expected = document.citations()
    numbers = {number for _, found_ in CITATION_PHRASES for _, number in found_}
    # Only what the phrases and the generator's words ("A/RES/73/7", "S/2014/136") cite is found.
    assert all(c.number in numbers or c.number in {"73/7", "S/2014/136"} for c in expected), expected
    assert resolutions.from_json(document.to_json()).citations() == expected
    assert resolutions.from_akn(document.to_akn()).citations() == expected
    for text in (document.to_text(), document.to_markdown()):
        parsed = resolutions.parse(text)
        assert parsed.citations() == expected
        spans = sorted(c.span for c in parsed.citations())
        assert all(a.end <= b.start for a, b in itertools.pairwise(spans))
        for citation in parsed.citations():
            printed = parsed.source[citation.span.start : citation.span.end]
            assert "".join(printed.split()).replace("*", "") == "".join(citation.text.split())


#: Pieces that make the screens' tests true or false: keywords in every case, WHO prefixes,
#: slashes, digits, the capitals that stand for the capitalised words, and filler.
_SCREEN_WORDS = (
    "resolution Resolution RESOLUTION RESOLUTIONS decision DECISION Decision article Article ARTICLE"
    " esolution ECISION RTICLE WHA EB WH E / A/ S/RES/ E/CN.7/ 1 42 0 9 (1967) . O L W B x its"
    " \u00e9 \u0661"
)
_SCREEN_PIECES = st.sampled_from([*_SCREEN_WORDS.split(), " ", "  ", "\n", "the ", "General Assembly ", "Council, "])


def _may_cite_as_before(text: str) -> bool:
    """The screen as first written: a regular expression for the digit, every word looked for."""
    if "rticle" in text or "RTICLE" in text:
        return True
    if not any(word in text for word in ("/", "esolution", "ecision", "ESOLUTION", "ECISION", "WHA", "EB")):
        return False
    return re.search("[0-9]", text) is not None


def _starts_as_before(text: str) -> list[int]:
    """The places as first found: every word looked for, each slash backed over its symbol's characters."""
    starts = set()
    for tail in ("esolution", "ESOLUTION", "ecision", "ECISION", "rticle", "RTICLE"):
        starts |= {m.start() - 1 for m in re.finditer(f"(?={tail})", text) if m.start() > 0}
    for prefix in ("WHA", "EB"):
        starts |= {m.start() for m in re.finditer(f"(?={prefix})", text)}
    starts |= {m.start() for m in re.finditer("[A-Za-z0-9.]*/", text)}
    return sorted(starts)


@given(st.lists(_SCREEN_PIECES, max_size=12).map("".join))
def test_the_screens_agree_with_the_plain_tests(text: str) -> None:
    """The quick screens (capitals looked for first, digits one by one) say what the plain tests say."""
    from resolutions.citations import find

    assert find._may_cite(text) == _may_cite_as_before(text)
    assert find._starts(text) == _starts_as_before(text)


_BEFORE_WORDS = (
    "General Assembly|Security Council|United Nations|Health Assembly|WHA|ECOSOC|Council|Assembly|Board|its|Its"
    "|ITS|their|Their|theirs|itself|in|by|at|own|previous|relevant|the|x|Commission on Narcotic Drugs|CND"
)
_BEFORE_PIECES = st.sampled_from([*_BEFORE_WORDS.split("|"), " ", "  ", "\n", ",", "'s", "\u2019s", "(", "1", "_"])


@given(st.lists(_BEFORE_PIECES, max_size=14).map("".join), st.integers(0, 60))
def test_the_first_look_of_before_changes_no_match(text: str, back: int) -> None:
    """``BEFORE`` with its first look finds what the pattern without it finds, wherever searched."""
    from resolutions.citations import patterns

    plain = re.compile(patterns._BEFORE, re.VERBOSE)
    for end in range(len(text) + 1):
        start = max(0, end - back)
        quick, slow = patterns.BEFORE.search(text, start, end), plain.search(text, start, end)
        assert (quick and (quick.span(), quick.groupdict())) == (slow and (slow.span(), slow.groupdict()))


_NUMBER_WORDS = (
    "1 2 19 67 2014 / . ( ) (1967) (XXV) (ES-V) (S-2) ES- S- \u2011 - WHA EB R CP CMA MSC A B E XIV A/RES/ x"
)
_NUMBER_FORMS = "1/CP.21 3/CMA.1 MSC.1(45) A.1006(25) WHA58.23 EB132.R6 WHA65(8) ES-11/1 68/262 XIV/5 69.2 217 A (III)"
_NUMBER_PIECES = st.sampled_from([*_NUMBER_WORDS.split(), *_NUMBER_FORMS.split(), " ", "  "])


@given(st.lists(_NUMBER_PIECES, max_size=10).map("".join))
def test_a_number_s_form_is_the_group_that_closes_last(text: str) -> None:
    """What the scanner reads the form by (``lastgroup``) is the one form's group that matched."""
    from resolutions.citations.patterns import NUMBER

    forms = ("who", "cop", "imo", "special", "slash", "roman_slash", "paren", "dotted")
    for position in range(len(text)):
        match = NUMBER.match(text, position)
        if match is not None:
            assert [form for form in forms if match.group(form)] == [match.lastgroup]


@given(st.text(alphabet=st.sampled_from("ab1 \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u2003\u2028\u3000\u200b"), max_size=12))
def test_spaced_is_the_substitution(text: str) -> None:
    """A citation's text made single-spaced by joining its words is what the substitution gives."""
    from resolutions.citations.model import spaced

    assert spaced(text) == re.sub(r"\s+", " ", text)


_MONTH_NAMES = st.sampled_from(["March", "march", "MARCH", "February", "September", "December"])


@given(
    st.integers(0, 39),
    _MONTH_NAMES,
    st.integers(1000, 2999),
    st.booleans(),
    st.sampled_from([" ", "  ", "\n", "\t"]),
)
def test_a_date_after_a_number_is_what_parse_date_reads(day: int, month: str, year: int, us: bool, space: str) -> None:
    """The scanner reads a date's day, month and year from its own groups: as parse_date reads the date."""
    from resolutions.dates import parse_date

    printed = f"{month}{space}{day},{space}{year}" if us else f"{day}{space}{month}{space}{year}"
    (citation,) = find_citations(f"Recalling resolution 242 (1967) of{space}{printed},")
    assert citation.date == parse_date(printed)
    assert citation.text.endswith(" ".join(printed.split()))


def test_citation_is_frozen_and_equal_whatever_its_span() -> None:
    (first,) = find_citations("resolution 242 (1967)")
    (second,) = find_citations("  resolution 242 (1967)")
    assert first == second and first.span != second.span
    with pytest.raises(AttributeError):
        first.number = "1"  # type: ignore[misc]
    assert isinstance(first, Citation)


# ---------------------------------------------------------------------------------- the gold


def test_the_citations_of_the_gold_documents_score_at_least_098() -> None:
    tool = shared("tools", "score_citations.py")
    gold = [str(shared("corpus")), str(shared("seeds", "gold"))]
    done = subprocess.run(
        [sys.executable, str(tool), *gold, "--min", "0.98"], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    last = done.stdout.strip().splitlines()[-1]
    symbol = float(last.split("symbol ")[1].split()[0])
    assert symbol >= 0.98, last
