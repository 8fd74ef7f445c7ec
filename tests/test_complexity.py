"""Parsing takes time in proportion to the text, whatever the text (the complexity harness).

Every family of ``tests/families.py`` (one or more per grammar terminal and per layout rule) is
read at three sizes, n, 4n and 16n characters, and must take at most ``SLACK`` times longer than
linear growth would from 4n to 16n: up to 8 times as long, where a quadratic path takes 16
times as long. Sizes are small here (the smallest takes 1 ms to read, the largest has 64,000 characters at most) and times are the best of
several runs of CPU time, measured again before a failure counts, so that a busy machine does
not fail the suite. ``benchmarks/bench_complexity.py`` runs the same families at large sizes and
also holds them to 5 s per MB. The Hypothesis test draws new families from the grammar's
vocabulary, so that a new slow path is found by the tool rather than by a reader.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings

import resolutions
from resolutions.grammar import available_bodies, load_grammar
from tests import strategies
from tests.families import BODY_SAMPLES, RULE_FAMILIES, RULES, TERMINAL_SAMPLES, Family, all_families, judge

#: The smallest size each family is read at, in characters, doubled until reading it takes
#: SMALLEST_SECONDS (then 4 and 16 times that size are read too), with LARGEST the cap.
SMALLEST = 800
SMALLEST_SECONDS = 0.001
LARGEST = 64_000
#: How much faster than linearly time may grow before a family fails.
SLACK = 2.0
#: A cap on the time per MB at these sizes, for a path so slow that its growth hides in the
#: sizes' fixed costs (the benchmark holds families to 5 s per MB at large sizes).
SECONDS_PER_MB = 50.0


@pytest.mark.parametrize("body", available_bodies())
def test_every_terminal_of_the_grammars_has_a_family(body: str) -> None:
    compiled = load_grammar(body).compiled()
    names = {terminal.name.rpartition("__")[2] for terminal in compiled.lark.terminals}
    for scanner in (compiled.inline, compiled.cells):
        for regex in (scanner._regex, scanner._phrases):
            names.update(regex.groupindex if regex is not None else ())
    sampled = set(TERMINAL_SAMPLES) | {name for name, (owner, _) in BODY_SAMPLES.items() if owner == body}
    assert sorted(names - sampled) == []


def test_every_layout_rule_has_families() -> None:
    covered = {family.name.partition("/")[0] for family in RULE_FAMILIES}
    assert sorted(set(RULES) - covered) == []
    assert sorted(covered - set(RULES)) == []


@pytest.mark.parametrize("family", all_families(), ids=lambda family: family.name)
def test_parse_time_grows_linearly(family: Family) -> None:
    assert judge(family, SMALLEST, SMALLEST_SECONDS, LARGEST, SLACK, SECONDS_PER_MB) is None


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], deadline=None)
@given(strategies.repeated_units())
# Found by this test: stars that open emphasis and never close it, thousands in a paragraph,
# left as many text nodes, which were joined two by two (time in the square of the length).
@example(family=Family("drawn", "===Recalling also * * ", "", "", False))
def test_any_repeated_unit_parses_in_linear_time(family: Family) -> None:
    """Texts made by repeating a few words of the grammars' vocabulary: no crash, linear time."""
    text = family.text(SMALLEST)
    document = resolutions.parse(text)
    assert document.to_source() == text
    assert "unread-line" not in {d.code for d in document.diagnostics}, "a line the grammar could not read"
    assert judge(family, SMALLEST, SMALLEST_SECONDS, LARGEST, SLACK, SECONDS_PER_MB) is None
