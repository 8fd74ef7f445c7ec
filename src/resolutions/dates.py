"""Dates as UN documents write them: "31 October 2018", and place-and-date lines."""

from __future__ import annotations

import datetime
import re

_MONTH_NAMES = "january february march april may june july august september october november december"
_MONTHS = {name: number for number, name in enumerate(_MONTH_NAMES.split(), 1)}
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
DATE = re.compile(rf"([0-9]{{1,2}})\s+({MONTH})\s+([0-9]{{4}})", re.IGNORECASE)
#: The American order, as the OAS and some web pages write dates: "October 7, 2022".
DATE_US = re.compile(rf"\b({MONTH})\s+([0-9]{{1,2}}),\s*([0-9]{{4}})\b", re.IGNORECASE)
#: "Vienna, 11-20 March 2009", "(Tehran, 27 February 2017)", "New York, 3 and 4 June 2019",
#: "Nairobi (hybrid), 22 and 23 February 2021 and 28 February-2 March 2022"
DATELINE = re.compile(
    rf"^\(?\s*(?P<place>[A-Z][\w.\u2019'()-]*(?:[ \u00a0][A-Z][\w.\u2019'()-]*){{0,4}}"
    rf"(?:[ \u00a0]\([a-z][a-z ]{{1,20}}\))?)\s*,\s*"
    rf"(?P<when>(?:[0-9]{{1,2}}(?:\s*(?:[-\u2013]|and|to)\s*[0-9]{{1,2}})?\s+)?{MONTH}"
    rf"(?:\s*[-\u2013]\s*[0-9]{{1,2}}\s+{MONTH})?\s+[0-9]{{4}}"
    rf"(?:\s*(?:,|and|to|[-\u2013])\s*(?:[0-9]{{1,2}}\s*(?:(?:[-\u2013]|and|to)\s*[0-9]{{1,2}}\s+)?)?{MONTH}"
    rf"(?:\s*[-\u2013]\s*[0-9]{{1,2}}\s+{MONTH})?\s+[0-9]{{4}})*)\s*\)?\.?$"
)

#: The dates of a session, alone on a line: "27 February-4 April 2023" (any dash), "10-12 May 2023".
DATE_RANGE = re.compile(
    rf"^[0-9]{{1,2}}(?:\s+{MONTH}(?:\s+[0-9]{{4}})?)?\s*(?:[-\u2013\u2014]|to)\s*[0-9]{{1,2}}\s+{MONTH}\s+[0-9]{{4}}$",
    re.IGNORECASE,
)


def parse_date(text: str) -> datetime.date | None:
    """Return the first date written as "31 October 2018" (or "October 31, 2018") in text, or None."""
    match = DATE.search(text)
    american = DATE_US.search(text)
    if american and (not match or american.start() < match.start()):
        return date_of(american.group(2), american.group(1), american.group(3))
    if match:
        return date_of(match.group(1), match.group(2), match.group(3))
    return None


def date_of(day: str, month: str, year: str) -> datetime.date | None:
    """Return the date of a day, a month's name (any case) and a year as printed, or None if there is none."""
    try:
        return datetime.date(int(year), _MONTHS[month.lower()], int(day))
    except ValueError:
        return None


#: What a dateline's last character can be: its year's last digit, a bracket, a stop, emphasis.
_DATELINE_ENDS = frozenset("0123456789).*_")


def dateline(text: str) -> tuple[str, datetime.date | None] | None:
    """Read a place-and-date line: "(Tehran, 27 February 2017)" -> ("Tehran", 2017-02-27)."""
    if not text or not (text[-1] in _DATELINE_ENDS or text[-1].isspace()):
        return None  # it ends with its year, then brackets, stops or emphasis: most lines do not
    text = text.strip().strip("*_ ")
    if not text.rstrip(").")[-4:].isdigit():  # a dateline ends with its year: most lines do not
        return None
    match = DATELINE.match(text)
    if not match:
        return None
    when = match.group("when")
    single = re.fullmatch(rf"[0-9]{{1,2}}\s+{MONTH}\s+[0-9]{{4}}", when, re.IGNORECASE)
    return match.group("place"), parse_date(when) if single else None
