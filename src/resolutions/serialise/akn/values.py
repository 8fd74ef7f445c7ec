"""The header's and the closing's field values, read back from Akoma Ntoso.

Our own output keeps the exact values in ``meta/proprietary`` and they are taken from there.
For AKN from other tools they are worked out from the lines, as the parser would, helped by
AKN's inline elements where the other tool used them (``docNumber``, ``docDate``,
``docProponent``, ``session``, ``location``, ``date``).
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from lxml import etree

from resolutions.dates import dateline, parse_date
from resolutions.nodes import HEADER_FIELDS, Closing, Header, HeaderLine
from resolutions.serialise.akn.names import CLOSING_FIELDS, DATE_FIELDS

Element = etree._Element

#: Preface classes other tools use (bluebell's names), and our field for each.
FOREIGN_FIELDS = {
    "subsidiaryOrgan": "body",
    "language": "original_language",
    "originalLanguage": "original_language",
    "placeDate": "place",
    "agendaItem": "agenda_item",
    "docNumber": "symbol",
}
_AGENDA = re.compile(r"\bitem\s+(.+?)(?:\s+of\s+the\b.*)?$", re.IGNORECASE)
_MEETING = re.compile(r"[0-9]+(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting", re.IGNORECASE)


def iso_date(text: str | None) -> datetime.date | None:
    """Read an ISO date ("2018-10-29", or a dateTime), or None."""
    try:
        return datetime.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _own(element: Element, names: tuple[str, ...]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name in names:
        text = element.get(name)
        if text is not None:
            values[name] = iso_date(text) if name in DATE_FIELDS else text
    return values


def _first(scope: Element | None, name: str) -> Element | None:
    return next(scope.iter(f"{{*}}{name}"), None) if scope is not None else None


def _text(element: Element | None) -> str | None:
    if element is None:
        return None
    return " ".join("".join(element.itertext()).split()) or None


def header_values(lines: list[HeaderLine], preface: Element | None, own: Element | None) -> Header:
    """Return the header: exact values from our metadata, else worked out from the lines."""
    lines = [HeaderLine(FOREIGN_FIELDS.get(line.field, line.field), line.text) for line in lines]
    if own is not None:
        return Header(**_own(own, HEADER_FIELDS), lines=tuple(lines))
    values: dict[str, Any] = {}
    for line in lines:
        value = _line_value(line.field, line.text)
        if value is not None:
            values.setdefault(line.field, value)
    date = _first(preface, "docDate")
    hints = {
        "symbol": _text(_first(preface, "docNumber")),
        "organ": _text(_first(preface, "docProponent")),
        "session": _text(_first(preface, "session")),
        "place": _text(_first(preface, "location")),
        "date": iso_date(date.get("date")) if date is not None else None,
    }
    for name, value in hints.items():
        if value is not None:
            values.setdefault(name, value)
    return Header(**{k: v for k, v in values.items() if k in HEADER_FIELDS}, lines=tuple(lines))


def _line_value(field: str, text: str) -> object:
    if field in ("organ", "body", "session", "symbol"):
        return text
    if field in ("distribution", "original_language"):
        return text.rpartition(":")[2].strip() or None
    if field in DATE_FIELDS:
        return parse_date(text)
    if field == "place":
        read = dateline(text)
        return read[0] if read else text.split(",")[0].strip() or None
    if field == "agenda_item":
        match = _AGENDA.search(text)
        return match.group(1).strip() if match else text
    return None


def closing_values(lines: list[str], conclusions: Element, own: Element | None) -> Closing:
    """Return the closing: exact values from our metadata, else worked out from the lines."""
    if own is not None:
        return Closing(lines=tuple(lines), **_own(own, CLOSING_FIELDS))
    meeting = next((e for e in conclusions.iter("{*}inline") if e.get("name") == "meeting"), None)
    date = _first(conclusions, "date")
    place = _first(conclusions, "location")
    found = next((m.group() for m in map(_MEETING.search, lines) if m), None)
    when = iso_date(date.get("date")) if date is not None else None
    where = _text(place)
    if where is None:
        where = next((read[0] for read in map(dateline, lines) if read), None)
    return Closing(
        lines=tuple(lines),
        meeting=_text(meeting) or found,
        date=when or next((d for d in map(parse_date, lines) if d), None),
        place=where,
    )
