"""Peak memory of a parse, as a multiple of the text's size (issue 14: at most 15 times).

``benchmarks/bench_memory.py`` measures 50 MB of the same texts (``tests/texts.py``). Here
200,000 characters are measured by ``tracemalloc``, which counts what Python allocates: the same
every run, so the test does not depend on the machine's load (it is no timing). The second parse
is measured, so that patterns compiled on first use do not count. At this size the multiples
are within a tenth of those at 50 MB.
"""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable

import pytest

import resolutions
from tests.texts import seed_text, wrapped_text

#: Issue 14's ceiling: the peak of a parse, in times the text's size.
CEILING = 15.0
SIZE = 200_000


@pytest.mark.skipif(tracemalloc.is_tracing(), reason="tracemalloc is already in use")
@pytest.mark.parametrize("make", [seed_text, wrapped_text], ids=["long-lines", "short-lines"])
def test_the_peak_of_a_parse_stays_under_fifteen_times_the_text(make: Callable[[int], str]) -> None:
    text = make(SIZE)
    resolutions.parse(text)
    tracemalloc.start()
    try:
        document = resolutions.parse(text)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(document.records()) > 300  # the whole text was read: hundreds of paragraphs
    assert peak < CEILING * len(text), f"peak {peak / len(text):.1f} times the text"
