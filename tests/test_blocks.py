"""Helpers of the block stage that later stages lean on."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resolutions.blocks import _TRAILING_REF, ends_sentence, without_trailing_refs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Director-General,1", "the Director-General,"),
        ("before the Court, 2", "before the Court,"),
        ("in 2020;2  ", "in 2020;"),
        ("a total of 1,000", "a total of 1,000"),
        ("a rate of 2.5", "a rate of 2.5"),
        ("the Convention *", "the Convention"),
        ("the Protocol,\u2020\u2021", "the Protocol,"),
        ("12", "12"),
        ("", ""),
        ("see paragraph 12 below", "see paragraph 12 below"),
        ("a long sentence that ends in stars * * * * * * * * * * * *", "a long sentence that ends in stars"),
    ],
)
def test_without_trailing_refs(text: str, expected: str) -> None:
    assert without_trailing_refs(text) == expected


_BITS = ["a", "word", "1", "12", "123", "1234", " ", "  ", ",", ";", ".", ":", "*", "\u2020", "\u201d", ")", "\t"]


@given(st.lists(st.sampled_from(_BITS), max_size=30).map("".join))
def test_without_trailing_refs_reads_the_whole_pattern(text: str) -> None:
    """Looking at the tail first gives what the pattern gives on the whole text."""
    assert without_trailing_refs(text) == _TRAILING_REF.sub("", text.rstrip())


def test_ends_sentence_looks_past_references() -> None:
    assert ends_sentence("the Director-General,1")
    assert not ends_sentence("the Director-General 1,000 people")
