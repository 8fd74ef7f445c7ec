"""The shipped bodies' layers: detection, and each body's documents read right.

Real documents come from the shared corpus where it has the body (they skip without it);
otherwise from samples written from the body's published conventions (tests/bodies/, see its
README).
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import resolutions
from resolutions.conventions import _line_start_rest, sign_test
from resolutions.detect import detect
from resolutions.grammar import load_grammar, shipped_bodies
from tests.conftest import ROOT, STYLES, shared

SAMPLES = ROOT / "tests" / "bodies"
SHIPPED = ("au", "cms", "ep", "fao", "imo", "oas", "pace", "un", "unesco", "unfccc")


def rows(doc: resolutions.Document) -> list[tuple[object, ...]]:
    return [(r["kind"], r["number"], r["verb"]) for r in doc.records()]


def test_every_shipped_body_is_listed_with_its_title() -> None:
    listed = resolutions.bodies()
    assert set(SHIPPED) <= set(listed)
    assert all(listed[name] and listed[name] != name for name in SHIPPED)


@pytest.mark.parametrize("name", SHIPPED)
def test_every_shipped_layer_builds(name: str) -> None:
    grammar = resolutions.load_grammar(name)
    assert grammar.conventions.name == name and grammar.conventions.detect
    assert resolutions.parse("The Council,\n\n1. Decides to meet.\n", body=name).grammar == name


@pytest.mark.parametrize(
    ("sample", "body"),
    [
        ("ep_resolution.txt", "ep"),
        ("pace_resolution.txt", "pace"),
        ("oas_declaration.txt", "oas"),
        ("imo_msc_resolution.txt", "imo"),
        ("au_assembly_decision.txt", "au"),
        ("achpr_resolution.txt", "au"),
        ("unfccc_decision.txt", "unfccc"),
        ("cms_resolution.txt", "cms"),
        ("fao_council_resolution.txt", "fao"),
        ("unesco_declaration.txt", "unesco"),
    ],
)
def test_samples_are_detected(sample: str, body: str) -> None:
    assert resolutions.parse_file(SAMPLES / sample).grammar == body


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("corpus/101_unfccc-cop24-decisions/b03_unfccc-cop24-dec13-20.txt", "unfccc"),
        ("corpus/103_unesco-cultural-diversity/b09_unesco-gc-2001-decl-cultural-diversity.txt", "unesco"),
        ("corpus/104_imo-a1006-25/b12_imo-a1006-25.txt", "imo"),
        ("corpus/105_aewa-mop1-res1-9/b15_aewa-mop1-res1-9.md", "cms"),
        ("corpus/106_fao-council-cppc/b17_fao-council-cppc.md", "fao"),
        ("corpus/001_a-res-73-7/A_RES_73_7-EN.txt", "un"),
        ("corpus/005_s-res-242-1967/S_RES_0242_1967_EN_GOLD.txt", "un"),
        ("corpus/007_wha66-10/66.10.txt", "un"),
    ],
)
def test_real_documents_are_detected(path: str, body: str) -> None:
    assert resolutions.parse_all_file(shared(*path.split("/")))[0].grammar == body


def test_a_mention_of_another_body_is_no_sign_of_it() -> None:
    text = (
        "RESOLUTION 841 (1993)\n\nAdopted by the Security Council at its 3238th meeting\n\n"
        "The Security Council,\n\nNoting resolution CP/RES.594 (923/92) of the Permanent Council of the "
        "Organization of American States,\n\n1. Decides to remain seized of the matter.\n"
    )
    assert detect(text)[0].name == "un"
    assert resolutions.parse(text).header.symbol == "S/RES/841 (1993)"


def test_a_text_no_body_fits_is_read_as_the_uns_and_says_so() -> None:
    doc = resolutions.parse("Minutes of the meeting of the garden club.\n\nThe roses were pruned.\n")
    assert doc.grammar == "un"
    assert [d.code for d in doc.diagnostics] == ["unknown-body"]


def test_body_forces_a_layer_and_is_recorded() -> None:
    doc = resolutions.parse_file(SAMPLES / "ep_resolution.txt", body="un")
    assert doc.grammar == "un"
    assert doc.records()[0]["kind"] != "preambular" or doc.records()[0]["verb"] is None


def test_european_parliament() -> None:
    doc = resolutions.parse_file(SAMPLES / "ep_resolution.txt")
    assert doc.header.organ == "European Parliament"
    assert doc.header.adopted == datetime.date(2022, 5, 5)
    assert doc.title.startswith("European Parliament resolution of 5 May 2022 on the impact")
    assert rows(doc) == [
        ("preambular", None, "having regard to"),
        ("preambular", None, "having regard to"),
        ("preambular", None, "having regard to"),
        ("preambular", "A", "whereas"),
        ("preambular", "B", "whereas"),
        ("preambular", "C", "whereas"),
        ("operative", "1", "Condemns"),
        ("operative", "2", "Calls on"),
        ("item", None, None),
        ("item", None, None),
        ("operative", "3", "Stresses"),
        ("operative", "4", "Instructs"),
    ]
    assert [r["label"] for r in doc.records()[:4]] == ["–", "–", "–", "A."]
    assert not [d for d in doc.diagnostics if d.severity != "info"]  # recitals' letters are no error


def test_parliamentary_assembly_of_the_council_of_europe() -> None:
    doc = resolutions.parse_file(SAMPLES / "pace_resolution.txt")
    assert (doc.header.symbol, doc.header.kind, doc.header.organ) == (
        "2417 (2022)",
        "resolution",
        "Parliamentary Assembly",
    )
    assert doc.title == "Combating rising hate against LGBTI people in Europe"
    assert rows(doc) == [
        ("operative", "1", "is alarmed by"),
        ("operative", "2", "strongly condemns"),
        ("operative", "3", "recalls"),
        ("operative", "4", "therefore calls on"),
        ("item", "4.1", None),
        ("item", "4.1.1", None),
        ("item", "4.1.2", None),
        ("item", "4.2", None),
        ("operative", "5", "invites"),
    ]
    records = doc.records()
    assert [records[i]["parent"] for i in range(4, 8)] == [3, 4, 4, 3]  # a level per dot
    verb = next(doc.paragraphs()).verb
    assert verb is not None and verb.subject == "The Parliamentary Assembly" and verb.head == "is alarmed by"
    assert records[0]["text"].startswith("The Parliamentary Assembly is alarmed by")
    assert doc.closing is not None and doc.closing.date == datetime.date(2022, 1, 25)
    assert resolutions.from_akn(doc.to_akn()) == doc


def test_a_formula_that_says_under_what_the_body_acts() -> None:
    # the Council of Europe's Committee of Ministers: "under the terms of Article 15.b ..."
    text = (
        "Recommendation CM/Rec(2023)2\nof the Committee of Ministers to member States\n"
        "on rights, services and support for victims of crime\n\n"
        "The Committee of Ministers, under the terms of Article 15.b of the Statute of the Council of Europe,\n\n"
        "Considering that the aim of the Council of Europe is to achieve a greater unity between its members;\n\n"
        "Having regard to the European Convention on Human Rights;\n\n"
        "Recommends that the governments of member States take measures to support victims of crime.\n"
    )
    doc = resolutions.parse(text)
    assert doc.preamble.formula is not None and doc.header.organ == "Committee of Ministers"
    assert rows(doc) == [
        ("preambular", None, "Considering"),
        ("preambular", None, "Having regard to"),
        ("operative", None, "Recommends"),
    ]


def test_organization_of_american_states() -> None:
    doc = resolutions.parse_file(STYLES[0].parent / "oas_capitals.txt")
    assert doc.grammar == "oas" and doc.header.symbol == "AG/RES. 2976 (LII-O/22)"
    assert doc.preamble.enacting is not None
    assert resolutions.inline.inline_text(doc.preamble.enacting.content) == "RESOLVES:"
    assert [r["verb"] for r in doc.records() if r["kind"] == "operative"] == ["To reaffirm", "To request", "To request"]
    declaration = resolutions.parse_file(SAMPLES / "oas_declaration.txt")
    assert declaration.header.symbol == "AG/DEC. 112 (LI-O/21)"
    assert rows(declaration)[2:] == [
        ("operative", "1", "To reaffirm"),
        ("operative", "2", "To encourage"),
        ("operative", "3", "To entrust"),
    ]
    again = resolutions.from_akn(declaration.to_akn())
    assert again == declaration and again.preamble.enacting == declaration.preamble.enacting


def test_international_maritime_organization() -> None:
    doc = resolutions.parse_file(SAMPLES / "imo_msc_resolution.txt")
    assert (doc.header.symbol, doc.header.organ) == ("MSC.474(102)", "Maritime Safety Committee")
    assert doc.header.adopted == datetime.date(2020, 11, 11)
    assert rows(doc) == [
        ("preambular", None, "RECALLING"),
        ("preambular", None, "RECALLING FURTHER"),
        ("preambular", None, "HAVING CONSIDERED"),
        ("operative", "1", "ADOPTS"),  # "1 ADOPTS": a number without its stop
        ("operative", "2", "DETERMINES"),
        ("operative", "3", "INVITES"),
        ("operative", "4", "REQUESTS"),
    ]


def test_african_union_and_african_commission() -> None:
    decision = resolutions.parse_file(SAMPLES / "au_assembly_decision.txt")
    assert decision.header.symbol == "Assembly/AU/Dec.749(XXXIII)"
    assert [r["verb"] for r in decision.records()] == ["TAKES NOTE", "COMMENDS", "REQUESTS"]
    achpr = resolutions.parse_file(SAMPLES / "achpr_resolution.txt")
    assert achpr.header.symbol == "ACHPR/Res.345 (LVIII) 2016"
    assert achpr.header.organ == "African Commission on Human and Peoples' Rights"
    assert rows(achpr) == [
        ("preambular", None, "Recalling"),
        ("preambular", None, "Concerned about"),
        ("operative", "1", "Takes cognizance"),  # the layer's phrase
        ("operative", "2", "Calls on"),
        ("operative", "3", "Requests"),
    ]


def test_climate_convention() -> None:
    doc = resolutions.parse_file(SAMPLES / "unfccc_decision.txt")
    assert (doc.header.kind, doc.header.symbol) == ("decision", "5/CMA.9")
    assert doc.header.organ == "Conference of the Parties serving as the meeting of the Parties to the Paris Agreement"
    assert rows(doc) == [
        ("preambular", None, "Recalling"),
        ("preambular", None, "Also recalling"),
        ("operative", "1", "Welcomes"),
        ("operative", "2", "Requests"),
        ("operative", "3", "Decides"),
    ]
    assert doc.closing is not None and doc.closing.date == datetime.date(2027, 11, 23)


def test_migratory_species_agreements() -> None:
    doc = resolutions.parse_file(SAMPLES / "cms_resolution.txt")
    assert (doc.header.symbol, doc.title) == ("9.3", "Conservation of migratory waterbirds in the flyway")
    assert doc.preamble.formula is not None
    assert rows(doc) == [  # two clauses run together on one line, "### 1" numbering the next block
        ("preambular", None, "Recalling"),
        ("preambular", None, "Aware of"),
        ("operative", "1", "Urges"),
        ("operative", "2", "Requests"),
    ]


def test_food_and_agriculture_organization() -> None:
    doc = resolutions.parse_file(SAMPLES / "fao_council_resolution.txt")
    assert (doc.header.organ, doc.title) == ("Council", "Regional Commission for Fisheries")
    assert rows(doc) == [
        ("preambular", None, "Having considered"),
        ("item", "a", None),
        ("item", "b", None),
        ("operative", None, "Hereby establishes"),  # run into item (b) after its ";"
        ("paragraph", "1", None),  # the statutes it establishes
        ("paragraph", "2", None),
    ]


def test_unesco_general_conference() -> None:
    doc = resolutions.parse_file(SAMPLES / "unesco_declaration.txt")
    assert doc.header.organ == "General Conference"
    assert rows(doc)[:3] == [
        ("preambular", None, "Committed"),
        ("preambular", None, "Recalling"),
        ("operative", None, "Proclaims"),
    ]
    assert [r["section"] for r in doc.records()[3:]] == [
        ["IDENTITY AND DIVERSITY", "Article 1 – Diversity as a common heritage"],
        ["IDENTITY AND DIVERSITY", "Article 2 – From diversity to pluralism"],
    ]


def test_a_resolution_number_is_the_security_councils_only_when_it_issued_it() -> None:
    council = resolutions.parse("Resolution 2436 (2022)\n\nThe Security Council,\n\n1. Decides to act.\n")
    assert council.header.symbol == "S/RES/2436 (2022)"
    assembly = resolutions.parse_file(SAMPLES / "pace_resolution.txt", body="un")
    assert assembly.header.symbol == "2417 (2022)"  # no UN symbol invented for another body's number


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.name)
def test_samples_lose_nothing(path: Path) -> None:
    doc = resolutions.parse_file(path)
    assert doc.to_source() == path.read_text(encoding="utf-8")
    assert resolutions.from_json(doc.to_json()) == doc
    again = resolutions.parse(doc.to_markdown())
    assert resolutions.same_content(again, doc), resolutions.differences(doc, again)[:3]


def test_titled_symbols_are_screened_by_one_pattern() -> None:
    """The screen made of all titled-symbol patterns says no only where each of them does."""
    import re

    from resolutions.conventions import any_of

    conventions = resolutions.load_grammar("un").compiled().conventions
    assert conventions.titled_symbol("WHA66.12 Neglected tropical diseases") == (
        "WHA66.12",
        "Neglected tropical diseases",
        "World Health Assembly",
    )
    assert conventions.titled_symbol("EB152(3) Appointment of the Regional Director") is not None
    assert conventions.titled_symbol("Recalling resolution WHA66.12,") is None
    assert conventions.titled_symbol("<") is None
    screen = any_of([rule.pattern for rule in conventions.titled_symbols])
    assert screen is not None
    for text in ["WHA66.12 Title", "EB1.R2 Title", "WHA76(10) Title", "WHA66.12", "x WHA66.12 Title", ""]:
        assert (screen.fullmatch(text) is not None) == any(
            rule.pattern.fullmatch(text) for rule in conventions.titled_symbols
        )
    # Patterns that cannot be joined give no screen: each is tried alone, as before.
    assert any_of([re.compile(r"(?P<x>a)(?P=x)")]) is None
    assert any_of([re.compile("a"), re.compile("b", re.IGNORECASE)]) is None
    assert any_of([]) is None


def _shipped_signs() -> list[re.Pattern[str]]:
    return [pattern for name in shipped_bodies() for pattern, _ in load_grammar(name).conventions.detect]


#: Pieces of text that the shipped signs are made of, and what stands around them.
_SIGN_PIECES = [
    " ",
    "\t",
    "\n",
    "x",
    "# ",
    "## ",
    "\u00a0",
    "A/",
    "73/",
    "ES-10/",
    "S/RES/",
    "RES/",
    "AG/RES. 2",
    "CP/RES. 5",
    "Resolution ",
    "RESOLUTION ",
    "1/CP.21",
    "1/CMA.1",
    "Decision ",
    "The ",
    "THE ASSEMBLY",
    "Council,",
    "Conference",
    "Assembly ",
    "Parliamentary ",
    "12. ",
    "To adopt",
    "WHA66.1",
    "31 C/Resolution",
    "841 (1993)",
    "1.9",
    "Resolution 1/CP.21",
    "x Resolution 1/CMA.2",
    "The FAO Council,",
    "A/73/L.5",
    "FAO",
    "At its 3238th meeting, the General Assembly",
    "adopted by the General Assembly",
    "whereas",
]


@given(st.lists(st.sampled_from(_SIGN_PIECES), max_size=14).map("".join))
def test_each_signs_quick_test_agrees_with_its_pattern(text: str) -> None:
    for pattern in _shipped_signs():
        assert sign_test(pattern)(text) == (pattern.search(text) is not None), (pattern.pattern, text)


def test_signs_anchored_at_a_line_start_are_searched_by_their_rest() -> None:
    anchored = re.compile(r"(?m)^[ \t]*Resolution [0-9]+/C(?:P|MP|MA)\.[0-9]+")
    assert _line_start_rest(anchored) is not None
    assert _line_start_rest(re.compile(r"(?m)^[ \t]*(?:#+\s*)?The Council")) is None  # no word to skip to
    assert _line_start_rest(re.compile(r"(?mi)^[ \t]*Resolution")) is None  # other flags: as written
    test = sign_test(anchored)
    assert test(" \tResolution 1/CP.21") and test("x\n  Resolution 1/CP.21")
    assert not test("x Resolution 1/CP.21") and not test("Resolution 1/CP.x\nsee Resolution 2/CP.21")
    assert test("x Resolution 1/CP.21\n\tResolution 2/CP.21")  # the second place is at a line start
    assert sum(_line_start_rest(p) is not None for p in _shipped_signs()) >= 10
