"""Peak memory of a parse, as a multiple of the text's size (issue 14: at most 15 times).

``benchmarks/bench_memory.py`` measures 50 MB texts. Here a text of 200,000 characters is
measured by ``tracemalloc``, which counts what Python allocates: the same every run, so the
test does not depend on the machine's load (it is no timing). The second parse is measured, so
that patterns compiled on first use do not count. At this size the multiples are within a
tenth of those at 50 MB.
"""

from __future__ import annotations

import textwrap
import tracemalloc

import pytest

import resolutions
from tests.conftest import EXAMPLES

#: Issue 14's ceiling: the peak of a parse, in times the text's size.
CEILING = 15.0
SEED = EXAMPLES / "002_5927ce86d9264869.txt"
SIZE = 200_000


def _seed_parts() -> tuple[str, str]:
    text = SEED.read_text(encoding="utf-8")
    start = text.index("\n1. ")
    return text[:start], text[start:]


def _long_lines() -> str:
    """The seed's body repeated: a paragraph per line (Markdown)."""
    head, body = _seed_parts()
    return head + body * (SIZE // len(body) + 1)


def _short_lines() -> str:
    """The seed's paragraphs hard-wrapped at 50 characters, as extracted text has them."""
    head, body = _seed_parts()
    paragraphs = [" ".join(part.split()) for part in body.split("\n\n") if part.strip()]
    wrapped = "".join(textwrap.fill(paragraph, 50) + "\n\n" for paragraph in paragraphs)
    return head + wrapped * (SIZE // len(wrapped) + 1)


@pytest.mark.skipif(tracemalloc.is_tracing(), reason="tracemalloc is already in use")
@pytest.mark.parametrize("make", [_long_lines, _short_lines], ids=["long-lines", "short-lines"])
def test_the_peak_of_a_parse_stays_under_fifteen_times_the_text(make: object) -> None:
    text = make()  # type: ignore[operator]
    resolutions.parse(text)
    tracemalloc.start()
    try:
        document = resolutions.parse(text)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(document.records()) > 300  # the whole text was read: hundreds of paragraphs
    assert peak < CEILING * len(text), f"peak {peak / len(text):.1f} times the text"
