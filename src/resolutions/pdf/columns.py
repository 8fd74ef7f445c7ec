"""Reading order: two-column pages read column by column.

Some publications (Official Records volumes, journals) set text in two columns. Read row by
row, their lines would interleave. A page is read in columns where a gutter runs down it: a
vertical band near the middle that no line crosses, with many lines of running text on both
sides of it. Lines that cross the gutter (a title set across the page) cut the page into bands,
and each band is read left column first. A header block set in two columns (the symbol on the
right, the organ on the left) has too few lines to count as columns, and keeps its order.
"""

from __future__ import annotations

from resolutions.pdf.lines import TextLine

#: The gutter is looked for between these shares of the page width.
_MIDDLE = (0.3, 0.7)
#: A band is read in columns when each side has at least this many lines ...
_MIN_LINES = 5
#: ... that mostly fill their column (average width over the column's width).
_FILL = 0.6


def reading_order(lines: list[TextLine], width: float) -> list[TextLine]:
    """Return a page's lines (top to bottom, left to right) in reading order."""
    if len(lines) < 2 * _MIN_LINES:
        return lines
    gutter = _gutter(lines, width)
    if gutter is None:
        return lines
    for side in ([line for line in lines if line.x1 < gutter], [line for line in lines if line.x0 > gutter]):
        edges = (min(line.x0 for line in side), max(line.x1 for line in side))
        for line in side:
            line.column = edges  # paragraphs wrap at their column's edge, not the page's
    ordered: list[TextLine] = []
    band: list[TextLine] = []
    for line in lines:
        if line.x0 < gutter < line.x1:  # across the gutter: ends the band above it
            ordered.extend(_band(band, gutter))
            ordered.append(line)
            band = []
        else:
            band.append(line)
    ordered.extend(_band(band, gutter))
    return ordered


def _gutter(lines: list[TextLine], width: float) -> float | None:
    """Find the x of a gutter with enough column text on both sides, or None."""
    low, high = _MIDDLE[0] * width, _MIDDLE[1] * width
    candidates = sorted({round(line.x1) + 1.0 for line in lines if low <= line.x1 <= high})
    best: tuple[int, int, float] | None = None
    for gutter in candidates:
        left = [line for line in lines if line.x1 < gutter]
        right = [line for line in lines if line.x0 > gutter]
        if min(len(left), len(right)) < _MIN_LINES:
            continue
        if not (_fills(left) and _fills(right)):
            continue
        crossing = sum(1 for line in lines if line.x0 < gutter < line.x1)
        if crossing > 0.2 * len(lines):
            continue
        score = (-crossing, min(len(left), len(right)), gutter)  # the clearest gutter, then the widest
        if best is None or score > best:
            best = score
    return None if best is None else best[2]


def _fills(side: list[TextLine]) -> bool:
    """Tell lines that fill their column (running text), not scattered labels or a header."""
    column = max(line.x1 for line in side) - min(line.x0 for line in side)
    return column > 0 and sum(line.x1 - line.x0 for line in side) / len(side) >= _FILL * column


def _band(band: list[TextLine], gutter: float) -> list[TextLine]:
    left = [line for line in band if line.x1 <= gutter]
    right = [line for line in band if line.x1 > gutter]
    if len(left) < 2 or len(right) < 2:
        return band
    return left + right
