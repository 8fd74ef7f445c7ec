"""The line grammar: one test table per rule, edge cases included."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import resolutions
from resolutions.builder import Builder
from resolutions.grammar import grammar_dir, load_grammar
from resolutions.inline import inline_text
from resolutions.lines import Line


def lines_of(text: str) -> list[Line]:
    return load_grammar().parser().parse(text if text.endswith("\n") else text + "\n")


def one(text: str) -> Line:
    found = [line for line in lines_of(text) if line.kind != "blank"]
    assert len(found) == 1, found
    return found[0]


def kinds(line: Line) -> list[str]:
    return [piece.kind for piece in line.pieces if piece.kind != "GAP"]


def test_every_line_kind_has_a_builder_method() -> None:
    grammar = (grammar_dir() / "resolution.lark").read_text(encoding="utf-8")
    rules = set(re.findall(r"-> ([a-z][a-z_]*_line)$", grammar, re.MULTILINE))
    assert len(rules) >= 10, f"line kinds (aliases of `lines`) not found: {rules}"
    for rule in rules:
        assert callable(getattr(Builder, rule, None)), f"Builder has no method for rule {rule}"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("1. Decides", "1. "),
        ("12.\tNotes", "12.\t"),
        ("3) Urges", "3) "),
        ("1.", "1."),
        ("1.\u00a0 Text", "1.\u00a0 "),
        ("3\\. *Decides*", "3\\. "),
        ("PP1 Recalling resolution WHA72.2", "PP1 "),
        ("OP12. URGES Member States:", "OP12. "),
        ("6.Calls for an immediate cease-fire", "6."),
    ],
)
def test_numbered_line(text: str, label: str) -> None:
    line = one(text)
    assert line.kind == "numbered"
    assert line.label is not None and line.label.text == label


@pytest.mark.parametrize(
    "text",
    [
        "2016. was a year",
        "1.5 million people",
        "73/7. Report",
        "40 per cent of people",
        "1,000 delegates",
        "3.e-mail",
        "5.UN",
    ],
)
def test_numbers_that_are_not_labels(text: str) -> None:
    assert one(text).kind == "text"


def test_ocr_comma_label_only_before_a_capitalised_word() -> None:
    assert one("4, Calls upon all States").kind == "numbered"
    assert one("4, 5 and 6 of the report").kind == "text"


def test_ocr_numbers_count_as_their_number() -> None:
    """ "2, Calls" and "3.Urges" are paragraphs 2 and 3: in records, and for the numbering check."""
    text = "The Security Council,\n\n1. Notes the report;\n\n2, Calls upon all States;\n\n3.Urges restraint.\n"
    document = resolutions.parse(text)
    assert [r["number"] for r in document.records()] == ["1", "2", "3"]
    assert not [d for d in document.diagnostics if d.code.endswith("number")]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("(a) To call", "(a)"),
        ("(iv) to develop", "(iv)"),
        ("(1) to endorse", "(1)"),
        ("(A) Part", "(A)"),
        (" - (a) Supporting", "(a)"),
        ("a) To call", "a)"),
        ("iv) to develop", "iv)"),
        ("b. Report to the Assembly", "b."),
    ],
)
def test_item_line(text: str, label: str) -> None:
    line = one(text)
    assert line.kind == "item"
    assert line.label is not None and line.label.text.strip() == label


@pytest.mark.parametrize("text", ["i.e. the report", "e.g. States", "a.m. on Monday", "ab. text", "a.Invite"])
def test_not_an_item_line(text: str) -> None:
    assert one(text).kind == "text"


@pytest.mark.parametrize("text", ["- a bullet", "\u2022 a bullet", "* a bullet"])
def test_bullet_line(text: str) -> None:
    assert one(text).kind == "bullet"


@pytest.mark.parametrize("text", ["# Title", "### **Achievements**", "###### deep"])
def test_heading_line(text: str) -> None:
    assert one(text).kind == "heading"


def test_hash_without_space_is_text() -> None:
    assert one("#hashtag").kind == "text"


@pytest.mark.parametrize("text", ["IV. Reducing drug abuse", "B. Supply reduction"])
def test_section_line(text: str) -> None:
    assert one(text).kind == "section"


@pytest.mark.parametrize("text", ["---", "***", "__________________", "- - -", "===   "])
def test_rule_line(text: str) -> None:
    assert one(text).kind == "rule"


def test_emphasis_opening_a_line_is_not_a_rule() -> None:
    line = one("***Express*** deep concern")
    assert line.kind == "text"
    assert kinds(line)[:3] == ["STAR", "OPERATIVE_VERB", "STAR"]


@pytest.mark.parametrize(
    ("text", "marker"),
    [("\u00b9 United Nations", "\u00b9"), ("<sup>12</sup> Ibid.", "<sup>12</sup>"), ("\\* E/CN.7/2014/1", "\\*")],
)
def test_footnote_line(text: str, marker: str) -> None:
    line = one(text)
    assert line.kind == "footnote"
    assert line.label is not None and line.label.text == marker


@pytest.mark.parametrize("text", ["1", "  12  ", "*", "\u2020"])
def test_marker_line(text: str) -> None:
    assert one(text).kind == "marker"


def test_blank_lines_belong_to_the_line_before() -> None:
    found = lines_of("First\n\n   \n\nSecond\n")
    assert [line.kind for line in found] == ["text", "text"]
    assert found[0].blanks == 3


def test_form_feed_opens_a_page() -> None:
    found = lines_of("end of page\n\fA/RES/73/7\n")
    assert found[1].page_break
    assert kinds(found[1]) == ["SYMBOL"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A/RES/73/7", ["SYMBOL"]),
        ("S/RES/1445 (2002)", ["SYMBOL"]),
        ("WHA66.10", ["SYMBOL"]),
        ("31 October 2018", ["DATE"]),
        ("Distr.: General", ["DISTRIBUTION"]),
        ("Original: English", ["ORIGINAL_LANGUAGE"]),
        ("Seventy-third session", ["SESSION"]),
        ("152nd session", ["SESSION"]),
        ("Eleventh emergency special session", ["SESSION"]),
        ("Agenda item 13 (b)", ["AGENDA_ITEM"]),
        ("Item 6 of the provisional agenda\\*", ["AGENDA_ITEM", "NOTE_ESCAPE"]),
        ("18-18142 (E)", ["JOB_NUMBER"]),
        ("GE.23-07001(E)", ["JOB_NUMBER"]),
        ("K2200818       070322", ["JOB_NUMBER"]),
        ("V.12-50547 (E)    120412", ["JOB_NUMBER"]),
        ("V.12-50547 (E)", ["JOB_NUMBER"]),
        ("*1818142*", ["BARCODE"]),
        ("2/10", ["PAGE_NUMBER"]),
        ("021118", ["DATECODE"]),
        ("United Nations        A/RES/73/7", ["TEXT", "SYMBOL"]),
        ("General Assembly      Distr.: General", ["TEXT", "DISTRIBUTION"]),
        ("2/5      18-18142", ["PAGE_NUMBER", "JOB_NUMBER"]),
    ],
)
def test_header_and_furniture_cells(text: str, expected: list[str]) -> None:
    assert kinds(one(text)) == expected


def test_cells_need_the_whole_cell() -> None:
    assert kinds(one("31 October 2018 was a Wednesday")) == ["TEXT"]
    assert kinds(one("See A/RES/73/7 for details")) == ["TEXT"]


@pytest.mark.parametrize(
    "text",
    [
        "The General Assembly,",
        "The General Assembly",
        "The Security Council,",
        "Therefore the Security Council,",
        "The Sixty-sixth World Health Assembly,",
        "The Conference of the Parties,",
        "The General Assembly, ",
        "THE GENERAL ASSEMBLY,",
        "THEREFORE THE PERMANENT COUNCIL,",
    ],
)
def test_opening_formula(text: str) -> None:
    assert kinds(one(text))[0] == "FORMULA"


@pytest.mark.parametrize(
    "text",
    ["The Paris Pact Initiative", "The Security Council decides that", "the General Assembly,", "THE GENERAL ASSEMBLY"],
)
def test_not_a_formula(text: str) -> None:
    assert "FORMULA" not in kinds(one(text))


@pytest.mark.parametrize(
    "text",
    ["*The Security Council*,", "**The General Assembly**,", "<i>The General Assembly</i>,", "***The Council***"],
)
def test_opening_formula_in_emphasis(text: str) -> None:
    assert "FORMULA" in kinds(one(text))
    doc = resolutions.parse(f"{text}\n\n*Recalling* its resolutions,\n\n1. *Decides* to act.\n")
    assert doc.preamble.formula is not None
    assert inline_text(doc.preamble.formula.content).startswith("The ")
    assert [r["kind"] for r in doc.records()] == ["preambular", "operative"]


@pytest.mark.parametrize("text", ["*The Security Council* decides,", "*The report of the Council*, as adopted"])
def test_emphasis_that_is_not_a_formula(text: str) -> None:
    assert "FORMULA" not in kinds(one(text))


def test_pandoc_escaped_numbers_are_paragraph_numbers() -> None:
    doc = resolutions.parse("The Council,\n\n1\\. *Decides* one;\n\n2\\. *Decides* two.\n")
    assert [(r["number"], r["label"], r["verb"]) for r in doc.records()] == [
        ("1", "1.", "Decides"),
        ("2", "2.", "Decides"),
    ]
    assert not [d for d in doc.diagnostics if d.severity != "info"]


def test_first_person_formula() -> None:
    assert kinds(one("We, Heads of State and Government"))[0] == "WE"


@pytest.mark.parametrize(
    ("text", "kind", "phrase"),
    [
        ("Recalling its resolution 72/3", "PREAMBULAR_VERB", "Recalling"),
        ("Calling upon all States to act,", "PREAMBULAR_VERB", "Calling upon"),
        ("Having been apprised of the decision,", "PREAMBULAR_VERB", "Having been apprised"),
        ("HAVING SEEN the report;", "PREAMBULAR_VERB", "HAVING SEEN"),
        ("Pays tribute to the Special Representative", "OPERATIVE_VERB", "Pays tribute"),
        ("Again draws the attention of all States", "OPERATIVE_VERB", "Again draws the attention"),
        ("Recalling also that", "PREAMBULAR_VERB", "Recalling also"),
        ("Noting with deep concern the", "PREAMBULAR_VERB", "Noting with deep concern"),
        ("Also welcomes the States", "OPERATIVE_VERB", "Also welcomes"),
        ("Once again urges all", "OPERATIVE_VERB", "Once again urges"),
        ("Decides further that", "OPERATIVE_VERB", "Decides further"),
        ("URGES Member States:", "OPERATIVE_VERB", "URGES"),
        ("Reaffirm our commitment", "OPERATIVE_VERB", "Reaffirm"),
        ("Calls upon States", "OPERATIVE_VERB", "Calls upon"),
        ("Takes note with appreciation of", "OPERATIVE_VERB", "Takes note with appreciation"),
        ("*Also recognize* that", "OPERATIVE_VERB", "Also recognize"),
        ("<i>Demands</i> an immediate", "OPERATIVE_VERB", "Demands"),
        ("Having also heard the statement", "PREAMBULAR_VERB", "Having also heard"),
        ("Noting further with concern that", "PREAMBULAR_VERB", "Noting further with concern"),
        ("Bearing also in mind the", "PREAMBULAR_VERB", "Bearing also in mind"),
        ("Calls once again upon all parties", "OPERATIVE_VERB", "Calls once again upon"),
        ("Noting also that", "PREAMBULAR_VERB", "Noting also"),
        ("Urgently calls upon all States", "OPERATIVE_VERB", "Urgently calls upon"),
        ("Solemnly declares that", "OPERATIVE_VERB", "Solemnly declares"),
        ("Gravely disturbed by the", "PREAMBULAR_VERB", "Gravely disturbed"),
    ],
)
def test_verb_phrases(text: str, kind: str, phrase: str) -> None:
    pieces = [piece for piece in one(text).pieces if piece.kind not in ("STAR", "TAG")]
    assert (pieces[0].kind, pieces[0].text) == (kind, phrase)


@pytest.mark.parametrize(
    "text",
    ["Encourages further efforts by", "recalls the guidance", "Notesworthy", "Decidesx", "Recallings"],
)
def test_verb_phrase_edges(text: str) -> None:
    pieces = one(text).pieces
    if pieces[0].kind == "OPERATIVE_VERB":  # "Encourages", without the adjective "further"
        assert pieces[0].text == "Encourages"
    else:
        assert pieces[0].kind == "TEXT"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("text<sup>3</sup> more", ["TEXT", "SUP_MARK", "TEXT"]),
        ("Corruption\u00b9 more", ["TEXT", "SUPERSCRIPT", "TEXT"]),
        ("a \\* b", ["TEXT", "NOTE_ESCAPE", "TEXT"]),
        ("a \\_ b", ["TEXT", "ESCAPE", "TEXT"]),
        ("a **bold** b", ["TEXT", "STAR", "TEXT", "STAR", "TEXT"]),
        ("a <b>bold</b> b", ["TEXT", "TAG", "TEXT", "TAG", "TEXT"]),
        ("a < b", ["TEXT", "STRAY", "TEXT"]),
        ("and **Welcome** the", ["TEXT", "STAR", "OPERATIVE_VERB", "STAR", "TEXT"]),
    ],
)
def test_inline_pieces(text: str, expected: list[str]) -> None:
    assert kinds(one(text)) == expected


def test_grammar_is_total_on_awkward_text() -> None:
    for text in [
        "",
        "\n",
        "\r\n\r\n",
        "\f",
        "\x00\x01",
        "<<<>>>",
        "\\",
        "****",
        "\u00a0\u3000",
        "a\rb",
        "#",
        "(",
        "1.",
    ]:
        found = lines_of(text)
        assert all(isinstance(line, Line) for line in found)


def test_compiled_and_pure_lark_read_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    """lark-cython is an accelerator only: pure lark must build the very same documents."""
    from resolutions import grammar, parse
    from resolutions.serialise.json import to_dict

    from .conftest import SEEDS, corpus_texts

    if not grammar._PLUGINS:
        pytest.skip("lark-cython is not installed")
    texts = [path.read_text(encoding="utf-8") for path in [*SEEDS, *corpus_texts()]]
    texts += ["", "\x00 junk\r\n1. Decides", "5. Urges\n5. Urges\n"]
    compiled = [to_dict(parse(text)) for text in texts]
    grammar._compile.cache_clear()
    monkeypatch.setattr(grammar, "_PLUGINS", {})
    try:
        assert [to_dict(parse(text)) for text in texts] == compiled
    finally:
        grammar._compile.cache_clear()


def _terminal_regex(name: str) -> re.Pattern[str]:
    found = [t for t in load_grammar().parser().terminals if t.name.rpartition("__")[2] == name]
    assert len(found) == 1, name
    return re.compile(found[0].pattern.to_regexp())


#: What CONTENT_EOL adds after its CONTENT: trailing spaces, the line break, blank lines.
_LINE_END = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u3000\r]*\n(?:[ \t\u00a0\u2000-\u200a\u202f\u3000\r]*\n)*")


def _content_then_line_end(text: str) -> int | None:
    content = _terminal_regex("CONTENT").match(text)
    if content is None:
        return None
    end = _LINE_END.match(text, content.end())
    return end.end() if end else None


_LINE_BITS = ["a", "b1", "*", " ", "  ", "   ", "\t", "\u00a0", "\u3000", "\r", "\n", "\r\n", "\f"]


@settings(max_examples=1000)
@given(st.lists(st.sampled_from(_LINE_BITS), max_size=12).map("".join), st.sampled_from(["CONTENT_EOL", "CELL_EOL"]))
def test_content_eol_is_content_then_line_end(text: str, terminal: str) -> None:
    """CONTENT_EOL's quick path for plain lines takes what CONTENT, then the line end, would;
    CELL_EOL (the last cell after a column gap) is that without the quick path."""
    match = _terminal_regex(terminal).match(text)
    assert (match.end() if match else None) == _content_then_line_end(text)


@pytest.mark.parametrize("terminal", ["CONTENT_EOL", "CELL_EOL"])
@pytest.mark.parametrize(
    "text",
    ["a\n", "ab\n", "word  word \n", "  two leading\n", "a  b\r\n", "x\r\n\n \n", "a   gap\n", "tab\there\n"],
)
def test_content_eol_edges(text: str, terminal: str) -> None:
    match = _terminal_regex(terminal).match(text)
    assert (match.end() if match else None) == _content_then_line_end(text)


def test_content_eol_tries_its_quick_path_first() -> None:
    """Lark orders a terminal's alternatives by width: the quick path (which needs two characters)
    must come first, or the lexer never takes it and reads every line word by word."""
    assert _terminal_regex("CONTENT_EOL").pattern.startswith("(?:(?= {0,2}")


_LINE_PARTS = ["1. ", "12.", "(a) ", "- ", "• ", "¹", "\\*", "Decides", "text", "<", "  ", "\t", " ", "# ", "I. "]
_BREAKS = ["\n", "\r\n", "\n\n", "\n \n", "\f"]


@given(st.lists(st.tuples(st.lists(st.sampled_from(_LINE_PARTS), max_size=3), st.sampled_from(_BREAKS)), max_size=8))
def test_lines_hold_their_source(parts: list[tuple[list[str], str]]) -> None:
    """Each line's offsets (start, end, label, pieces, line end) point at its own source text."""
    text = "".join("".join(words) + end for words, end in parts)
    lexed = text if text.endswith("\n") else text + "\n"
    found = lines_of(text)
    assert "".join(lexed[line.start : line.end] for line in found) == lexed
    for line in found:
        assert line.start <= line.eol <= line.end
        assert lexed[line.eol] in "\r\n"
        assert lexed[line.end - 1] == "\n"
        assert line.blanks == lexed[line.eol : line.end].count("\n") - 1
        if line.label is not None:  # (a list item's label spans its bullet too: "- (a) ")
            assert lexed[line.label.start : line.label.end].endswith(line.label.text)
        for piece in line.pieces:
            assert line.start <= piece.start <= piece.end <= line.eol
            assert lexed[piece.start : piece.end] == piece.text
