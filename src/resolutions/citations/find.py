"""Finding citations in text: :func:`find_citations`.

The scanner walks the places :data:`~resolutions.citations.patterns.TRIGGER` points at and
reads what stands there: a keyword and the list of numbers after it ("its resolutions 425
(1978) and 426 (1978)"), a self-naming number ("WHA58.23"), a document symbol, or articles
of a named instrument. Each number of a list is a citation of its own, with its own span;
the first one's span takes in the words that name the body.
"""

from __future__ import annotations

import datetime
import re
from typing import TYPE_CHECKING

from attrs import frozen

from resolutions.citations.articles import read_articles
from resolutions.citations.bodies import (
    BODIES,
    COP_ORGANS,
    GENERIC,
    GENERIC_DEFAULT,
    SYMBOL_SERIES,
    CitationKind,
    Form,
    body_of_name,
)
from resolutions.citations.model import Citation, Found, RangeEnd, made, spaced
from resolutions.citations.patterns import (
    AFTER,
    BEFORE,
    DASH,
    DATE_TAIL,
    ELLIPSIS,
    NUMBER,
    SEPARATOR,
    SYMBOL,
    TRIGGER,
)
from resolutions.dates import date_of
from resolutions.nodes import Span

if TYPE_CHECKING:
    pass


def _may_cite(text: str) -> bool:
    """Tell, cheaply, text that may cite: a digit and a keyword, a slash or a WHO prefix in it.

    Substring tests run at C speed where a regular expression with alternatives does not. A
    one-character test is quicker still (a ``memchr``), and most texts have no capital O, L, W
    or B: so a word that holds one is looked for only where that letter is, and a digit is ten
    one-character tests (``re.search("[0-9]")`` tests each character in turn, four times
    slower). More than half the texts have no digit, so that is asked before the words.
    """
    if "rticle" in text or ("L" in text and "RTICLE" in text):
        return True  # an article's number may be Roman: "Article VI of the Constitution"
    if not (
        "0" in text
        or "1" in text
        or "2" in text
        or "3" in text
        or "4" in text
        or "5" in text
        or "6" in text
        or "7" in text
        or "8" in text
        or "9" in text
    ):
        return False
    return (
        "/" in text
        or "esolution" in text
        or "ecision" in text
        or ("O" in text and ("ESOLUTION" in text or "ECISION" in text))
        or ("W" in text and "WHA" in text)
        or ("B" in text and "EB" in text)
    )


#: Who a number belongs to when nothing else tells, by its form.
_DEFAULT_BODY: dict[Form, str | None] = {
    "session": "GA",
    "special": "GA",
    "roman": "GA",
    "year": "SC",
    "year_slash": "ECOSOC",
    "dotted": None,
    "who": None,
    "cop": None,
    "imo": "IMO",
    "roman_slash": None,
}
#: The General Assembly's first session numbered in Arabic figures (1976, resolution 31/1):
#: "resolution 16/21" is not the Assembly's.
_FIRST_NUMBERED_SESSION = 31
#: Any dash, compiled once: ``re.sub(DASH, ...)`` looks the pattern up in re's cache at each call.
_DASH = re.compile(DASH)


@frozen
class Context:
    """What a citation's body may depend on: the citing document.

    Attributes:
        body: The citing body's short name ("GA" in a General Assembly resolution): "its
            resolution" is its resolution, and a bare number of a form it uses is its own.
        own: The (kind, body, number) of the citing document itself, which it does not cite.
    """

    body: str | None = None
    own: frozenset[tuple[str, str | None, str]] = frozenset()


NO_CONTEXT = Context()


def find_citations(text: str, context: Context = NO_CONTEXT) -> list[Citation]:
    """Return the citations in ``text``, in order, their spans offsets into ``text``.

    Args:
        text: Plain text: a paragraph, a footnote, a title.
        context: The citing document (see :class:`Context`), for "its resolution" and bare
            numbers.

    Returns:
        The citations, in the order they are printed; their spans never overlap.

    Example:
        >>> from resolutions.citations import find_citations
        >>> [c.symbol for c in find_citations("Recalling resolutions 1267 (1999) and 1333 (2000),")]
        ['S/RES/1267(1999)', 'S/RES/1333(2000)']
    """
    return [made(found, Span(found[5], found[6])) for found in scan(text, context)]


def scan(text: str, context: Context = NO_CONTEXT) -> list[Found]:
    """Return what :func:`find_citations` returns, as tuples (see :data:`~resolutions.citations.model.Found`).

    Citations in a document are made once, with their spans in the source, from these.
    """
    if not _may_cite(text):
        return []
    out: list[Found] = []
    position = 0
    for start in _starts(text):
        if start < position:
            continue
        trigger = TRIGGER.match(text, start)
        if trigger is None:
            continue
        kind = trigger.lastgroup
        before = text[start - 1] if start else " "  # the trigger opens at start
        if before.isalnum() or before == "_" or (kind != "keyword" and kind != "article" and before in "/."):
            continue  # inside a longer token: "A/" of "UNA/", "decision" of "indecision"
        if kind == "keyword":
            found, end = _keyword(text, trigger, context)
        elif kind == "article":
            found, end = read_articles(text, trigger)
        elif kind == "symbol":
            found, end = _symbols(text, start)
        else:  # a number that names its body: WHA58.23, 1/CP.21
            found, end = _numbers(text, start, start, None, context)
        own = context.own
        for citation in found:  # a loop, not a generator: most lists hold one citation or none
            if not own or (citation[0], citation[1], citation[2]) not in own:
                out.append(citation)
        position = max(end, trigger.end())
    return out


#: The words a keyword or an article trigger is found by, after its first letter.
_WORD_TAILS = ("esolution", "ecision", "rticle")
#: The capitalised tails and the prefixes of self-naming numbers, each with a capital it holds
#: (where the text has none, the word is not looked for: see :func:`_may_cite`) and how far
#: before the word its trigger opens.
_CAPITALISED = (("O", "ESOLUTION", 1), ("O", "ECISION", 1), ("L", "RTICLE", 1), ("W", "WHA", 0), ("B", "EB", 0))
_SYMBOL_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.")


def _starts(text: str) -> list[int]:
    """Return, in order, every place where :data:`TRIGGER` may match.

    Every trigger holds a keyword's tail, "WHA" or "EB", or a slash; finding those with
    substring searches and matching the pattern there only is several times faster than
    letting the pattern search the text (it has no literal to skip ahead to).
    """
    starts = []
    find = text.find
    for tail in _WORD_TAILS:
        found = find(tail, 1)
        while found != -1:
            starts.append(found - 1)
            found = find(tail, found + 1)
    for capital, word, back in _CAPITALISED:
        if capital in text:
            found = find(word, back)
            while found != -1:
                starts.append(found - back)
                found = find(word, found + 1)
    found = find("/")
    while found != -1:
        start = found
        while start and text[start - 1] in _SYMBOL_CHARS:
            start -= 1
        starts.append(start)
        found = find("/", found + 1)
    return sorted(set(starts)) if len(starts) > 1 else starts  # most texts have one place


# ---------------------------------------------------------------------------------- numbers


@frozen
class _Naming:
    """What the words around a list say of its body."""

    kind: CitationKind | None = None  # from the keyword; None: from each number's form
    name: str | None = None  # a body named: "SC"
    generic: str | None = None  # "assembly", "council" ...
    its: bool = False


#: The namings a keyword gives alone and with "its", made once (they are frozen): making one
#: per keyword cost as much as reading its number.
_PLAIN: dict[CitationKind, _Naming] = {"resolution": _Naming("resolution"), "decision": _Naming("decision")}
_ITS: dict[CitationKind, _Naming] = {kind: _Naming(kind, its=True) for kind in _PLAIN}


def _keyword(text: str, trigger: re.Match[str], context: Context) -> tuple[list[Found], int]:
    kind: CitationKind = "resolution" if text[trigger.start()] in "Rr" else "decision"  # RESOLUTION, Decision
    after = trigger.end()
    if after >= len(text) or not text[after].isspace():
        return [], after
    first = NUMBER.match(text, after + 1)
    if first is None:  # "the present resolution", "draft decision": no list
        return [], after + 1
    start = trigger.start()
    naming = _PLAIN[kind]
    # What names the body ends in a space (every alternative of BEFORE does): most often it is
    # "its " or nothing, and a keyword after "(" or at the start is passed without a search.
    before = BEFORE.search(text, max(0, start - 120), start) if start and text[start - 1].isspace() else None
    if before is not None:
        start = before.start()
        if before.group("name"):
            naming = _Naming(kind, name=body_of_name(before.group("name")))
        elif before.group("generic"):
            naming = _Naming(kind, generic=before.group("generic").lower())
        else:
            naming = _ITS[kind]
    return _numbers(text, after + 1, start, naming, context, first)


def _numbers(
    text: str,
    position: int,
    start: int,
    naming: _Naming | None,
    context: Context,
    number: re.Match[str] | None = None,
) -> tuple[list[Found], int]:
    """Read a list of numbers from ``position``; the first citation's text opens at ``start``.

    ``number``: the first number's match, when the caller has already made it (each number is
    matched once: the test that a separator is followed by a number keeps its match).
    """
    items: list[tuple[re.Match[str], int, int, datetime.date | None, RangeEnd | None]] = []
    bound: RangeEnd | None = None
    if number is None:
        number = NUMBER.match(text, position)
    while number is not None:
        end = number.end()
        date = None
        tail = DATE_TAIL.match(text, end)
        if tail is not None:
            # what parse_date(tail.group("date")) gives: the date is one of its two forms, whole
            if tail.group("day"):
                date = date_of(tail.group("day"), tail.group("month"), tail.group("year"))
            else:
                date = date_of(tail.group("us_day"), tail.group("us_month"), tail.group("us_year"))
            end = tail.end()
        items.append((number, start if not items else number.start(), end, date, bound))
        separator = SEPARATOR.match(text, end)
        if separator is None:
            break
        position = separator.end()
        number = NUMBER.match(text, position)
        if number is None:
            break
        bound = "to" if separator.group("range") else None
        if bound:
            items[-1] = (*items[-1][:4], "from")
    if not items:
        return [], position
    after = AFTER.match(text, items[-1][2])
    if after is not None and naming is not None and naming.name is None:
        naming = _Naming(naming.kind, name=body_of_name(after.group("name")))
    out: list[Found] = []
    for number, begin, end, date, range_end in items:
        citation = _citation(number, naming, context)
        if citation is not None:
            kind, body, cited, symbol = citation
            out.append((kind, body, cited, symbol, spaced(text[begin:end]), begin, end, date, range_end))
    return out, items[-1][2]


def _citation(
    match: re.Match[str], naming: _Naming | None, context: Context
) -> tuple[CitationKind, str | None, str, str | None] | None:
    """Return kind, body, number and symbol of one number, or None when it is none."""
    group = match.group
    kind: CitationKind = naming.kind if naming is not None and naming.kind else "resolution"
    body: str | None
    # The form's group closes last (the series' before it, and none follows): one look instead
    # of asking each form's group in turn.
    form_group = match.lastgroup
    if form_group == "who":
        body = group("who_organ")
        session = group("who_session")
        if group("who_d"):
            number, kind = f"{session}({group('who_d')})", "decision"
        else:
            number = f"{session}.{'R' if group('who_r') else ''}{group('who_n')}"
        return kind, body, number, BODIES[body].symbol(kind, number)
    if form_group == "cop":
        number = f"{group('cop_n')}/{group('cop_organ')}.{group('cop_session')}"
        return "decision" if naming is None else kind, COP_ORGANS[group("cop_organ")], number, None
    if form_group == "imo":
        return kind, "IMO", f"{group('imo_organ')}.{group('imo_n')}({group('imo_session')})", None
    if naming is None:  # only self-naming numbers stand without a keyword
        return None
    form, number = _form(match, form_group)
    series = group("series")
    if series:
        body, kind = SYMBOL_SERIES[series]
    else:
        body = _body(form, number, naming, context)
    symbol = BODIES[body].symbol(kind, number) if body in BODIES else None
    return kind, body, number, symbol


def _form(match: re.Match[str], form_group: str | None) -> tuple[Form, str]:
    """The form and the normalised number of a match of :data:`NUMBER` whose form's group is ``form_group``."""
    group = match.group
    if form_group == "paren":  # the commonest: 242 (1967)
        year = group("pa_year")
        if year:  # digits: no dash to make one
            return "year", f"{group('pa_n')}{group('pa_part') or ''}({year})"
        return "roman", f"{group('pa_n')}{group('pa_part') or ''}({_DASH.sub('-', group('pa_roman'))})"
    if form_group == "slash":
        first = int(group("sl_a"))
        form: Form = "year_slash" if 1946 <= first <= 2099 else "session"
        return form, f"{group('sl_a')}/{group('sl_b')}{group('sl_part') or ''}"
    if form_group == "special":
        return "special", f"{group('sp_prefix')}-{group('sp_session')}/{group('sp_n')}{group('sp_part') or ''}"
    if form_group == "roman_slash":
        return "roman_slash", f"{group('rs_session')}/{group('rs_n')}"
    return "dotted", f"{group('dt_a')}.{group('dt_b')}"


def _body(form: Form, number: str, naming: _Naming, context: Context) -> str | None:
    """Who issued a number: the words that name it, the citing body, or the number's form."""
    if naming.name is not None:
        return naming.name
    own = context.body
    if naming.generic is not None:
        if own in GENERIC[naming.generic]:
            return own
        # "Assembly" and "Council" alone are the principal organs; "the Commission" of another
        # body's text is a commission a careful reader cannot name.
        return GENERIC_DEFAULT.get(naming.generic)
    if naming.its and own is not None:
        return own
    if own is not None and own in BODIES and form in BODIES[own].forms:
        return own
    if form == "session" and int(number.partition("/")[0]) < _FIRST_NUMBERED_SESSION:
        return None  # the Assembly numbered its sessions in Roman until its thirty-first
    return _DEFAULT_BODY[form]


# ---------------------------------------------------------------------------------- symbols


#: The series of resolution and decision symbols, as a symbol opens with them, and their naming.
_SERIES = tuple((f"{series}/", _Naming(kind, name=body)) for series, (body, kind) in SYMBOL_SERIES.items())
_SERIES_PREFIXES = tuple(prefix for prefix, _ in _SERIES)


def _symbols(text: str, start: int) -> tuple[list[Found], int]:
    """Read a document symbol at ``start``, and the addenda printed after it ("and Add.1")."""
    match = SYMBOL.match(text, start)
    if match is None:
        return [], start + 1
    printed = match.group("symbol")
    # a PDF's non-breaking hyphen in "A/ES\u201111/L.7" (ASCII text has no dash but "-")
    symbol = printed if printed.isascii() else _DASH.sub("-", printed)
    for prefix, naming in _SERIES if symbol.startswith(_SERIES_PREFIXES) else ():
        if symbol.startswith(prefix):
            number = NUMBER.match(text, start)
            if number is None or not number.group("series"):
                return [], match.end()
            citation = _citation(number, naming, NO_CONTEXT)
            if citation is None:  # pragma: no cover - a series always comes with a naming
                return [], match.end()
            end = number.end()
            return [(*citation, spaced(text[start:end]), start, end, None, None)], end
    if not _is_symbol(symbol):
        return [], match.end()
    out: list[Found] = [("document", None, symbol, symbol, spaced(printed), start, match.end(), None, None)]
    end = match.end()
    while (more := ELLIPSIS.match(text, end)) is not None:
        full = f"{symbol}/{more.group('suffix')}"
        begin = more.start("suffix")
        out.append(("document", None, full, full, more.group("suffix"), begin, more.end(), None, None))
        end = more.end()
    return out, end


def _is_symbol(symbol: str) -> bool:
    """Tell a symbol from words with a slash: a part after the first slash holds a digit."""
    return any(character.isdigit() for character in symbol[symbol.index("/") :])
