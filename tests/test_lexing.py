"""The scanners that dispatch on a token's first character match exactly as lark's own alternation."""

from __future__ import annotations

import re
from pathlib import Path

import lark.lexer
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resolutions import grammar as grammar_module
from resolutions import lexing
from resolutions.grammar import load_grammar, shipped_bodies
from resolutions.lexing import DISPATCHING_RE, FirstCharPattern, contextual_lexer, first_char_pattern

from .strategies import texts

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _alternation(terminals: list[lark.lexer.TerminalDef]) -> str:
    """The pattern lark's scanner joins for these terminals, in lark's order."""
    ordered = sorted(terminals, key=lambda t: (-t.priority, -t.pattern.max_width, -len(t.pattern.value), t.name))
    return "|".join(f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in ordered)


def _scanners() -> list[FirstCharPattern]:
    """Every shipped body's terminals as one alternation, and the terminals a line may open with."""
    out = []
    for body in shipped_bodies():
        terminals = list(load_grammar(body).compiled().lark.terminals)
        for chosen in (terminals, terminals[::2], terminals[1::2]):
            pattern = first_char_pattern(re.compile(_alternation(chosen)))
            assert pattern is not None, body
            out.append(pattern)
    return out


SCANNERS = _scanners()


def _same(pattern: FirstCharPattern, text: str, pos: int) -> None:
    """The pattern, and the copy made for the character at ``pos``, match as lark's alternation."""
    expected = pattern.full.match(text, pos)
    copies = [pattern.match(text, pos)]
    if pos < len(text):
        copies.append(pattern.variant(text[pos]).match(text, pos))
    for got in copies:
        if expected is None:
            assert got is None, (text[pos : pos + 40], got)
        else:
            assert got is not None, (text[pos : pos + 40], expected.lastgroup)
            assert (got.group(0), got.lastindex) == (expected.group(0), expected.lastindex)


def test_every_line_of_the_examples_scans_as_lark_does() -> None:
    lines = [
        line + "\n" for path in sorted(EXAMPLES.glob("*.txt")) for line in path.read_text(encoding="utf-8").split("\n")
    ]
    for pattern in SCANNERS:
        for line in lines:
            for pos in {0, *(m.end() for m in re.finditer(r"\s+", line))}:
                _same(pattern, line, pos)


@settings(max_examples=300, deadline=None)
@given(texts(), st.data())
def test_any_text_scans_as_lark_does(text: str, data: st.DataObject) -> None:
    pattern = data.draw(st.sampled_from(SCANNERS))
    pos = data.draw(st.integers(0, len(text)))
    _same(pattern, text, pos)


@pytest.mark.parametrize(
    ("pattern", "opens", "never"),
    [
        (r"(?P<A>abc)", "a", "bA"),
        (r"(?P<A>(?i:abc))", "aA", "b"),
        (r"(?P<A>[^a-c])", "dZ \n", "abc"),
        (r"(?P<A>(?i:[^a-c]))", "d", "aAcC"),
        (r"(?P<A>x?y*z)", "xyz", "w"),
        (r"(?P<A>(?:ab|cd)+)", "ac", "bd"),
        (r"(?P<A>(?=q)\bq)", "q", "r"),
        (r"(?P<A>(?<=,)\s+x)", " \t", "x,"),
        (r"(?P<A>\d+\.)", "0٣", "a."),
        (r"(?P<A>(?>a|b)c)", "ab", "c"),
        (r"(?P<A>a++b)", "a", "b"),
    ],
)
def test_first_characters(pattern: str, opens: str, never: str) -> None:
    scanner = first_char_pattern(re.compile("|".join([pattern] + [f"(?P<F{i}>{i}{i})" for i in range(8)])))
    assert scanner is not None
    start = scanner.starts[0]
    assert start is not None
    assert all(start.match(c) for c in opens)
    assert not any(start.match(c) for c in never)


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?P<A>.x)",  # any character
        r"(?P<A>(x)?\2y)",  # a back-reference (not even a valid one)
        r"(?P<A>(?P<g>a)?(?(g)b|c))",  # a conditional
        r"(?P<A>(?:x?)*y?\d*)",  # may match nothing: its first character is unknown
    ],
)
def test_unknown_first_characters_are_any(pattern: str) -> None:
    try:
        compiled = re.compile("|".join([pattern] + [f"(?P<F{i}>{i}{i})" for i in range(8)]))
    except re.error:
        return
    scanner = first_char_pattern(compiled)
    assert scanner is not None
    assert scanner.starts[0] is None


def test_small_or_foreign_alternations_are_left_alone() -> None:
    assert first_char_pattern(re.compile("|".join(f"(?P<F{i}>{i})" for i in range(3)))) is None
    assert first_char_pattern(re.compile("a|b|c|d|e|f|g|h|i")) is None
    assert not isinstance(DISPATCHING_RE.compile("abc"), FirstCharPattern)


def test_groups_inside_a_terminal_keep_their_numbers() -> None:
    branches = [r"(?P<A>(x)(?P<inner>y))"] + [f"(?P<F{i}>{i}{i})" for i in range(8)] + [r"(?P<Z>z(w)?)"]
    scanner = first_char_pattern(re.compile("|".join(branches)))
    assert scanner is not None
    for text in ("xy", "00", "zw", "z", "77", "q"):
        _same(scanner, text, 0)
    assert scanner.match("zw").lastgroup == "Z"


def test_characters_beyond_the_table_use_the_whole_alternation() -> None:
    scanner = SCANNERS[0]
    text = "\U0001f600 emoji line\n"
    _same(scanner, text, 0)
    assert "\U0001f600" not in scanner.by_char
    assert scanner.variant("\U0001f600") is scanner.full


def test_variants_are_shared_between_characters_alike() -> None:
    scanner = first_char_pattern(re.compile("|".join(f"(?P<F{i}>[a-z]{i})" for i in range(9))))
    assert scanner is not None
    assert scanner.variant("b").match("b3") is not None
    assert scanner.variant("c").match("c5").lastgroup == "F5"
    assert scanner.by_char["b"] is scanner.by_char["c"]
    assert scanner.match("b3", 0, 1) is None  # an end position: the whole alternation


def test_a_characters_copy_is_made_once_it_has_opened_a_few_tokens() -> None:
    scanner = first_char_pattern(re.compile("|".join(f"(?P<F{i}>[a-z]{i})" for i in range(9))))
    assert scanner is not None
    for _ in range(lexing.WARM_UP - 1):
        assert scanner.match("d4").lastgroup == "F4"
    assert "d" not in scanner.by_char and scanner._branches is None  # nothing worked out yet
    assert scanner.match("d4").lastgroup == "F4"
    assert scanner.by_char["d"] is not scanner.full
    assert scanner.match("", 0) is None and scanner.match("d4", 2) is None


def test_the_contextual_lexer_is_given_the_dispatching_module() -> None:
    seen = []

    def base(conf: object, states: object, always_accept: object = ()) -> object:
        seen.append(conf)
        return conf

    class Conf:
        re_module = re

    original = Conf()
    contextual_lexer(base)(original, {})
    assert seen[0].re_module is DISPATCHING_RE
    assert original.re_module is re  # the grammar's own configuration is left as it was

    class OtherConf:  # lark(regex=True), or a configuration without the attribute
        re_module = object()

    other = OtherConf()
    contextual_lexer(base)(other, {})
    assert seen[1] is other


def test_the_grammars_scanners_dispatch(monkeypatch: pytest.MonkeyPatch) -> None:
    """The parser that load_grammar builds scans a line's start with a dispatching pattern."""
    made: list[FirstCharPattern] = []

    def record(compiled: re.Pattern[str]) -> FirstCharPattern | None:
        found = first_char_pattern(compiled)
        if found is not None:
            made.append(found)
        return found

    monkeypatch.setattr(lexing, "first_char_pattern", record)
    compiled = grammar_module._compile.__wrapped__(load_grammar())  # a parser built anew
    compiled.lark.parse("The General Assembly,\n\n1. Decides.\n")
    assert made
    assert max(len(m.branches) for m in made) >= 20


# ---------------------------------------------------------------------------------- shortest match
@pytest.mark.parametrize(
    ("pattern", "shortest"),
    [
        ("abc", 3),
        ("a|bcd", 1),
        ("(?=xyz)ab", 2),
        ("a*", 0),
        ("x{2,5}y?", 2),
        ("[0-9]+\\.?$", 1),
        ("(?:Annex|Appendix)(?:\\s+[IVX]+)?", 5),
        ("(?i)submitted\\s+by\\b", 12),
    ],
)
def test_shortest_match_is_the_length_of_the_shortest_text_a_pattern_matches(pattern: str, shortest: int) -> None:
    assert lexing.shortest_match(re.compile(pattern)) == shortest


def _guarded_patterns() -> list[re.Pattern[str]]:
    from resolutions.blocks import ANNEX_HEADING, CLOSING, SUBMITTED
    from resolutions.split import HEAD, NUMBERED_HEAD

    titled = [rule.pattern for body in shipped_bodies() for rule in load_grammar(body).conventions.titled_symbols]
    return [CLOSING, SUBMITTED, ANNEX_HEADING, HEAD, NUMBERED_HEAD, *titled]


@settings(deadline=None)
@given(st.data())
def test_no_text_shorter_than_a_guarded_patterns_shortest_match_matches_it(data: st.DataObject) -> None:
    # The line stages skip these patterns on lines shorter than their shortest match; the
    # texts here are cut from texts each pattern matches, so they come close to matching.
    pattern = data.draw(st.sampled_from(_guarded_patterns()))
    shortest = lexing.shortest_match(pattern)
    assert shortest > 0
    text = data.draw(st.text(st.sampled_from("Annex IVDecisonRlut 0123/.,-()ablmtdy"), max_size=shortest - 1))
    assert pattern.match(text) is None
    assert pattern.fullmatch(text) is None
