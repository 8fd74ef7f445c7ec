"""General rules for layouts nobody here tuned on (issue 10).

Two kinds of test. Converter habits: each transformation below is something a converter or a
copy in the wild does to a text (tabs after numbers, heading marks as numbers, a ``<meta>`` line,
CRLF, direction marks, a masthead turned into table rows, a stray space in the symbol, a field
no grammar knows ...); applied to every seed (and every corpus text, where the shared corpus is
here), the reading must not change. And one small document per rule, written for the test.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

import resolutions
from resolutions.nodes import Document
from tests.conftest import SEEDS, corpus_texts

_LEAD = r"(?m)^([ \t]*)"


def _stray_space(text: str) -> str:
    """A masthead's symbol (at a line's end), not one cited in a paragraph."""
    return re.sub(r"(?m)\b(A/RES/\d+/)(\d+)(?=[ \t]*\r?$)", r"\1 \2", text, count=1)


def _formula_in_capitals(text: str) -> str:
    pattern = _LEAD + r"(The (?:[A-Z][\w-]* )*(?:Assembly|Council)),"
    return re.sub(pattern, lambda m: m.group(1) + m.group(2).upper() + ",", text, count=1)


def _formula_run_into_first_paragraph(text: str) -> str:
    return re.sub(
        _LEAD[:-1] + r"[ \t]*The (?:[A-Z][\w-]* )*(?:Assembly|Council),)[ \t]*\n+[ \t]*(?=[A-Z])", r"\1 ", text, count=1
    )


def _tab_after_numbers(text: str) -> str:
    return re.sub(_LEAD[:-1] + r"[ \t]*[0-9]{1,2}\.) +(?=[A-Z*])", "\\1\t", text)


def _heading_marks_as_numbers(text: str) -> str:
    return re.sub(_LEAD + r"([0-9]{1,2})\. +(?=[A-Z*])", "\\1### \\2\n\n", text)


def _meta_line(text: str) -> str:
    return "<meta http-equiv='Content-Type' content='text/html; charset=utf-8' />\n\n" + text


def _crlf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def _direction_marks(text: str) -> str:
    return re.sub(r"(?m)^(?=[A-Z0-9])", "\u200e", text)


def _masthead_as_table_rows(text: str) -> str:
    lines = text.split("\n")
    field = re.compile(
        r"^(United Nations|A/|S/|General Assembly|Security Council|Distr|Original|[0-9]{1,2} [A-Z][a-z]+ [0-9]{4})"
    )
    head = ["|  | " + line.strip() + " |" if field.match(line.strip()) else line for line in lines[:12]]
    return "\n".join(head + lines[12:])


def _field_nobody_knows(text: str) -> str:
    return re.sub(r"(?m)^(Distr\.[^\n]*)$", r"\1\nSixty-ninth year", text, count=1)


HABITS: list[Callable[[str], str]] = [
    _stray_space,
    _formula_in_capitals,
    _formula_run_into_first_paragraph,
    _tab_after_numbers,
    _heading_marks_as_numbers,
    _meta_line,
    _crlf,
    _direction_marks,
    _masthead_as_table_rows,
    _field_nobody_knows,
]


def reading(document: Document) -> dict[str, object]:
    """What a reader takes from a document, with the markup and the formula's case left out."""
    formula = document.preamble.formula
    return {
        "symbol": document.header.symbol,
        "organ": document.header.organ,
        "date": document.header.date,
        "title": document.title,
        "formula": formula.text.lower() if formula is not None else None,
        "footnotes": len(document.footnotes),
        "paragraphs": [
            (r["kind"], r["number"], (r["verb"] or "").lower(), " ".join(re.sub(r"<[^>]+>", "", r["text"]).split()))
            for r in document.records()
        ],
    }


TEXTS = SEEDS + corpus_texts()


@pytest.mark.parametrize("habit", HABITS, ids=lambda h: h.__name__.strip("_"))
@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_converter_habits_change_nothing(path: Path, habit: Callable[[str], str]) -> None:
    text = path.read_text(encoding="utf-8")
    changed = habit(text)
    if changed == text:
        pytest.skip("the habit does not apply to this text")
    document = resolutions.parse(changed)
    assert reading(document) == reading(resolutions.parse(text))
    assert document.to_source() == changed


# ---------------------------------------------------------------- header fields


def test_a_symbol_broken_by_a_space_costs_nothing_beside_other_fields() -> None:
    text = (
        "      United Nations                             A/RES/77/ 12\n"
        "      General Assembly                           Distr.: General\n"
        "                                                 21 November 2022\n\n"
        "Seventy-seventh session\nAgenda item 8\n\n"
        "The General Assembly,\n\n1. Decides to act.\n"
    )
    header = resolutions.parse(text).header
    assert (header.symbol, header.organ, header.date, header.session) == (
        "A/RES/77/12",
        "General Assembly",
        __import__("datetime").date(2022, 11, 21),
        "Seventy-seventh session",
    )


def test_a_field_nobody_knows_costs_that_field_only() -> None:
    text = (
        "United Nations\nS/RES/2999 (2099)\nSecurity Council\nSixty-ninth year\nDistr.: General\n"
        "3 March 2099\n\nResolution 2999 (2099)\n\nThe Security Council,\n\n1. Decides to act.\n"
    )
    document = resolutions.parse(text)
    assert document.header.symbol == "S/RES/2999 (2099)" and str(document.header.date) == "2099-03-03"
    assert "Sixty-ninth year" in [line.text for line in document.header.lines]
    assert document.records()[0]["verb"] == "Decides"


def test_a_masthead_in_table_rows() -> None:
    text = (
        "|  | United Nations | A/RES/99/1 |\n|  | General Assembly | Distr.: General 1 March 2099 |\n\n"
        "Resolution adopted by the General Assembly on 1 March 2099\n\n99/1. A title\n\n"
        "The General Assembly,\n\n1. Decides to act.\n"
    )
    document = resolutions.parse(text)
    assert (document.header.symbol, document.header.organ, document.title) == (
        "A/RES/99/1",
        "General Assembly",
        "A title",
    )


# ---------------------------------------------------------------- formulas and heads


@pytest.mark.parametrize(
    ("text", "symbol", "formula"),
    [
        (
            "S/RES/2999 (2099) The Security Council,\n\n1. Decides to act.\n",
            "S/RES/2999 (2099)",
            "The Security Council,",
        ),
        ("99/7. The General Assembly,\n\n1. Decides to act.\n", "A/RES/99/7", "The General Assembly,"),
        ("Resolution 2999 (2099)   The Security Council,\n\n1. Decides to act.\n", "S/RES/2999 (2099)", None),
    ],
)
def test_a_head_and_its_formula_on_one_line(text: str, symbol: str, formula: str | None) -> None:
    document = resolutions.parse(text)
    assert document.header.symbol == symbol
    assert document.preamble.formula is not None
    assert formula is None or document.preamble.formula.text == formula
    assert document.records()[0]["verb"] == "Decides"


def test_a_symbol_and_title_on_one_line_and_a_formula_run_into_the_first_paragraph() -> None:
    text = (
        "WHA99.15 Scale of assessments for 2100\n\n"
        "The Ninety-ninth World Health Assembly, Having considered the report on the scale;\n"
        "Noting the need for a scale,\n"
        "1. ADOPTS the scale of assessments;\n"
        "2. FURTHER DECIDES to review it.\n"
    )
    document = resolutions.parse(text)
    assert (document.header.symbol, document.title) == ("WHA99.15", "Scale of assessments for 2100")
    assert document.preamble.formula is not None
    assert document.preamble.formula.text == "The Ninety-ninth World Health Assembly,"
    assert [(r["kind"], r["verb"]) for r in document.records()] == [
        ("preambular", "Having considered"),
        ("preambular", "Noting"),
        ("operative", "ADOPTS"),
        ("operative", "FURTHER DECIDES"),
    ]


def test_clauses_run_together_on_one_line_are_cut() -> None:
    text = "The Council,\n\n*Recalling* the Act, *Recalling also* Article 2,\n\n1. *Decides* to act;\n"
    assert [r["verb"] for r in resolutions.parse(text).records()] == ["Recalling", "Recalling also", "Decides"]


def test_a_preamble_without_a_formula() -> None:
    text = "Recalling its resolution 1 (2098),\n\nNoting the report,\n\n1. Decides to act;\n2. Requests a report.\n"
    assert [(r["kind"], r["verb"]) for r in resolutions.parse(text).records()] == [
        ("preambular", "Recalling"),
        ("preambular", "Noting"),
        ("operative", "Decides"),
        ("operative", "Requests"),
    ]


# ---------------------------------------------------------------- phrases the lexicon lacks


@pytest.mark.parametrize(
    ("paragraph", "kind", "verb"),
    [
        ("Heartened by the progress made,", "preambular", "Heartened"),
        ("Being gravely concerned with the situation,", "preambular", "Being gravely concerned"),
        ("Being strengthened in its conviction that peace is near,", "preambular", "Being strengthened"),
        ("Having ascertained the facts,", "preambular", "Having ascertained"),
        ("1. Stipulates that the fund shall be kept;", "operative", "Stipulates"),
        ("1. Earmarks the sum for the study;", "operative", "Earmarks"),
    ],
)
def test_a_phrase_the_lexicon_lacks_is_guessed_and_flagged(paragraph: str, kind: str, verb: str) -> None:
    text = f"The General Assembly,\n\n{paragraph}\n\n2. Decides to remain seized of the matter.\n"
    document = resolutions.parse(text)
    first = (document.preambular if kind == "preambular" else document.operative)[0]
    assert first.verb is not None and first.verb.text == verb and first.verb.guessed
    assert any(d.code == "guessed-verb" and verb in d.message for d in document.diagnostics)
    known = document.operative[-1].verb
    assert known is not None and known.text == "Decides" and not known.guessed


@pytest.mark.parametrize(
    "paragraph",
    [
        "1. States Parties shall report every year;",
        "1. Members are invited to report;",
        "1. Articles 3 and 4 apply;",
        "1. Such a State shall take part;",
        "1. Fund contributions come first;",
    ],
)
def test_words_that_are_no_phrase_are_not_guessed(paragraph: str) -> None:
    document = resolutions.parse(f"The General Assembly,\n\n{paragraph}\n")
    assert document.records()[0]["verb"] is None
    assert not any(d.code == "guessed-verb" for d in document.diagnostics)
