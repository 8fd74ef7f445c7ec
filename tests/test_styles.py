"""Styles beyond the seeds and the corpus (tests/styles/): what a careful reader finds in each."""

from __future__ import annotations

import datetime

import pytest

import resolutions
from resolutions.nodes import Section
from tests.conftest import STYLES

#: file -> (organ, symbol, title, adopted, kinds of the records in order, first verbs, footnotes, meeting)
EXPECTED = {
    "hrc_layout.txt": (
        "General Assembly",
        "A/HRC/RES/52/1",
        "Cooperation with Georgia",
        datetime.date(2023, 4, 3),
        "pppooo",
        ["Guided by", "Recalling", "Expressing concern"],
        1,
        "51st meeting",
    ),
    "hrc_reading_order.txt": (
        "General Assembly",
        "A/HRC/RES/55/10",
        "The right to food",
        datetime.date(2024, 4, 4),
        "ppooo",
        ["Reaffirming", "Recalling", "Reaffirms"],
        1,
        "51st meeting",
    ),
    "oas_capitals.txt": (
        "General Assembly",
        "AG/RES. 2976 (LII-O/22)",
        "STRENGTHENING DEMOCRACY",
        datetime.date(2022, 10, 7),
        "pppooiio",  # "RESOLVES:" opens the operative part: the enacting formula, no paragraph
        ["HAVING SEEN", "CONSIDERING", "BEARING IN MIND"],
        0,
        None,
    ),
    "sc_layout.txt": (
        "Security Council",
        "S/RES/2719 (2023)",
        None,
        datetime.date(2023, 12, 21),
        "pppooiio",
        ["Recalling", "Underlining", "Acting"],
        0,
        None,
    ),
    "sc_converted.md": (
        "Security Council",
        "S/RES/2719 (2023)",
        None,
        None,
        "ppoiioo",
        ["Recalling", "Reaffirming", "Decides"],
        1,
        None,
    ),
    "ga_in_parts.txt": (
        "General Assembly",
        "A/RES/77/126",  # from "77/126." in a General Assembly resolution
        "Oceans and the law of the sea",
        None,
        "poopoo",
        ["Recalling", "Reaffirms", "Calls upon"],
        0,
        "53rd plenary meeting",
    ),
    "ga_sections_annex.txt": (
        "General Assembly",
        None,
        None,
        None,
        "pooooppp",
        ["Recalling", "Reaffirms", "Calls upon"],
        0,
        None,
    ),
    "unea_letterhead.txt": (
        "United Nations Environment Assembly",
        "UNEP/EA.5/Res.14",
        "End plastic pollution: towards an international legally binding instrument",
        datetime.date(2022, 3, 2),
        "ppooiio",
        ["Noting with concern", "Recalling", "Requests"],
        0,
        None,
    ),
    "who_executive_board.txt": (
        "EXECUTIVE BOARD",
        "EB152.R1",
        "Political declaration of the third high-level meeting of the General Assembly on the prevention and "
        "control of noncommunicable diseases",
        None,
        "poppoiio",
        ["Having considered", "RECOMMENDS", "Recalling"],
        1,
        "Eighth meeting",
    ),
    "unesco_general_conference.txt": (
        "General Conference",
        None,
        "Recommendation on the Ethics of Artificial Intelligence",
        None,
        "ppooiio",
        ["Recalling", "Having examined", "Adopts"],
        0,
        None,
    ),
}


def test_who_draft_labels_say_the_kind() -> None:
    doc = resolutions.parse_file(STYLES[0].parent / "who_executive_board.txt")
    assert doc.header.session == "152nd session"
    rows = [(r["kind"], r["number"], r["label"]) for r in doc.records() if r["number"]]
    assert rows == [
        ("preambular", "PP1", "PP1"),
        ("preambular", "PP2", "PP2"),
        ("operative", "OP1", "OP1."),
        ("item", "1", "(1)"),
        ("item", "2", "(2)"),
        ("operative", "OP2", "OP2."),
    ]
    adopted = next(s for s in doc.body if isinstance(s, Section))
    assert adopted.formula is not None  # the resolution the Board recommends, with its own formula
    assert doc.closing is not None and doc.closing.date == datetime.date(2023, 2, 4)


def test_letterhead_with_a_logo_and_a_wrapped_issuer() -> None:
    doc = resolutions.parse_file(STYLES[0].parent / "unea_letterhead.txt")
    header = doc.header
    assert header.body == "United Nations Environment Assembly of the United Nations Environment Programme"
    assert (header.session, header.place, header.date) == (
        "Fifth session",
        "Nairobi (hybrid)",
        datetime.date(2022, 3, 7),
    )
    issuer = [line.text for line in header.lines if line.field == "issuer"]
    assert issuer == ["Environment Assembly of the", "United Nations Environment", "Programme"]
    assert [f.kind for f in doc.furniture] == ["job_number"]


def test_agenda_title_with_commas_is_not_a_sponsor_list() -> None:
    doc = resolutions.parse_file(STYLES[0].parent / "hrc_reading_order.txt")
    fields = {line.field: line.text for line in doc.header.lines}
    assert fields["agenda_title"].startswith("Promotion and protection of all human rights, civil,")
    assert fields["agenda_title"].endswith("including the right to development")
    assert "sponsors" not in fields


def test_every_style_sample_has_its_expectations() -> None:
    assert sorted(p.name for p in STYLES) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_style(name: str) -> None:
    organ, symbol, title, adopted, kinds, verbs, notes, meeting = EXPECTED[name]
    doc = resolutions.parse_file(STYLES[0].parent / name)
    assert (doc.header.organ, doc.header.symbol, doc.title, doc.header.adopted) == (organ, symbol, title, adopted)
    assert "".join(r["kind"][0] for r in doc.records()) == kinds
    assert [r["verb"] for r in doc.records()][:3] == verbs
    assert len(doc.footnotes) == notes
    assert (doc.closing.meeting if doc.closing else None) == meeting
    assert not [d for d in doc.diagnostics if d.severity != "info"]
    assert all(not f.text.strip() or f.kind != "unplaced" for f in doc.furniture)


def test_sections_and_annex_keep_their_labels() -> None:
    doc = resolutions.parse_file(STYLES[0].parent / "ga_sections_annex.txt")
    assert [(s.label, s.heading) for s in doc.body if isinstance(s, Section)] == [
        ("I", "General provisions"),
        ("II", "Implementation"),
    ]
    annex = doc.annexes[0]
    assert annex.title == "Declaration on the Rights of Peasants"
    assert [s.heading for s in annex.children if isinstance(s, Section)] == ["Article 1", "Article 2"]
