"""Lenient parsing reads around a line the grammar cannot read; strict parsing raises there.

The shipped grammars have no such line that we know of (the Hypothesis tests look for them);
a body's own grammar may. The motto layer of ``tests/test_extension.py`` has a hole: after
"MOTTO:" it wants text, so "MOTTO:" alone on its line leaves the parser no terminal to read.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import resolutions
from resolutions import ParseError
from resolutions.grammar import Grammar, default_lexicon
from resolutions.lines import Line
from resolutions.recovery import RETRIES, plain_lines, read_lines
from tests.test_extension import MOTTO_GRAMMAR, MottoBuilder

TEXT = "MOTTO:\nThe Council,\n\n1. Decides to act.\n\n2. Requests a report.\n"


@pytest.fixture(scope="module")
def holed(tmp_path_factory: pytest.TempPathFactory) -> Grammar:
    path: Path = tmp_path_factory.mktemp("holed") / "holed.lark"
    path.write_text(MOTTO_GRAMMAR, encoding="utf-8")
    return Grammar("holed", path, default_lexicon(), MottoBuilder)  # (not registered: no other test sees it)


def test_a_line_the_grammar_cannot_read_is_plain_text_with_an_error(holed: Grammar) -> None:
    document = resolutions.parse(TEXT, body=holed)
    assert document.to_source() == TEXT
    errors = [(d.code, d.span.start, d.span.end) for d in document.diagnostics if d.severity == "error"]
    assert errors == [("unread-line", 0, len("MOTTO:"))]
    unread = next(d for d in document.diagnostics if d.code == "unread-line")
    assert unread.expected == "MOTTO_TEXT"
    assert [(r["number"], r["verb"]) for r in document.records() if r["number"]] == [
        ("1", "Decides"),
        ("2", "Requests"),
    ]
    assert document.preamble is not None
    assert document.preamble.formula is not None
    assert document.preamble.formula.text == "The Council,"


def test_strict_mode_raises_where_the_grammar_fails(holed: Grammar) -> None:
    with pytest.raises(ParseError, match="could not read") as caught:
        resolutions.parse(TEXT, body=holed, strict=True)
    assert (caught.value.line, caught.value.column) == (1, 6)


def test_unread_lines_are_reported_in_the_document_they_belong_to(holed: Grammar) -> None:
    first = "Resolution 1 (2001)\n\nThe Council,\n\n1. Requests.\n\n"
    text = first + "Resolution 2 (2002)\n\nThe Council,\n\n1. Decides.\n\nMOTTO:\n\n2. Decides again.\n"
    collection = resolutions.parse_all(text, body=holed)
    assert len(collection) == 2
    assert [d.code for d in collection[0].diagnostics if d.severity == "error"] == []
    (unread,) = [d for d in collection[1].diagnostics if d.code == "unread-line"]
    assert collection[1].source[unread.span.start : unread.span.end] == "MOTTO:"


def test_a_text_the_grammar_fails_on_line_after_line_is_read_without_it(holed: Grammar) -> None:
    text = "The Council,\n\n" + "MOTTO:\n1. Decides.\n" * (RETRIES + 3)
    document = resolutions.parse(text, body=holed)
    assert document.to_source() == text
    unread = [d for d in document.diagnostics if d.code == "unread-line"]
    assert len(unread) == RETRIES + 1
    assert "every line is read as plain text" in unread[0].message
    assert all(not r["verb"] or r["verb"] == "Decides" for r in document.records())


@settings(deadline=None, max_examples=60)
@given(st.lists(st.sampled_from(["MOTTO:", "MOTTO: x", "  MOTTO:\r", "1. Decides.", "", "\f", "(a) b"]), max_size=30))
def test_recovery_keeps_every_character(holed: Grammar, lines: list[str]) -> None:
    text = "\n".join(lines)
    assert resolutions.parse(text, body=holed).to_source() == text
    assert "".join(d.source for d in resolutions.parse_all(text, body=holed)) == text


_PLAIN_LINE = st.text(st.sampled_from("ab \t\u00a0\u3000"), max_size=8).filter(
    lambda line: line.strip(" \t\u00a0\u3000") != ""
)
_LAYOUT_LINE = st.one_of(_PLAIN_LINE, st.sampled_from(["", "  ", "\t", "\r", "\fab", "\f  ab"]))


@settings(deadline=None, max_examples=100)
@given(st.lists(_LAYOUT_LINE, max_size=12), st.sampled_from(["", "\n"]))
def test_lines_read_without_the_grammar_are_laid_out_as_the_grammar_lays_them(lines: list[str], end: str) -> None:
    # The last resort (plain_lines) must place lines, their breaks and the blank lines after
    # them as the grammar does, so that the stages after it read the same layout.
    text = "\n".join(lines) + end
    lexed = text if text.endswith("\n") else text + "\n"
    compiled = resolutions.load_grammar("un").compiled()
    by_grammar = read_lines(compiled, text)[0]
    by_hand = plain_lines(lexed, compiled)

    def layout(read: list[Line]) -> list[tuple[object, ...]]:
        return [(ln.start, ln.end, ln.eol, ln.blanks, ln.page_break, ln.indent, ln.plain()) for ln in read]

    assert layout(by_hand) == layout(by_grammar)
