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
from datetime import date
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
        ("Deeply disappointed at the absence of progress,", "preambular", "Deeply disappointed"),
        ("Ever mindful that the Treaty must be kept,", "preambular", "Ever mindful"),
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
        "Early warning systems save lives,",
        "Family planning services,",
    ],
)
def test_words_that_are_no_phrase_are_not_guessed(paragraph: str) -> None:
    document = resolutions.parse(f"The General Assembly,\n\n{paragraph}\n")
    assert document.records()[0]["verb"] is None
    assert not any(d.code == "guessed-verb" for d in document.diagnostics)


# ---------------------------------------------------------------- decisions without a formula

DECISIONS = (
    "73/511. Election of members\n\n"
    "At its 60th plenary meeting, on 5 December 2018, the General Assembly elected Chile and Ghana.\n\n"
    "73/512. Revitalization of the work of the General Assembly\n\n"
    "At its 65th plenary meeting, on 10 December 2018, the General Assembly, on the recommendation of "
    "the General Committee, decided:\n\n(a) To take note of the report;\n\n(b) To include the item.\n"
)


def test_a_volume_of_decisions_gives_one_document_each() -> None:
    documents = resolutions.parse_all(DECISIONS)
    assert [(d.header.kind, d.header.symbol, d.header.organ, str(d.header.adopted)) for d in documents] == [
        ("decision", "73/511", "General Assembly", "2018-12-05"),
        ("decision", "73/512", "General Assembly", "2018-12-10"),
    ]
    assert [d.title for d in documents] == ["Election of members", "Revitalization of the work of the General Assembly"]
    assert [r["kind"] for r in documents[1].records()] == ["paragraph", "item", "item"]
    assert documents.to_source() == DECISIONS
    assert all(d.grammar == "un" and not d.diagnostics for d in documents)


def test_a_security_council_decision_held_on_a_date() -> None:
    text = (
        "Decision of 1 June 2099\n\nAt its 9999th meeting, held on 1 June 2099, the Security Council decided "
        "to invite the representative of Chile to participate.\n"
    )
    header = resolutions.parse(text).header
    assert (header.kind, header.organ, str(header.adopted)) == ("decision", "Security Council", "2099-06-01")


def test_a_sentence_that_only_mentions_a_meeting_is_no_decision() -> None:
    text = "The General Assembly,\n\nRecalling that at its 5th meeting, on 1 May 2099, the Council met,\n\n1. Decides to act.\n"
    assert resolutions.parse(text).header.kind is None


#: The decisions of the World Health Assembly's volumes: the organ is the subject of one
#: sentence, and the meeting closes each in brackets.
WHO_DECISIONS = (
    "DECISIONS\n\n"
    "WHA66(1) Composition of the Committee on Credentials\n\n"
    "The Sixty-sixth World Health Assembly appointed a Committee on Credentials consisting of delegates "
    "of the following Member States: Bahamas, Bhutan and Cuba.\n\n"
    "(First plenary meeting, 20 May 2013)\n\n"
    "WHA66(2) Election of officers of the Sixty-sixth World Health Assembly\n\n"
    "The Sixty-sixth World Health Assembly elected the following officers:\n"
    "President: Dr Shigeru Omi (Japan)\n"
    "Vice-Presidents: Dr A. Aziz (Bangladesh)\n\n"
    "(Second plenary meeting, 20 May 2013)\n\n"
    "WHA66(9) Prevention and control of noncommunicable diseases\n\n"
    "The Sixty-sixth World Health Assembly, having considered the report on noncommunicable diseases, decided:\n\n"
    "(1) to endorse the global action plan;\n\n"
    "(2) to request the Director-General to report to the Sixty-seventh World Health Assembly.\n\n"
    "(Ninth plenary meeting, 27 May 2013 \u2013 Committee A, fourth report)\n"
)


def test_a_volume_of_who_decisions_gives_one_document_each() -> None:
    documents = resolutions.parse_all(WHO_DECISIONS)
    assert [(d.header.kind, d.header.symbol, d.header.organ, d.title) for d in documents] == [
        ("decision", "WHA66(1)", "World Health Assembly", "Composition of the Committee on Credentials"),
        (
            "decision",
            "WHA66(2)",
            "World Health Assembly",
            "Election of officers of the Sixty-sixth World Health Assembly",
        ),
        ("decision", "WHA66(9)", "World Health Assembly", "Prevention and control of noncommunicable diseases"),
    ]
    # the decision's sentence is its body (a list of officers is no section heading) ...
    assert [[r["kind"] for r in d.records()] for d in documents] == [
        ["paragraph"],
        ["paragraph"],
        ["paragraph", "item", "item"],
    ]
    assert documents[1].records()[0]["text"].startswith("The Sixty-sixth World Health Assembly elected")
    # ... and the meeting in brackets closes it
    assert [str(d.closing.date) if d.closing else None for d in documents] == ["2013-05-20", "2013-05-20", "2013-05-27"]
    assert documents.to_source() == WHO_DECISIONS
    assert all(not d.diagnostics for d in documents)


@pytest.mark.parametrize(
    ("opening", "organ"),
    [
        (
            "The Executive Board, having considered the report by the Director-General, decided to note it.",
            "Executive Board",
        ),
        ("The Executive Board took note of the report.", "Executive Board"),
        ("The Seventy-sixth World Health Assembly elected Dr A as President.", "World Health Assembly"),
        (
            "The General Assembly, on the recommendation of the Fifth Committee, decided to defer the item.",
            "General Assembly",
        ),
        ("The General Assembly of the Organization of American States decided nothing.", None),  # "of": no verb
        ("The Assembly elected Dr A.", None),  # no organ the layer names
        ("The Executive Board, in its capacity as the governing body of the Fund, met twice.", None),  # did nothing
        ("Recalling that the Executive Board, having considered it, decided to act,", None),
    ],
)
def test_a_decision_opens_with_its_organ_as_the_subject(opening: str, organ: str | None) -> None:
    document = resolutions.parse(f"Decision 99/1\n\nA decision\n\n{opening}\n", body="un")
    assert document.header.kind == "decision"  # the head says so
    assert document.header.organ == organ  # the opening names the organ, or none
    if organ is not None:
        assert document.preamble.formula is None and document.records()[0]["text"] == opening


@pytest.mark.parametrize(
    ("head", "formula", "symbol"),
    [
        ("52/1. Cooperation with Georgia", "The Human Rights Council,", "A/HRC/RES/52/1"),
        ("S-35/1. A special session", "The Human Rights Council,", "A/HRC/RES/S-35/1"),
        ("52/101. A decision", "The Human Rights Council,", "52/101"),
        ("2023/5. A matter", "The Economic and Social Council,", "E/RES/2023/5"),
        ("2023/201. A decision", "The Economic and Social Council,", "2023/201"),
        ("73/7. A matter", "The General Assembly,", "A/RES/73/7"),
    ],
)
def test_a_session_reports_numbers_give_the_organs_symbols(head: str, formula: str, symbol: str) -> None:
    document = resolutions.parse(f"{head}\n\n{formula}\n\n1. Decides to act.\n")
    assert (document.header.symbol, document.title) == (symbol, head.split(". ", 1)[1])


def test_a_declaration_in_the_first_person_takes_we_as_the_subject() -> None:
    text = (
        "Political declaration\n\nWe, Heads of State and Government, assembled in New York on 1 May 2099,\n\n"
        "1. Reaffirm the right to health;\n\n2. We commit to scale up efforts;\n\n"
        "3. We also recognize the need to act;\n\n4. We the peoples hold these truths.\n"
    )
    verbs = [
        (p.verb.subject, p.verb.head, p.verb.modifiers) if p.verb else None for p in resolutions.parse(text).operative
    ]
    assert verbs == [(None, "Reaffirm", ()), ("We", "commit", ()), ("We", "recognize", ("also",)), None]


def test_we_is_no_subject_outside_a_declaration() -> None:
    text = "The General Assembly,\n\n1. We commit to act;\n"
    assert resolutions.parse(text).operative[0].verb is None


@pytest.mark.parametrize(
    ("line", "symbol", "organ"),
    [
        ("WHA76(10) Follow-up to the high-level meeting", "WHA76(10)", "World Health Assembly"),
        ("EB152(3) Appointment of the Regional Director", "EB152(3)", "Executive Board"),
        ("EB152.R1 Appointment of the Regional Director", "EB152.R1", "Executive Board"),
    ],
)
def test_who_symbols_before_their_titles(line: str, symbol: str, organ: str) -> None:
    document = resolutions.parse(f"{line}\n\nThe Executive Board,\n\n1. DECIDES to act.\n")
    assert (document.header.symbol, document.header.organ, document.title) == (symbol, organ, line.split(" ", 1)[1])


def test_a_label_closed_by_a_tag_waits_for_its_text() -> None:
    text = (
        "<p>The General Assembly,</p>\n\n<p>1.\nWelcomes the report;\n2.</p>\n\n<p>Decides to act;</p>\n\n"
        "<p>3.\nRequests more.</p>\n"
    )
    document = resolutions.parse(text)
    assert [(r["number"], r["verb"], r["text"]) for r in document.records()] == [
        ("1", "Welcomes", "Welcomes the report;"),
        ("2", "Decides", "Decides to act;"),
        ("3", "Requests", "Requests more."),
    ]
    assert document.to_source() == text


LONG = (
    "the importance of a clause long enough that no program that wraps text would leave it whole on a "
    "line, whether it wraps for a page, a screen or an electronic mail"
)


def test_a_treaty_annexed_keeps_its_own_formula() -> None:
    text = (
        "The Conference of the Parties,\n\n1. Decides to adopt the Agreement annexed;\n\nAnnex\n\nThe Agreement\n\n"
        "The Parties to this Agreement,\n\nRecognizing the need to act,\n\nHave agreed as follows:\n"
    )
    annex = resolutions.parse(text).annexes[0]
    assert (annex.title, annex.formula.text if annex.formula else None) == (
        "The Agreement",
        "The Parties to this Agreement,",
    )


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("1. Support, including financial support, shall be provided to developing countries.", None),
        ("1. Support shall be provided to developing countries.", None),
        ("1. Notes, with concern, that support shall be provided.", "Notes"),
        ("1. Decides, in this regard, that the Fund shall serve the Agreement.", "Decides"),
    ],
)
def test_a_phrase_word_as_the_subject_of_a_sentence_is_no_verb(text: str, verb: str | None) -> None:
    [record] = resolutions.parse(f"The Conference of the Parties,\n\n{text}\n").records()
    assert record["verb"] == verb


def test_unwrapped_text_ends_a_paragraph_at_each_line_break_after_a_clause() -> None:
    lines = [
        f"Being Parties to the Convention, {LONG},",
        f"Pursuant to the Durban Platform, {LONG},",
        f"In pursuit of the objective of the Convention, {LONG},",
        f"Recognizing {LONG},",
    ]
    text = "The Parties to this Agreement,\n" + "\n".join(lines) + "\nHave agreed as follows:\n"
    records = resolutions.parse(text).records()
    assert [r["text"][:14] for r in records] == [
        "Being Parties ",
        "Pursuant to th",
        "In pursuit of ",
        "Recognizing th",
        "Have agreed as",
    ]


def test_wrapped_text_joins_its_lines_though_one_ends_with_a_comma() -> None:
    text = (
        "The General Assembly,\n\nRecalling its resolution 70/1 of 25 September 2015, in which it adopted\n"
        "the 2030 Agenda for Sustainable Development,\nRussia and the European Union abstaining,\n\n"
        "1. Decides to act.\n"
    )
    assert len(resolutions.parse(text).preambular) == 1


FRONT_MATTER = '---\nsymbol: A/RES/80/2\ntitle: "Scale of assessments"\ntags:\n  - budget\n---\n\n'
GLUED_MASTHEAD = (
    "United Nations A/RES/99/2\n\nGeneral Assembly Distr.: General 15 October 2099\n\n"
    "Ninety-ninth session Agenda item 140 Scale of assessments\n\n"
    "Resolution adopted by the General Assembly on 14 October 2099\n\n"
    "99/2. Scale of assessments\n\nThe General Assembly,\n\nRecalling its resolutions,\n\n1. Decides to act.\n"
)


@pytest.mark.parametrize("front", [FRONT_MATTER, "+++\ntitle = 'x'\n+++\n", "---\nid: 7\n...\n"])
def test_front_matter_is_furniture_and_costs_nothing(front: str) -> None:
    plain = resolutions.parse(GLUED_MASTHEAD)
    document = resolutions.parse(front + GLUED_MASTHEAD)
    assert document.to_source() == front + GLUED_MASTHEAD
    assert resolutions.same_content(document, plain), resolutions.differences(plain, document)[:3]
    assert {f.kind for f in document.furniture} == {"front_matter"}
    assert [f.text for f in document.furniture] == [line.strip() for line in front.splitlines() if line]


@pytest.mark.parametrize(
    "text",
    [
        "---\n\nThe General Assembly,\n\n1. Decides to act.\n",  # a rule, then the text
        "---\nThe General Assembly,\n---\n\n1. Decides to act.\n",  # no key in it
        "\n---\nsymbol: x\n---\n\nThe General Assembly,\n",  # not at the top
    ],
)
def test_rules_that_are_no_front_matter(text: str) -> None:
    assert all(f.kind != "front_matter" for f in resolutions.parse(text).furniture)


def test_a_masthead_whose_cells_lost_their_gaps() -> None:
    header = resolutions.parse(GLUED_MASTHEAD).header
    fields = (header.symbol, header.organ, header.distribution, header.date, header.session, header.agenda_item)
    assert fields == ("A/RES/99/2", "General Assembly", "General", date(2099, 10, 15), "Ninety-ninth session", "140")
    assert [line.text for line in header.lines if line.field == "agenda_title"] == ["Scale of assessments"]
    glued = [line for line in header.lines if line.field in ("organ", "distribution", "date", "session", "agenda_item")]
    assert len(glued) == 5
    for line in glued:  # each piece has its own span in the line
        assert GLUED_MASTHEAD[line.span.start : line.span.end] == line.text


@pytest.mark.parametrize(
    "line",
    ["General Assembly Report of the Secretary-General", "15 October 2099 was a Tuesday", "Agenda for Humanity"],
)
def test_a_line_of_words_is_no_glued_masthead(line: str) -> None:
    document = resolutions.parse(f"{line}\n\nThe General Assembly,\n\n1. Decides to act.\n")
    assert document.header.date is None and document.header.agenda_item is None


def test_a_declaration_whose_first_paragraph_is_numbered() -> None:
    text = (
        "Political declaration\n\n1. We, the Heads of State and Government, met in Awaza in 2099.\n\n"
        "2. We gather at a critical juncture;\n\n3. We also stress the needs;\n\n4. We are ready;\n"
    )
    document = resolutions.parse(text)
    records = [(r["number"], r["kind"], r["verb"]) for r in document.records()]
    assert records == [
        ("1", "paragraph", None),
        ("2", "operative", "gather"),
        ("3", "operative", "also stress"),
        ("4", "paragraph", None),
    ]
    guessed = document.operative[0].verb
    assert guessed is not None and (guessed.subject, guessed.head, guessed.guessed) == ("We", "gather", True)
    assert document.operative[1].verb is not None and not document.operative[1].verb.guessed


@pytest.mark.parametrize(
    "text",
    [
        "The Conference of the Parties,\n1. Decides to act;\nAnnex\nAmendments to the plan\n1. Add it.\n",
        "The Conference of the Parties,\r\n\t1.\tDecides to act;\r\n\t2.\t\r\nAnnex\r\nAmendments to the plan\r\n"
        "\tA.\tCoherence\r\n\t\t1.\tAdd it.\r\n",
    ],
)
def test_an_annex_heading_with_no_blank_line_above_it(text: str) -> None:
    document = resolutions.parse(text)
    [annex] = document.annexes
    assert (annex.heading, annex.title) == ("Annex", "Amendments to the plan")
    assert [(r["kind"], r["text"]) for r in document.records() if not r["section"]][:1] == [
        ("operative", "Decides to act;")
    ]
    assert all(r["kind"] != "operative" or r["text"] for r in document.records())  # "2." alone: no paragraph


def test_an_annex_in_wrapped_text_is_no_heading_in_lower_case() -> None:
    text = "The Council,\n\n1. Decides to adopt the plan in the\nannex\nto this resolution;\n"
    assert resolutions.parse(text).annexes == ()


def test_a_first_paragraph_numbered_past_one_is_reported() -> None:
    text = "Resolution 1/CP.27\n\nThe Conference of the Parties,\n\n24. Express their gratitude;\n\n25. Request more.\n"
    [diagnostic] = [d for d in resolutions.parse(text).diagnostics if d.code == "skipped-number"]
    assert (diagnostic.message, diagnostic.expected) == ("the first paragraph is numbered 24", "paragraph 1")


def test_we_with_a_phrase_in_apposition_is_the_subject() -> None:
    text = (
        "Political declaration\n\nWe, the Heads of State,\n\n"
        "1. We, the States Members of the United Nations, welcome the findings;\n\n2. We commit to act;\n"
    )
    first = resolutions.parse(text).operative[0].verb
    assert first is not None
    assert (first.subject, first.head, first.phrase) == (
        "We, the States Members of the United Nations",
        "welcome",
        "welcome",
    )


IMO_BODY = (
    "PERFORMANCE STANDARDS\n\nTHE MARITIME SAFETY COMMITTEE,\n\nRECALLING its functions,\n\n1 ADOPTS the standards.\n"
)


@pytest.mark.parametrize(
    "comment",
    ["<!-- source: b8.pdf -->\n<!-- pages: 9 -->\n\n", "<!--\nsource: b8.pdf\npages: 9\n-->\n\n"],
)
def test_html_comments_on_lines_of_their_own_are_markup(comment: str) -> None:
    plain = resolutions.parse(IMO_BODY)
    document = resolutions.parse(comment + IMO_BODY)
    assert resolutions.same_content(document, plain), resolutions.differences(plain, document)[:3]
    assert {f.kind for f in document.furniture} == {"markup"}
    assert document.to_source() == comment + IMO_BODY


def test_a_comment_that_never_closes_or_has_text_after_it_is_text() -> None:
    document = resolutions.parse("<!-- draft\n\nThe Council,\n\n1. Decides.\n")
    assert not document.furniture
    assert resolutions.parse("<!-- x --> The Council,\n\n1. Decides.\n").furniture == ()


@pytest.mark.parametrize("separator", ["--- [page 2](doc.pdf#page=2) ---", "=== Page 2 ===", "-- 2 of 9 --"])
def test_a_converters_page_separator_cuts_pages(separator: str) -> None:
    head = "RESOLUTION MSC.1(1) RUNNING HEAD"
    text = (
        f"{head}\n\n{IMO_BODY}\n{separator}\n\n{head}\n\n"
        "2 RECOMMENDS Governments to act.\n\n--- [page 3](doc.pdf#page=3) ---\n\n"
        f"{head}\n\n3 INVITES all to act.\n"
    )
    document = resolutions.parse(text)
    kinds = [f.kind for f in document.furniture]
    assert kinds.count("page_separator") == 2 and kinds.count("running_header") >= 2
    assert [r["number"] for r in document.records() if r["kind"] == "operative"] == ["1", "2", "3"]


def test_a_head_with_its_adoption_date_in_brackets() -> None:
    header = resolutions.parse("# **RESOLUTION MSC.401(95) (Adopted on 8 June 2015)**\n\n" + IMO_BODY).header
    assert (header.symbol, header.adopted, header.date) == ("MSC.401(95)", date(2015, 6, 8), None)


def test_every_footnote_rule_counts_in_text_without_form_feeds() -> None:
    page = "{n}. Decides to act on the report{n};\n__________________\n\n{n} A/80/{n}.\n\nA/RES/80/5\n3/18\n\n"
    text = "The General Assembly,\n\n" + "".join(page.format(n=n) for n in (1, 2, 3)) + "4. Requests more.\n"
    document = resolutions.parse(text)
    assert [note.marker for note in document.footnotes] == ["1", "2", "3"]
    assert [r["number"] for r in document.records()] == ["1", "2", "3", "4"]


def test_an_annexed_declaration_guesses_its_we_verbs() -> None:
    text = (
        "The General Assembly,\n\n1. Adopts the declaration annexed;\n\nAnnex\n\nPolitical declaration\n\n"
        "1. We, Heads of State and Government, met in Doha.\n\n2. We gather here in hope;\n\n"
        "3. Poverty remains a challenge.\n"
    )
    annex = resolutions.parse(text).annexes[0]
    verbs = [p.verb.phrase if p.verb else None for p in annex.paragraphs()]
    assert verbs == [None, "gather", None]


def test_a_resolution_number_that_goes_on_a_paragraph_is_no_head() -> None:
    text = (
        "80/17. Establishment of a zone\n\nThe General Assembly,\n\n"
        "Recalling its resolutions 3263 (XXIX) of 9 December 1974, 34/77 of 11 December 1979,\n"
        "36/87 A and B of 9 December 1981, 37/75 of 9 December 1982,\n\n1. Decides to act.\n"
    )
    documents = resolutions.parse_all(text)
    assert len(documents) == 1
    assert not any(d.code == "several-documents" for d in resolutions.parse(text).diagnostics)


def test_a_head_right_under_a_closing_line_is_a_head() -> None:
    one = "The Sixty-sixth World Health Assembly,\n\n1. URGES Member States to act;\n\n"
    text = (
        f"WHA66.10 Title one\n\n{one}Tenth plenary meeting, 27 May 2013 - Committee A, third report\n"
        f"WHA66.11 Title two\n\n{one}"
    )
    assert [d.header.symbol for d in resolutions.parse_all(text)] == ["WHA66.10", "WHA66.11"]


@pytest.mark.parametrize("labels", [("(1)", "(2)"), ("(a)", "(b)")])
def test_operative_paragraphs_labelled_as_items_after_the_preamble(labels: tuple[str, str]) -> None:
    first, second = labels
    text = f"The General Assembly,\n\nRecalling its resolution 1/1,\n\n{first} Decides to act;\n\n{second} Requests more;\n"
    records = resolutions.parse(text).records()
    assert [(r["kind"], r["verb"], r["parent"]) for r in records] == [
        ("preambular", "Recalling", None),
        ("operative", "Decides", None),
        ("operative", "Requests", None),
    ]


def test_a_bulleted_preambular_paragraph_is_preambular() -> None:
    text = "The General Assembly,\n\n- Recalling its resolution 1/1,\n\n1. Decides to act;\n"
    assert [r["kind"] for r in resolutions.parse(text).records()] == ["preambular", "operative"]


def test_items_of_a_preambular_paragraph_stay_its_items() -> None:
    text = "The General Assembly,\n\nRecalling its resolutions:\n\n(a) 1/1 on this;\n\n(b) 2/2 on that,\n\n1. Decides to act;\n"
    records = resolutions.parse(text).records()
    assert [(r["kind"], r["parent"]) for r in records] == [
        ("preambular", None),
        ("item", 0),
        ("item", 0),
        ("operative", None),
    ]


@pytest.mark.parametrize("mark", [";", ":"])
def test_a_formula_may_end_with_a_semicolon_or_a_colon(mark: str) -> None:
    text = f"The Human Rights Council{mark}\n\nRecalling its resolution 1/1;\n\n1. Decides to act;\n"
    document = resolutions.parse(text)
    assert document.preamble.formula is not None and document.header.organ == "Human Rights Council"
    assert resolutions.same_content(resolutions.parse(document.to_text()), document)
    assert resolutions.same_content(resolutions.parse(document.to_markdown()), document)


@pytest.mark.parametrize("labels", [("(a)", "(b)"), ("1.", "2."), ("a)", "b)")])
def test_preambular_paragraphs_lettered_or_numbered_stay_preambular(labels: tuple[str, str]) -> None:
    # as the IAEA's General Conference letters them, then numbers its operative paragraphs
    first, second = labels
    operative = ("3.", "4.") if first[0].isdigit() else ("1.", "2.")
    text = (
        "The General Conference,\n\n"
        f"{first} Recalling resolution GC(65)/RES/7 and previous resolutions,\n\n"
        f"{second} Noting that the Agency's safety standards provide a global reference,\n\n"
        f"{operative[0]} Urges Member States to adhere to the Convention on Nuclear Safety;\n\n"
        f"{operative[1]} Requests the Director General to report.\n"
    )
    document = resolutions.parse(text)
    assert [(r["kind"], r["label"], r["verb"]) for r in document.records()] == [
        ("preambular", first, "Recalling"),
        ("preambular", second, "Noting"),
        ("operative", operative[0], "Urges"),
        ("operative", operative[1], "Requests"),
    ]
    assert len(document.preamble.paragraphs) == 2 and not document.diagnostics
    assert document.to_source() == text
    assert resolutions.same_content(resolutions.from_json(document.to_json()), document)
    assert resolutions.same_content(resolutions.from_akn(document.to_akn()), document)


def test_a_participle_after_the_operative_part_began_is_no_preamble() -> None:
    text = "The General Conference,\n\n1. Urges States to act;\n\n2. Noting the report, requests a study.\n"
    assert [r["kind"] for r in resolutions.parse(text).records()] == ["operative", "operative"]


def test_a_numbered_preambles_numbers_go_on_in_the_body() -> None:
    text = (
        "The General Conference,\n\n1. Recalling its resolution,\n\n2. Noting the report,\n\n4. Urges States to act.\n"
    )
    found = [(d.code, d.message) for d in resolutions.parse(text).diagnostics]
    assert found == [("skipped-number", "paragraph 4 follows paragraph 2")]


#: The decisions of an executive board's session (UNDP, UNICEF, UNFPA): each number alone on
#: its line, its title under it, a formula without a comma, the date it was adopted at the end.
BOARD_DECISIONS = (
    "Decisions adopted by the Executive Board at its first regular session 2023\n\n"
    "2023/1\nReport on the structured funding dialogue\n\nThe Executive Board\n\n"
    "1. Takes note of the report on the structured funding dialogue (DP/2023/8);\n\n"
    "2. Requests UNDP to continue to report annually.\n\n30 January 2023\n\n"
    "2023/2\nWorking methods of the Executive Board\n\nThe Executive Board\n\n"
    "1. Welcomes the joint review of working methods;\n\n"
    "2. Decides to continue the discussion at its annual session 2023.\n\n30 January 2023\n"
)


def test_a_boards_decisions_numbered_alone_on_their_lines_are_documents() -> None:
    documents = resolutions.parse_all(BOARD_DECISIONS)
    assert [(d.header.symbol, d.title, d.header.organ) for d in documents] == [
        ("2023/1", "Report on the structured funding dialogue", "Executive Board"),
        ("2023/2", "Working methods of the Executive Board", "Executive Board"),
    ]
    assert [[(r["number"], r["verb"]) for r in d.records()] for d in documents] == [
        [("1", "Takes note"), ("2", "Requests")],
        [("1", "Welcomes"), ("2", "Decides")],
    ]
    assert [str(d.closing.date) if d.closing else None for d in documents] == ["2023-01-30", "2023-01-30"]
    assert documents.preface is not None
    assert documents.preface.text.startswith("Decisions adopted by the Executive Board")
    assert documents.to_source() == BOARD_DECISIONS


def test_a_page_number_alone_on_its_line_is_no_head() -> None:
    text = "The General Assembly,\n\n1. Decides to act;\n\n2/15\n\n2. Requests a report.\n"
    assert len(resolutions.parse_all(text)) == 1
