"""Page furniture: what a page prints that is not the document.

Furniture sits in the top and bottom margins: job numbers ("18-18418 (E) 071118"), barcodes
("*1818418*"), page numbers ("2/10", "Page 3 of 8", "- 4 -"), "Please recycle", and running
headers and footers. Two kinds of evidence find it, both general:

- repetition: a margin line printed on two pages or more, at the same size, is a running
  header or footer (page numbers count as the same line: digits are compared as "#");
- the first page: a margin line of a later page that repeats text of the first page (the
  symbol, the title) is a running header.

A few shapes are furniture wherever a margin holds them: page numbers, job numbers, barcodes
(also told by their font). Lines that open with a superscript are footnotes, never furniture,
even when the same footnote is printed on every page.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from resolutions.pdf.lines import TextLine
from resolutions.pdf.page import PageData

#: Share of the page height that makes the top and the bottom margin zones.
_EDGE = 0.1
#: Shapes that are furniture in a margin zone.
_SHAPES = re.compile(
    r"""^(?:
        [0-9]{1,4}\s*/\s*[0-9]{1,4}                                  # 2/10
      | (?:page|p\.)\s*[0-9]{1,4}(?:\s*(?:of|/)\s*[0-9]{1,4})?       # Page 3 of 8
      | [-\u2013\u2014]?\s*[0-9]{1,4}\s*[-\u2013\u2014]?             # 4, - 4 -
      | [ivxlc]{1,6}                                                 # iv (front matter)
      | (?:GE\.)?[0-9]{2}-[0-9]{4,6}\s*(?:\([A-Z]\))?(?:\s+[0-9]{6})?  # 18-18418 (E) 071118, GE.18-12345(E)
      | [0-9]{6}                                                     # 071118 (the print date alone)
      | \*[0-9A-Z]{5,}\*                                             # *1818418* (barcode text)
      | please\s+recycle.*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
#: The shortest first-page text a running header is matched against.
_MIN_REPEAT = 5
#: A margin line is set apart when the nearest text line is further than this many font sizes.
_APART = 1.6


def mark_furniture(pages: Sequence[PageData], lines: Sequence[list[TextLine]]) -> None:
    """Set ``role = "furniture"`` on the page furniture of every page.

    Only margin lines set apart from the text are candidates: the first line of a page's text
    may sit as high as a running header, but it is as close to the next line as text lines are.
    On the first page, the top margin is the masthead (symbol, organ, date): it is kept even
    where later pages repeat part of it.
    """
    edges = [_edge_lines(page, page_lines) for page, page_lines in zip(pages, lines, strict=True)]
    seen: dict[tuple[str, str, int], set[int]] = defaultdict(set)
    for number, page_edges in enumerate(edges):
        for zone, line in page_edges:
            seen[_key(line, zone)].add(number)
    first_page = _squeeze(" ".join(line.text for line in lines[0])) if lines else ""
    for number, page_edges in enumerate(edges):
        for zone, line in page_edges:
            if line.opens_raised or (number == 0 and zone == "top"):
                continue
            if any("barcode" in font.lower() for font in line.fonts):
                line.role = "furniture"
                continue
            repeated = len(seen[_key(line, zone)]) >= 2
            squeezed = _squeeze(line.text)
            echoes = number > 0 and len(squeezed) >= _MIN_REPEAT and squeezed in first_page
            if repeated or echoes or _SHAPES.match(line.text.strip()):
                line.role = "furniture"


def _edge_lines(page: PageData, lines: list[TextLine]) -> list[tuple[str, TextLine]]:
    """Return the lines in the top and bottom margins that stand apart from the page's text."""
    top, bottom = page.height * _EDGE, page.height * (1 - _EDGE)
    zones = [
        ("top" if line.bottom <= top else "bottom", line) for line in lines if line.bottom <= top or line.top >= bottom
    ]
    inner = [line for line in lines if top < line.bottom and line.top < bottom]
    return [(zone, line) for zone, line in zones if _apart(line, inner)]


def _apart(line: TextLine, inner: list[TextLine]) -> bool:
    """Tell a margin line further from the nearest text line than a paragraph gap."""
    nearest = min((abs(other.baseline - line.baseline) for other in inner), default=float("inf"))
    return nearest > _APART * max(line.size, 1.0)


def _key(line: TextLine, zone: str) -> tuple[str, str, int]:
    return (re.sub(r"[0-9]+", "#", _squeeze(line.text)), zone, round(line.size))


def _squeeze(text: str) -> str:
    """Compare texts without case or spaces ("A /RES/73/7" is "a/res/73/7")."""
    return re.sub(r"\s+", "", text).lower()
