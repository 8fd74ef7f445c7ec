"""Where the documents of a file start: conference reports, annual volumes, compilations.

A file may hold many documents, each opened by a head line that names it ("Decision 12/CP.24",
"Resolution 242 (1967)", "73/7. Report of the International Criminal Court", "WHA66.1 Twelfth
General Programme of Work", "2023/1" alone above its title) and, a few title lines further down,
by its opening formula, or by a decision's opening sentence ("At its 65th plenary meeting, ...",
"The Executive Board, having considered ..."). A contents table names the same documents, but
no formula and no paragraph follows its entries: that is how a head is told from an entry (a
head that ends with its whole date, "4 (1946). Resolution of 29 April 1946", is no entry). The
header block printed right above a head (a masthead of its own) belongs to the document it heads.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Sequence

import attrs

from resolutions.blocks import CLOSING
from resolutions.conventions import Conventions
from resolutions.dates import DATE, MONTH, parse_date
from resolutions.lexing import shortest_match
from resolutions.lines import FIELDS, VERBS, Line

#: A document's head: its kind and its number, alone on the line ("Decision 12/CP.24",
#: "Resolution 1/CMA.1", "RESOLUTION 242 (1967)", "Resolution A.1006(25)", "Resolution  1.9",
#: "Decision ES-11/1", "Resolution A/RES/77/1"). The number holds a digit (or is a document
#: symbol); a word may follow it only in brackets.
HEAD = re.compile(
    r"^(?P<kind>Decision|Resolution|Recommendation|Declaration|DECISION|RESOLUTION|RECOMMENDATION|DECLARATION)"
    r"[ \u00a0]+(?P<number>(?:[A-Z]{1,5}[.\-/ ]?)?[0-9][\w./\-]*(?:[ \u00a0]*\([\w ./\-]{1,20}\))?(?:[ \u00a0][A-Z])?"
    r"|[A-Z]{1,6}(?:/[A-Z0-9][\w.\-]*)+(?:[ \u00a0]*\([0-9]{4}\))?)"
    # when it was adopted, on the same line: "Resolution 242 (1967) of 22 November 1967",
    # "RESOLUTION MSC.401(95) (Adopted on 8 June 2015)"
    rf"(?:[ \u00a0]*,?[ \u00a0]+(?:of|adopted on|adopted at [^,]{{1,60}},? on)[ \u00a0]+"
    rf"(?P<date>[0-9]{{1,2}}[ \u00a0]+{MONTH}[ \u00a0]+[0-9]{{4}})"
    rf"|[ \u00a0]+\((?:[Aa]dopted|ADOPTED)[ \u00a0]+(?:on|ON)[ \u00a0]+"
    rf"(?P<bracketed>[0-9]{{1,2}}[ \u00a0]+{MONTH}[ \u00a0]+[0-9]{{4}})\))?"
    r"[ \u00a0]*\.?$"
)
#: The numbered title of the annual volumes: "73/7. Report of the ...", "ES-11/1. Aggression
#: against Ukraine". (A body's own, "WHA66.12 Neglected tropical diseases", its layer declares.)
NUMBERED_HEAD = re.compile(
    r"^(?:[A-Z]{1,3}-)?[0-9]{1,4}/[0-9]{1,4}(?:[ \u00a0][A-Z])?(?:\.(?:[ \u00a0\t]+\S.*)?|[ \u00a0\t]+[A-Z].*)$"
)
#: The head of the Security Council's early volumes: "4 (1946). Resolution of 29 April 1946".
DATED_HEAD = re.compile(r"^([0-9]+)\s*\(([0-9]{4})\)\.?\s*Resolutions?\s+of\s+(.+)$")
#: A number alone on its line, the title on the next, as the executive boards of UNDP, UNICEF
#: and UNFPA print their decisions: "2023/1" / "Report on the structured funding dialogue". (A
#: first part of one digit would as well be a page's number, "2/15".)
BARE_NUMBER = re.compile(r"^(?:[A-Z]{1,3}-)?[0-9]{2,4}/[0-9]{1,4}$")
#: Every line is asked whether it is a head: most are too short for any of the patterns.
_SHORTEST_HEAD = shortest_match(HEAD)
_SHORTEST_NUMBERED_HEAD = shortest_match(NUMBERED_HEAD)
_SHORTEST_DATED_HEAD = shortest_match(DATED_HEAD)
_SHORTEST_BARE_NUMBER = shortest_match(BARE_NUMBER)
#: How a decision without a formula opens, in the volumes of the General Assembly and of the
#: Security Council and in conference reports: "At its 65th plenary meeting, on 10 December
#: 2018, the General Assembly, on the recommendation of ..., decided ...".
DECISION_OPENING = re.compile(
    r"^At its[ \u00a0]+(?P<meeting>\S+(?:[ \u00a0]+\S+){0,3}?[ \u00a0]+meeting),?(?:[ \u00a0]+held)?,?[ \u00a0]+"
    rf"on[ \u00a0]+(?P<date>[0-9]{{1,2}}[ \u00a0]+{MONTH}[ \u00a0]+[0-9]{{4}}),?[ \u00a0]+the[ \u00a0]+"
    r"(?P<organ>[A-Z][\w-]*(?:[ \u00a0]+(?:and|of|on|for|the|[A-Z][\w-]*))*)"
)
#: How a decision opens with its organ as the subject, in the World Health Assembly's volumes
#: and others: "The Sixty-sixth World Health Assembly, having considered ..., decided",
#: "The Executive Board elected ...". The organ (one the body's layer names, an ordinal perhaps
#: before it), then a comma and a word in lower case, or a verb in the past ("The General
#: Assembly of ..." is no such opening).
_SUBJECT_OPENING = (
    r"^The[ \u00a0]+(?:[A-Z][a-z]+(?:-[a-z]+)?[ \u00a0]+)?(?P<organ>{organs})"
    r"(?:,[ \u00a0]+[a-z]|[ \u00a0]+(?:[a-z]+ed|took)\b)"
)
#: What a decision's sentence says its organ did, in the past: "decided", "elected", "took note".
_DECIDED = re.compile(
    r"\b(?:decided|elected|re-?elected|appointed|re-?appointed|adopted|approved|agreed|endorsed|noted"
    r"|took[ \u00a0]+note|requested|confirmed|deferred|postponed|authori[sz]ed|designated|nominated|accepted"
    r"|welcomed|resolved)\b"
)
#: A contents table's heading.
_CONTENTS = re.compile(r"^(?:contents|table of contents|sommaire)\s*:?$", re.IGNORECASE)
#: How far below its head a document's formula or first paragraph may be (title lines between).
_REACH = 12
#: Header lines that a document's own masthead is made of.
_MASTHEAD_WORDS = re.compile(
    r"^(?:United Nations|General Assembly|Security Council|Economic and Social Council|"
    r"(?:Resolution|Decision) adopted by\b)",
)


_MASTHEAD_FIELDS = FIELDS - {"DATE"}


@attrs.frozen
class Split:
    """Where the documents of a file start.

    Attributes:
        starts: The index of each document's first line.
        preface: Lines before the first document that belong to none (a cover, a contents
            table): ``starts[0]`` of them, or 0.
    """

    starts: tuple[int, ...]
    preface: int = 0


def split(lines: Sequence[Line], conventions: Conventions | None = None) -> Split:
    """Find where each document starts; a file with one document gives one start at 0.

    Args:
        lines: The file's lines, laid out.
        conventions: The body's conventions: its symbols that stand before a title are heads too.
    """
    conventions = conventions or Conventions()
    heads = [
        index
        for index, line in enumerate(lines)
        if _is_head(line, conventions) and not (index and runs_on(lines[index - 1]))
    ]
    starts = [
        index for position, index in enumerate(heads) if _heads_a_document(lines, index, heads, position, conventions)
    ]
    if not starts:
        return Split((0,))
    starts = [_masthead_start(lines, start, floor) for start, floor in zip(starts, [-1, *starts[:-1]], strict=True)]
    first = starts[0]
    if len(starts) == 1 and not _has_contents(lines[:first]):
        return Split((0,))  # one document: what stands above its head is its own header
    if not any(line.role == "content" for line in lines[:first]):
        return Split(tuple([0, *starts[1:]]))  # nothing above the first document but layout
    return Split(tuple(starts), preface=first)


def head_number(text: str) -> tuple[str, str] | None:
    """Return the kind and number of a head line: ("decision", "12/CP.24"), or None."""
    match = HEAD.match(text)
    if match is None:
        return None
    return match.group("kind").lower(), " ".join(match.group("number").split())


def decision_opening(
    text: str, organs: tuple[str, ...] = (), *, whole: bool = False
) -> tuple[str, datetime.date | None] | None:
    """Return the organ and the date of a decision's opening sentence, or None.

    "At its 65th plenary meeting, on 10 December 2018, the General Assembly ..." gives both;
    "The Executive Board, having considered ..." (the organ one of ``organs``) its organ alone.
    ``whole``: ``text`` is the whole sentence, not its first line, so the subject's verb must be
    in it ("decided", "elected"): "The Committee of Ministers, under the terms of Article 15.b of
    the Statute," is a formula that goes on, not a decision.
    """
    if not text.startswith(("At", "The")):  # most text: both openings start so
        return None
    match = DECISION_OPENING.match(text)
    if match is None:
        subject = _subject_opening(organs)
        found = subject.match(text) if subject is not None else None
        if found is None or (whole and _DECIDED.search(text, found.end("organ")) is None):
            return None
        return found.group("organ"), None
    organ = re.sub(r"(?:[ \u00a0]+(?:and|of|on|for|the))+$", "", match.group("organ"))
    return organ, parse_date(match.group("date"))


@functools.lru_cache(maxsize=32)
def _subject_opening(organs: tuple[str, ...]) -> re.Pattern[str] | None:
    if not organs:
        return None
    names = "|".join(re.escape(organ) for organ in sorted(organs, key=len, reverse=True))
    return re.compile(_SUBJECT_OPENING.format(organs=names))


def head_date(text: str) -> tuple[str, datetime.date] | None:
    """Return the field and date a head line gives, or None.

    ("date", ...) of "Resolution 242 (1967) of 22 November 1967"; ("adopted", ...) of
    "RESOLUTION MSC.401(95) (Adopted on 8 June 2015)".
    """
    match = HEAD.match(text)
    if match is None:
        return None
    field, when = ("date", match.group("date")) if match.group("date") else ("adopted", match.group("bracketed"))
    date = parse_date(when) if when else None
    return (field, date) if date is not None else None


def runs_on(line: Line) -> bool:
    """Tell a line that the next one goes on from: no blank line under it, and it ends mid-clause.

    "Recalling its resolutions ..., 34/77 of 11 December 1979," / "36/87 A and B of 9 December
    1981, ...": the second line is no head, though it opens with a resolution's number.
    """
    if line.role != "content" or line.blanks:
        return False
    text = line.plain().rstrip()
    if CLOSING.match(text):  # "Tenth plenary meeting, 27 May 2013 - Committee A, third report"
        return False
    return bool(text) and (text[-1] in ",;-(" or text[-1].islower())


def _is_head(line: Line, conventions: Conventions) -> bool:
    if line.role != "content" or line.kind not in ("text", "heading") or not line.pieces:
        return False
    text = line.plain()
    if len(text) >= _SHORTEST_HEAD and HEAD.match(text):
        return True
    return _numbered(text, conventions) or bool(len(text) >= _SHORTEST_DATED_HEAD and DATED_HEAD.match(text))


def _numbered(text: str, conventions: Conventions) -> bool:
    """Tell a head that holds the document's number and its title ("73/7. Report ...")."""
    if len(text) >= _SHORTEST_NUMBERED_HEAD and NUMBERED_HEAD.match(text) is not None:
        return True
    if len(text) >= _SHORTEST_BARE_NUMBER and BARE_NUMBER.match(text) is not None:
        return True
    return conventions.titled_symbol(text) is not None


def _heads_a_document(
    lines: Sequence[Line], index: int, heads: list[int], position: int, conventions: Conventions
) -> bool:
    """Tell a head from a contents entry: a formula or a first paragraph follows it, close below.

    A formula may come after a few title lines; without a formula, a numbered or verb-opened
    paragraph must follow at least one title line (the head, its title, then the text).
    """
    dated = DATED_HEAD.match(lines[index].plain())
    if dated is not None and DATE.fullmatch(dated.group(3).strip(" .")):
        return True  # "4 (1946). Resolution of 29 April 1946": no contents entry ends with its date
    following = heads[position + 1] if position + 1 < len(heads) else len(lines)
    titles = 0
    seen = 0
    for line in lines[index + 1 : following]:
        if line.role != "content":
            continue
        seen += 1
        if seen > _REACH:
            return False
        if _opens_with(line, ("FORMULA", "WE")) or decision_opening(line.plain(), conventions.organs):
            return True
        if line.kind == "numbered" or _opens_with(line, VERBS):
            return titles > 0 or _numbered(lines[index].plain(), conventions)
        titles += 1
    return False


def _opens_with(line: Line, kinds: Sequence[str] | frozenset[str]) -> bool:
    for piece in line.pieces:
        if piece.kind in ("STAR", "TAG", "GAP"):
            continue
        return piece.kind in kinds
    return False


def _masthead_start(lines: Sequence[Line], start: int, floor: int) -> int:
    """Move a document's start up over the header block printed right above its head."""
    index = start
    while index - 1 > floor:
        line = lines[index - 1]
        if line.role in ("blank", "furniture", "markup", "rule"):
            index -= 1
            continue
        if line.role not in ("content", "symbol") or not _masthead_line(line):
            break
        if index - 2 > floor and runs_on(lines[index - 2]):
            break  # it ends a sentence of the document above: "... contained in document" / "S/4122."
        index -= 1
    while index < start and lines[index].role != "content" and lines[index].role != "symbol":
        index += 1  # the layout between documents stays with the one before
    return index


def _masthead_line(line: Line) -> bool:
    """Tell a line of a masthead; a date alone is not one (it may close the document above)."""
    if line.role == "symbol" or any(piece.kind in _MASTHEAD_FIELDS for piece in line.pieces):
        return True
    return _MASTHEAD_WORDS.match(line.plain()) is not None


def _has_contents(lines: Sequence[Line]) -> bool:
    return any(line.role == "content" and _CONTENTS.match(line.plain()) for line in lines)
