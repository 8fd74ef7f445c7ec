"""The header block and the front matter: fields, dates, titles."""

from __future__ import annotations

import datetime

import pytest

import resolutions
from resolutions.dates import dateline, parse_date


def test_general_assembly_header() -> None:
    text = (
        "A/RES/73/7\n\nUnited Nations\n\nGeneral Assembly\n\nDistr.: General\n31 October 2018\n\n"
        "Seventy-third session\nAgenda item 77\n\nResolution adopted by the General Assembly on\n"
        "29 October 2018\n[without reference to a Main Committee (A/73/L.8)]\n\n73/7.\n\n"
        "Report of the International Criminal Court\nThe General Assembly,\nRecalling its resolution 72/3,\n"
    )
    doc = resolutions.parse(text)
    header = doc.header
    assert (header.symbol, header.organ, header.distribution) == ("A/RES/73/7", "General Assembly", "General")
    assert header.date == datetime.date(2018, 10, 31)
    assert header.adopted == datetime.date(2018, 10, 29)
    assert (header.session, header.agenda_item) == ("Seventy-third session", "77")
    assert doc.title == "Report of the International Criminal Court"
    assert {line.field for line in header.lines} >= {"number", "other", "symbol"}


def test_layout_header_in_columns() -> None:
    text = (
        "        United Nations                                   A/RES/73/7\n"
        "        General Assembly                      Distr.: General\n"
        "                                              31 October 2018\n\n"
        "Seventy-third session\nAgenda item 77\n\n"
        "     73/7.       Report of the International Criminal Court\n\n"
        "                 The General Assembly,\n"
    )
    doc = resolutions.parse(text)
    assert (doc.header.symbol, doc.header.organ, doc.header.distribution) == (
        "A/RES/73/7",
        "General Assembly",
        "General",
    )
    assert doc.title == "Report of the International Criminal Court"


@pytest.mark.parametrize(
    "dates",
    ["27 February\u20134 April 2023", "10-12 May 2023", "26 May \u2013 1 June 2019", "18 September to 5 October 2018"],
)
def test_session_dates_line_stays_in_the_header(dates: str) -> None:
    text = (
        "Human Rights Council\nFifty-second session\n" + dates + "\nAgenda item 2\nAnnual report of the "
        "High Commissioner\n\nResolution adopted by the Human Rights Council on 3 April 2023\n\n"
        "52/1. Cooperation with Georgia\n\nThe Human Rights Council,\n\n1. Welcomes the cooperation.\n"
    )
    doc = resolutions.parse(text)
    fields = {line.field: line.text for line in doc.header.lines}
    assert fields["session_dates"] == dates
    assert (doc.header.session, doc.header.agenda_item) == ("Fifty-second session", "2")
    assert fields["agenda_title"] == "Annual report of the High Commissioner"
    assert doc.header.adopted == datetime.date(2023, 4, 3)
    assert doc.title == "Cooperation with Georgia"
    assert [r["verb"] for r in doc.records()] == ["Welcomes"]


def test_adoption_line_and_capitals_formula_without_a_header_block() -> None:
    text = (
        "STRENGTHENING DEMOCRACY\n\n(Adopted at the fourth plenary session, held on October 7, 2022)\n\n"
        "THE GENERAL ASSEMBLY,\n\nHAVING SEEN the Annual Report;\n\nRESOLVES:\n\n"
        "1. To reaffirm the commitment.\n\n2. To request the Council to:\n\na. Invite the States;\n\n"
        "b. Report to the Assembly.\n"
    )
    doc = resolutions.parse(text)
    assert doc.title == "STRENGTHENING DEMOCRACY"
    assert doc.header.adopted == datetime.date(2022, 10, 7)
    assert doc.header.organ == "General Assembly"
    assert [(r["kind"], r["number"], r["verb"], r["parent"]) for r in doc.records()] == [
        ("preambular", None, "HAVING SEEN", None),
        ("operative", None, "RESOLVES", None),
        ("operative", "1", None, None),
        ("operative", "2", None, None),
        ("item", "a", None, 3),
        ("item", "b", None, 3),
    ]


def test_a_title_above_a_closing_date_is_not_a_letterhead_logo() -> None:
    # Found by the round-trip property: a short line with a date a few lines below it.
    text = "Report of cooperation\n\nThe cooperation cooperation.\n\n1th plenary meeting\n1 January 2000\n"
    doc = resolutions.parse(text)
    assert doc.title == "Report of cooperation"
    assert [r["text"] for r in doc.records()] == ["The cooperation cooperation."]
    assert doc.header.lines == ()


def test_columns_lost_in_extraction() -> None:
    doc = resolutions.parse("United Nations S/RES/1445 (2002)\n\nSecurity Council Distr.: General\n4 December 2002\n")
    assert (doc.header.symbol, doc.header.organ, doc.header.distribution) == (
        "S/RES/1445 (2002)",
        "Security Council",
        "General",
    )


def test_markdown_header_with_subsidiary_body() -> None:
    text = (
        "# Economic and Social Council\n\nDistr.: Limited  \n11 March 2014\n\nOriginal: English\n\n---\n\n"
        "## Commission on Narcotic Drugs\n\n### Fifty-seventh session\n\nVienna, 13-21 March 2014\n\n"
        "Item 6 of the provisional agenda\\*\n\n### Outcome of the high-level segment\n\n"
        "## Joint Ministerial Statement\n\nWe, the Ministers,\n\n1. *Reaffirm* our commitment;\n"
    )
    doc = resolutions.parse(text)
    header = doc.header
    assert (header.organ, header.body, header.original_language) == (
        "Economic and Social Council",
        "Commission on Narcotic Drugs",
        "English",
    )
    assert (header.session, header.place, header.agenda_item) == ("Fifty-seventh session", "Vienna", "6")
    assert doc.title == "Joint Ministerial Statement"
    assert [t.role for t in doc.titles] == ["subtitle", "title"]


@pytest.mark.parametrize(
    ("text", "symbol", "date"),
    [
        ("Resolution 242 (1967)\nof 22 November 1967\n\nThe Security Council,\n", "S/RES/242 (1967)", "1967-11-22"),
        (
            "RESOLUTION 827 (1993)\n\nAdopted by the Security Council at its 3217th meeting, on\n25 May 1993\n\n"
            "The Security Council,\n",
            "S/RES/827 (1993)",
            "1993-05-25",
        ),
        ("16 (1947). Resolution of 10 January 1947\n\nThe Security Council,\n", "S/RES/16 (1947)", "1947-01-10"),
    ],
)
def test_security_council_headers(text: str, symbol: str, date: str) -> None:
    doc = resolutions.parse(text + "\n1. Decides to remain seized of the matter.\n")
    assert doc.header.symbol == symbol
    assert str(doc.header.date) == date
    assert doc.header.organ == "Security Council"


def test_draft_resolution_sponsors_and_agenda_title() -> None:
    text = (
        "A/ES-11/L.7\n\nGeneral Assembly\n\nDistr.: Limited\n16 February 2023\nOriginal: English\n\n"
        "Eleventh emergency special session\nAgenda item 5\nLetter dated 28 February 2014 from the Permanent\n"
        "Representative of Ukraine (S/2014/136)\nAlbania, Andorra, Argentina, Australia, Austria,\n"
        "Ukraine and United States of America:* draft resolution\n\n"
        "Principles of the Charter of the United Nations\nThe General Assembly,\n"
    )
    doc = resolutions.parse(text)
    fields = {line.field: line.text for line in doc.header.lines}
    assert fields["agenda_title"].startswith("Letter dated 28 February 2014")
    assert fields["sponsors"].endswith("draft resolution")
    assert doc.title == "Principles of the Charter of the United Nations"


def test_who_symbol_and_wrapped_title() -> None:
    text = "WHA66.10 Follow-up to the Political Declaration of the\nHigh-level Meeting\nThe Sixty-sixth World Health Assembly,\n"
    doc = resolutions.parse(text)
    assert doc.header.symbol == "WHA66.10"
    assert doc.title == "Follow-up to the Political Declaration of the High-level Meeting"
    assert doc.header.organ == "World Health Assembly"


def test_conference_outcome_front_matter() -> None:
    text = (
        "**Third Ministerial Conference of the Paris Pact Partners**\n\n(Vienna, 16 February 2012)\n\n"
        "Vienna Declaration\n\n1. The Paris Pact is one of the most important frameworks.\n"
    )
    doc = resolutions.parse(text)
    assert doc.title == "Vienna Declaration"
    assert doc.header.organ == "Third Ministerial Conference of the Paris Pact Partners"
    assert (doc.header.place, doc.header.date) == ("Vienna", datetime.date(2012, 2, 16))


def test_markdown_heading_after_a_title_is_a_section() -> None:
    text = "***Tehran Conference***\n*(Tehran, 27 February 2017)*\n\n### **Conclusions**\n\nOn 27 February 2017, Ministers met.\n"
    doc = resolutions.parse(text)
    assert doc.title == "Tehran Conference"
    assert doc.records()[0]["section"] == ["Conclusions"]


def test_web_page_publisher_and_title() -> None:
    text = "Islamic Republic of Iran\n\n\u00a0\n\nParis Pact Initiative\n\nA partnership of more than 80 countries and organizations.\n"
    doc = resolutions.parse(text)
    assert (doc.header.organ, doc.title) == ("Islamic Republic of Iran", "Paris Pact Initiative")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("31 October 2018", datetime.date(2018, 10, 31)),
        ("on 1 january 2020.", datetime.date(2020, 1, 1)),
        ("30 February 2020", None),
        ("October 2018", None),
        ("held on October 7, 2022", datetime.date(2022, 10, 7)),
        ("October 7, 2022, and 9 May 2020", datetime.date(2022, 10, 7)),
        ("9 May 2020 and October 7, 2022", datetime.date(2020, 5, 9)),
        ("February 30, 2020", None),
        ("in May 2020, 12 States", None),
    ],
)
def test_parse_date(text: str, expected: datetime.date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(Tehran, 27 February 2017)", ("Tehran", datetime.date(2017, 2, 27))),
        ("Vienna, 11-20 March 2009", ("Vienna", None)),
        ("New York, 3 and 4 June 2019", ("New York", None)),
        ("***Tehran, 27 February 2017***", ("Tehran", datetime.date(2017, 2, 27))),
        ("Recalling, 27 February 2017", ("Recalling", datetime.date(2017, 2, 27))),
        ("See the report of 2017", None),
        ("Nairobi (hybrid), 22 and 23 February 2021 and 28 February\u20132 March 2022", ("Nairobi (hybrid)", None)),
        ("Geneva, 27 February\u20134 April 2023", ("Geneva", None)),
    ],
)
def test_dateline(text: str, expected: object) -> None:
    assert dateline(text) == expected
