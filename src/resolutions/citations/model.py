"""The citation: what a resolution cites, normalised, with the span it was printed in."""

from __future__ import annotations

import datetime
import re
from typing import Literal

from attrs import field, frozen

from resolutions.citations.bodies import CitationKind
from resolutions.nodes import NO_SPAN, Span

RangeEnd = Literal["from", "to"]

#: A citation as the scanner finds it: kind, body, number, symbol, text, start, end (offsets
#: into the text searched), date, range. A tuple, made into a :class:`Citation` once its span
#: in the source is known: most citations are placed, and building each twice cost as much
#: as finding it.
Found = tuple[CitationKind, str | None, str, str | None, str, int, int, datetime.date | None, RangeEnd | None]


@frozen
class Citation:
    """A reference to another resolution, decision, document or article.

    Attributes:
        kind: "resolution", "decision", "document" or "article".
        body: Who issued what is cited, by short name ("GA", "SC", "ECOSOC", "WHA", "CND",
            "COP" ...; see :data:`resolutions.citations.BODIES`); for an article, the
            instrument as named ("Charter", "Rome Statute"); None for a document symbol, and
            where a careful reader could not tell.
        number: The number, normalised: "68/262", "2625(XXV)", "242(1967)", "ES-11/1",
            "58.23" (WHA58.23), "132.R6" (EB132.R6), "1/CP.21"; a document's symbol
            ("A/73/L.5"); an article's number ("2", "VI").
        symbol: The official symbol of what is cited where a rule gives one ("A/RES/68/262",
            "S/RES/242(1967)", "WHA58.23", a document's own symbol), else None.
        text: The citation as printed, spaces made single (the body's words and "its" included).
        span: Where it is printed: offsets into the text searched, or into a document's source
            (not part of equality, like every span).
        date: The date printed with it ("of 27 March 2014"), if any.
        range: "from" or "to" for the two ends of a range ("resolutions 63/1 to 63/5"), else None.
    """

    kind: CitationKind
    body: str | None
    number: str
    symbol: str | None = None
    text: str = ""
    span: Span = field(default=NO_SPAN, eq=False, repr=False)
    date: datetime.date | None = None
    range: RangeEnd | None = None

    @property
    def key(self) -> str:
        """What names the cited text in a table or a graph: its symbol, else its number.

        Bodies without a symbol rule share numbers ("56/12" of the CND and of the HRC), so
        the number is prefixed with the body there: "CND 56/12"; an article is "Charter art. 2".
        """
        if self.symbol is not None:
            return self.symbol
        if self.kind == "article":
            return f"{self.body or '?'} art. {self.number}"
        return f"{self.body} {self.number}" if self.body else self.number


def made(found: Found, span: Span) -> Citation:
    """The citation the scanner found, with its span (in the text searched, or in the source)."""
    return Citation(found[0], found[1], found[2], found[3], found[4], span, found[7], found[8])


_SPACES = re.compile(r"\s+")


def spaced(text: str) -> str:
    """Return ``re.sub(r"\\s+", " ", text)``: each run of whitespace one space, as a citation's text is.

    ``str.split`` splits at exactly the characters ``\\s`` matches, so where no whitespace opens
    or closes the text (a citation's never does), joining its words is the same, in a third of
    the time.
    """
    if text[:1].isspace() or text[-1:].isspace():
        return _SPACES.sub(" ", text)
    return " ".join(text.split())
