"""Inline content: emphasis, references, escapes, line joins; and sub-item nesting."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resolutions.inline import inline_markers, inline_text, to_inline
from resolutions.items import Nesting, family
from resolutions.lines import _UNEVEN_SPACE, Piece, evenly_spaced, plain_text
from resolutions.nodes import Emphasis, FootnoteRef, Text
from resolutions.records import collapse


def pieces(*spec: tuple[str, str]) -> list[Piece]:
    out, position = [], 0
    for kind, text in spec:
        out.append(Piece(kind, text, position, position + len(text)))
        position += len(text)
    return out


def test_emphasis_pairs_by_delimiter() -> None:
    nodes = to_inline(
        pieces(
            ("STAR", "**"),
            ("TEXT", "Reaffirm"),
            ("STAR", "**"),
            ("TEXT", " also the "),
            ("STAR", "*"),
            ("TEXT", "Treaty"),
            ("STAR", "*"),
        )
    )
    assert [type(n).__name__ for n in nodes] == ["Emphasis", "Text", "Emphasis"]
    assert nodes[0].style == "bold" and nodes[2].style == "italic"  # type: ignore[union-attr]
    assert inline_text(nodes) == "Reaffirm also the Treaty"


def test_html_emphasis_and_unknown_tags() -> None:
    nodes = to_inline(pieces(("TAG", "<b>"), ("TEXT", "Title"), ("TAG", "</b>"), ("TAG", "<br/>"), ("TEXT", " rest")))
    assert isinstance(nodes[0], Emphasis) and nodes[0].style == "bold"
    assert inline_text(nodes) == "Title rest"


def test_unpaired_star_is_text() -> None:
    nodes = to_inline(pieces(("TEXT", "America:"), ("STAR", "*"), ("TEXT", " draft resolution")))
    assert nodes == (Text("America:* draft resolution"),)


@pytest.mark.parametrize(
    ("kind", "text", "marker"),
    [
        ("SUP_MARK", "<sup>12</sup>", "12"),
        ("SUPERSCRIPT", "\u00b9\u00b2", "12"),
        ("NOTE_ESCAPE", "\\*", "*"),
        ("REF", "3", "3"),
    ],
)
def test_references(kind: str, text: str, marker: str) -> None:
    nodes = to_inline(pieces(("TEXT", "Court,"), (kind, text), ("TEXT", " and")))
    assert isinstance(nodes[1], FootnoteRef) and nodes[1].marker == marker
    assert inline_markers(nodes) == [marker]


def test_line_breaks_and_spaces() -> None:
    nodes = to_inline(
        pieces(
            ("TEXT", "the Secretary-"),
            ("BREAK", " "),
            ("TEXT", "General  and"),
            ("BREAK", " "),
            ("TEXT", "the\tCourt"),
            ("ESCAPE", "\\_"),
        )
    )
    assert inline_text(nodes) == "the Secretary-General and the Court_"


def test_spans_point_into_the_source() -> None:
    nodes = to_inline(pieces(("TEXT", "abc"), ("SUP_MARK", "<sup>1</sup>")))
    assert (nodes[0].span.start, nodes[0].span.end, nodes[1].span.start) == (0, 3, 3)


@pytest.mark.parametrize(
    ("label", "previous", "expected"),
    [
        ("(a)", None, "letter"),
        ("(i)", None, "roman"),
        ("(i)", "(h)", "letter"),
        ("(v)", "(u)", "letter"),
        ("(iv)", "(iii)", "roman"),
        ("(1)", None, "digit"),
        ("(A)", None, "LETTER"),
        ("(IV)", None, "ROMAN"),
        ("-", None, "bullet"),
        ("\u2022", None, "bullet"),
    ],
)
def test_label_family(label: str, previous: str | None, expected: str) -> None:
    assert family(label, previous) == expected


def test_nesting_levels() -> None:
    nesting = Nesting()
    assert [nesting.place(label) for label in ["(a)", "(b)", "(i)", "(ii)", "(c)", "- ", "(d)"]] == [
        0,
        0,
        1,
        1,
        0,
        1,
        0,
    ]
    slip = Nesting()
    assert [slip.place(label) for label in ["(1)", "(ii)", "(iii)"]] == [0, 0, 0]


@given(
    st.text(st.sampled_from(["a", " ", "\t", "\n", "\u00a0", "\u2003", "\x1f", "\x85", "\u2028", "é", "\x00"]))
    | st.text(st.sampled_from(["a", " ", *[chr(c) for c in range(0x20)], "\x7f"]))
    | st.text()
)
def test_evenly_spaced_agrees_with_the_pattern(text: str) -> None:
    assert evenly_spaced(text) == (_UNEVEN_SPACE.search(text) is None)
    if text:
        assert plain_text(pieces(("TEXT", text))) == " ".join(text.split())
    assert collapse(text) == " ".join(text.split())


@pytest.mark.parametrize("char", [chr(c) for c in range(128)])
def test_evenly_spaced_knows_every_ascii_character(char: str) -> None:
    # long ASCII text takes a path of its own, which names each whitespace character it looks for
    long = "x" * 60
    for text in (f"a{char}b", f"{long}{char}{long}", f"{char}{long}", f"{long}{char}", f"{long} {char}{long}"):
        assert evenly_spaced(text) == (_UNEVEN_SPACE.search(text) is None), repr(text)


def _scanners() -> list[object]:
    from resolutions.grammar import load_grammar, shipped_bodies

    return [load_grammar(body).compiled().inline for body in shipped_bodies()]


SCANNERS = _scanners()
EXAMPLE_LINES = [
    line
    for path in sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.txt"))
    for line in path.read_text(encoding="utf-8").split("\n")
    if line.strip()
]


def _read(pieces: list[Piece]) -> list[tuple[str, str, int, int]]:
    return [(p.kind, p.text, p.start, p.end) for p in pieces]


def test_the_scanner_reads_the_examples_as_the_literal_reading_does() -> None:
    """The quick paths (plain text, a phrase and text) give what phrases in lark's place give."""
    for scanner in SCANNERS:
        for line in EXAMPLE_LINES:
            content = line.lstrip()
            assert _read(scanner.scan(content, 7)) == _read(scanner._scan_all(content, 7)), content


@pytest.mark.parametrize("content", ["A", "B.", "Ab", "A*", "A<i>", "Al", "ALSO", "Also", "Alsop", "Dec", "É", "A¹"])
def test_short_content_opening_with_a_capital_reads_as_the_literal_reading_does(content: str) -> None:
    # Text shorter than every phrase takes the quick path whatever its first letter.
    for scanner in SCANNERS:
        assert _read(scanner.scan(content, 3)) == _read(scanner._scan_all(content, 3))


@given(
    st.lists(
        st.sampled_from(["Recalling", "Decides", "Welcomes", " ", "the", "Also", "*", "<i>", "¹", ",", "1"])
        | st.text(max_size=3),
        max_size=8,
    )
)
def test_the_scanner_reads_any_content_as_the_literal_reading_does(words: list[str]) -> None:
    content = "".join(words).replace("\n", " ").replace("\r", " ")
    if not content:
        return
    for scanner in SCANNERS:
        assert _read(scanner.scan(content, 3)) == _read(scanner._scan_all(content, 3))
