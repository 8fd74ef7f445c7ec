"""Articles of named instruments: "Article 2 of the Charter", "Articles 41 and 42 of ...".

An article is a citation only with its instrument, named after it ("of the Rome Statute") or
just before it ("the Charter ..., in particular Article 51"): "Article 2" alone is as often an
article of the citing text's own annex.
"""

from __future__ import annotations

import re

from resolutions.citations.model import Found, RangeEnd, spaced
from resolutions.citations.patterns import ARTICLE_NUMBER, ARTICLE_SEPARATOR, INSTRUMENT, INSTRUMENT_BEFORE

_CHARTER = re.compile(r"^(?:Charter(?: of the United Nations)?|United Nations Charter)$")
_SPACES = re.compile(r"\s+")


def read_articles(text: str, trigger: re.Match[str]) -> tuple[list[Found], int]:
    """Read "Article(s) N[, M and K] of the <instrument>"; without an instrument, nothing."""
    position = trigger.end()
    if position >= len(text) or not text[position].isspace():
        return [], position
    position += 1
    numbers: list[tuple[str, int, int, RangeEnd | None]] = []
    bound: RangeEnd | None = None
    while (match := ARTICLE_NUMBER.match(text, position)) is not None:
        numbers.append((match.group("number"), match.start(), match.end(), bound))
        separator = ARTICLE_SEPARATOR.match(text, match.end())
        if separator is None or ARTICLE_NUMBER.match(text, separator.end()) is None:
            break
        bound = "to" if separator.group("range") else None
        if bound:
            numbers[-1] = (*numbers[-1][:3], "from")
        position = separator.end()
    if not numbers:
        return [], position
    instrument = INSTRUMENT.match(text, numbers[-1][2])
    if instrument is not None:
        name = _instrument(instrument.group("instrument"))
        end = instrument.end()
    else:
        named = INSTRUMENT_BEFORE.search(text, max(0, trigger.start() - 160), trigger.start())
        if named is None:
            return [], numbers[-1][2]  # "Article 2" of no instrument: the text's own, or unknown
        name = _instrument(named.group("instrument"))
        end = numbers[-1][2]
    out: list[Found] = []
    for index, (number, begin, stop, range_end) in enumerate(numbers):
        first = trigger.start() if index == 0 else begin
        last = end if index + 1 == len(numbers) else stop - (len(text[begin:stop]) - len(text[begin:stop].rstrip(" ,")))
        printed = spaced(text[first:last])
        number = "".join(number.split())
        out.append(("article", name, number, None, printed, first, last, None, range_end))
    return out, end


def _instrument(name: str) -> str:
    """Name an instrument as printed, the Charter's many names made one ("Charter")."""
    name = _SPACES.sub(" ", name.strip())
    return "Charter" if _CHARTER.match(name) else name
