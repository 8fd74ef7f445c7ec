"""The writer's ``preface`` (the header block and the titles) and ``conclusions`` (the closing).

Each header line is a ``p`` whose class is its field; the field's value is marked in it with
AKN's inline elements (``docNumber``, ``docDate``, ``docProponent``, ``session``, ``location``).
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from resolutions.dates import DATE, parse_date
from resolutions.serialise.akn.meta import References
from resolutions.serialise.akn.names import EIds, attr, esc

if TYPE_CHECKING:
    from resolutions.nodes import Closing, Document, Header, HeaderLine

Mark = tuple[int, int, str, str]


def marked(text: str, marks: list[Mark]) -> str:
    """Escape text and wrap the ranges in ``marks`` (start, end, opening tag, closing tag)."""
    out: list[str] = []
    pos = 0
    for start, end, opening, closing in sorted(marks):
        if start < pos:
            continue  # overlapping marks: the first wins
        out += [esc(text[pos:start]), opening, esc(text[start:end]), closing]
        pos = end
    out.append(esc(text[pos:]))
    return "".join(out)


def _find(text: str, value: str | None) -> tuple[int, int] | None:
    if not value:
        return None
    at = text.find(value)
    return (at, at + len(value)) if at >= 0 else None


def _date_at(text: str, date: datetime.date | None) -> tuple[int, int] | None:
    if date is None:
        return None
    for match in DATE.finditer(text):
        if parse_date(match.group()) == date:
            return match.span()
    return None


def _line_marks(line: HeaderLine, header: Header, refs: References) -> list[Mark]:
    text, field = line.text, line.field
    found: tuple[int, int] | None
    if field in ("organ", "body"):
        value = getattr(header, field)
        found = _find(text, value)
        if found:
            return [(*found, f'<docProponent refersTo="#{refs.organization(value)}">', "</docProponent>")]
    elif field == "symbol":
        found = _find(text, header.symbol) or (0, len(text))
        return [(*found, "<docNumber>", "</docNumber>")]
    elif field == "date":
        found = _date_at(text, header.date)
        if found and header.date:
            return [(*found, f'<docDate date="{header.date.isoformat()}">', "</docDate>")]
    elif field == "adopted":
        found = _date_at(text, header.adopted)
        if found and header.adopted:
            opening = f'<date date="{header.adopted.isoformat()}" refersTo="#{refs.event("adoption")}">'
            return [(*found, opening, "</date>")]
    elif field == "session":
        found = _find(text, header.session)
        if found and header.session:
            return [(*found, f'<session value="{attr(header.session)}">', "</session>")]
    elif field == "place":
        found = _find(text, header.place)
        if found and header.place:
            return [(*found, f'<location refersTo="#{refs.location(header.place)}">', "</location>")]
    return []


def preface(document: Document, refs: References, ids: EIds, prefix: str, pad: str) -> str:
    """Return the preface: each header line as ``p`` with its field as class, then the titles.

    The fields' values are marked with AKN's inline elements (``docNumber``, ``docDate``,
    ``docProponent``, ``session``, ``location``); the title is ``longTitle/p/docTitle``, a
    subtitle a ``p`` of class "subtitle".
    """
    header = document.header
    lines = []
    inner = pad + "  "
    for line in header.lines:
        lines.append(f'{inner}<p class="{attr(line.field)}">{marked(line.text, _line_marks(line, header, refs))}</p>')
    counters: dict[str, int] = {}
    for title in document.titles:
        if title.role == "title":
            eid = ids.make(prefix, "longTitle", None, counters, ordinal=True)
            lines.append(f'{inner}<longTitle eId="{eid}"><p><docTitle>{esc(title.text)}</docTitle></p></longTitle>')
        else:
            lines.append(f'{inner}<p class="{title.role}">{esc(title.text)}</p>')
    if not lines:
        return ""
    return "\n".join([f"{pad}<preface>", *lines, f"{pad}</preface>"])


def conclusions(closing: Closing | None, refs: References, pad: str) -> str:
    """Return the closing lines as ``conclusions``, with the meeting, date and place marked."""
    if closing is None or not closing.lines:
        return ""
    out = [f"{pad}<conclusions>"]
    for text in closing.lines:
        marks: list[Mark] = []
        found = _find(text, closing.meeting)
        if found:
            marks.append((*found, '<inline name="meeting">', "</inline>"))
        found = _date_at(text, closing.date)
        if found and closing.date:
            marks.append(
                (*found, f'<date date="{closing.date.isoformat()}" refersTo="#{refs.event("adoption")}">', "</date>")
            )
        found = _find(text, closing.place)
        if found and closing.place:
            marks.append((*found, f'<location refersTo="#{refs.location(closing.place)}">', "</location>"))
        out.append(f"{pad}  <p>{marked(text, marks)}</p>")
    out.append(f"{pad}</conclusions>")
    return "\n".join(out)
