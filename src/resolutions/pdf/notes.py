"""Footnotes: find the footnote area at the foot of each page and cut it into notes.

The PDF shows footnotes in three ways, each used here:

- a separator: a short rule drawn (or typed as "__________") at the left of the page, above
  the notes; everything under it, furniture aside, is footnotes;
- the marker: a note opens with its marker set as a superscript (raised, and often smaller);
  a body line never opens with one;
- the font: notes are set smaller than the text, so a run of such lines after the last body
  line belongs to the notes even without a separator.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from attrs import define, field

from resolutions.pdf.lines import Run, TextLine
from resolutions.pdf.page import PageData

#: A typed separator: a line of underscores or dashes.
_TYPED_RULE = re.compile(r"^[_\u2014\u2013\u2012-]{5,}$")
#: A marker printed on the baseline at the start of a note under a separator: "12 ", "* ", "†".
_PLAIN_MARKER = re.compile(r"^([0-9]{1,3}|[*\u2020\u2021\u00a7]{1,3}|[a-z])(?:\s+|(?=[A-Z(]))")
#: A footnote marker: digits, a letter, or printers' signs.
_MARKER = re.compile(r"^(?:[0-9]{1,3}|[a-z]|[*\u2020\u2021\u00a7]{1,3})$")
#: A drawn separator starts in the left third of the page and is shorter than 60% of its width.
_RULE_LEFT = 0.35
_RULE_WIDTH = 0.6
#: A line further than this many line pitches below the one above it is set apart.
_GAP = 1.3
#: Notes are below this share of the page height.
_LOWER = 0.4


@define
class Note:
    """A footnote body: its marker and its lines (the marker left out of the first)."""

    marker: str
    page: int
    lines: list[TextLine] = field(factory=list)
    first: list[Run] = field(factory=list)


def mark_notes(pages: Sequence[PageData], lines: Sequence[list[TextLine]], body_size: float, pitch: float) -> None:
    """Set ``role = "note"`` on footnote lines and ``role = "rule"`` on typed separators."""
    for page, page_lines in zip(pages, lines, strict=True):
        body = [line for line in page_lines if line.role == "body"]
        start = _separated(page, body, body_size)
        if start is None:
            start = _trailing_notes(body, body_size, pitch)
        if start is None:
            continue
        for line in body[start:]:
            line.role = "note"
        if start > 0 and _TYPED_RULE.match(body[start - 1].text):
            body[start - 1].role = "rule"


def _separated(page: PageData, body: list[TextLine], body_size: float) -> int | None:
    """Return the index of the first line under a footnote separator, if the page has one.

    A drawn rule separates notes when the line under it opens a note, or is set smaller than
    the text (a note carried over from the page before).
    """
    for index, line in enumerate(body):
        if _TYPED_RULE.match(line.text) and line.top > page.height * _LOWER and index + 1 < len(body):
            return index + 1
    for rule in page.rules:
        width = rule.x1 - rule.x0
        if rule.top < page.height * _LOWER or rule.x0 > page.width * _RULE_LEFT or width > page.width * _RULE_WIDTH:
            continue
        below = [i for i, line in enumerate(body) if line.top >= rule.top]
        if below and (_opens_note(body[below[0]], under_rule=True) or body[below[0]].size < body_size - 0.5):
            return below[0]
    return None


def _trailing_notes(body: list[TextLine], body_size: float, pitch: float) -> int | None:
    """Return the index of the first note at the page bottom (no separator), if any.

    From the bottom up, lines are taken while each is a note opener, or a continuation set no
    larger than the text; the last opener reached that is set apart from the text above it
    (by a gap, or by its smaller font) is where the notes start: notes may be set apart from
    each other too, as the World Health Assembly's are. A gap above a line that opens no note
    ends the search: that is a paragraph of the text.
    """
    start = None
    for index in range(len(body) - 1, 0, -1):
        line, above = body[index], body[index - 1]
        if line.size > body_size + 0.5 or line.bold:
            return start
        apart = line.baseline - above.baseline > _GAP * pitch or line.page != above.page
        if _opens_note(line, under_rule=False):
            if apart or line.size < body_size - 0.5:
                start = index
        elif apart:
            return start
    return start


def _opens_note(line: TextLine, *, under_rule: bool) -> bool:
    first = next((run for run in line.runs if run.text.strip()), None)
    if first is None:
        return False
    if first.raised:
        return bool(_MARKER.match(first.text.strip().strip(",.;")))
    return under_rule and bool(_PLAIN_MARKER.match(line.text))


def split_notes(note_lines: list[TextLine]) -> list[Note]:
    """Cut a page's note lines into notes, one per marker."""
    notes: list[Note] = []
    for line in note_lines:
        marker, rest = _split_marker(line)
        if marker is not None:
            notes.append(Note(marker, line.page, [line], rest))
        elif notes:
            notes[-1].lines.append(line)
        else:  # text under the separator before any marker: a note whose marker was lost
            notes.append(Note("", line.page, [line], list(line.runs)))
    return notes


def _split_marker(line: TextLine) -> tuple[str | None, list[Run]]:
    runs = [run for run in line.runs if run.text.strip()] and list(line.runs)
    first = runs[0] if runs else None
    if first is None:
        return None, []
    if first.raised and _MARKER.match(first.text.strip().strip(",.;")):
        return first.text.strip().strip(",.;"), _lstrip(runs[1:])
    match = _PLAIN_MARKER.match(first.text.lstrip())
    if match:
        rest = first.text.lstrip()[match.end() :]
        head = [Run(rest, first.italic, first.bold, first.raised)] if rest else []
        return match.group(1), _lstrip(head + runs[1:])
    return None, runs


def _lstrip(runs: list[Run]) -> list[Run]:
    while runs and not runs[0].text.strip():
        runs = runs[1:]
    if runs:
        first = runs[0]
        runs = [Run(first.text.lstrip(), first.italic, first.bold, first.raised), *runs[1:]]
    return runs
