"""The bodies whose resolutions and decisions are cited, and how each writes its numbers.

One row per body: its short name (what :attr:`Citation.body` holds), the words that name it in
running text, the number forms it uses, and the rule that makes the official symbol of one of
its resolutions or decisions from the number. Adding a body is adding a row.

Number forms (``Form``), as the scanner tells them apart:

- ``session``: "68/262" (session/number), the General Assembly's and the councils' form;
- ``special``: "ES-11/1", "S-26/2" (an emergency or a special session);
- ``roman``: "2625 (XXV)", "217 A (III)": a General Assembly session in Roman numerals
  (1946-1975), also the Economic and Social Council's until 1977;
- ``year``: "242 (1967)": the Security Council's number and year;
- ``year_slash``: "2014/26": the year and number of ECOSOC and its commissions;
- ``who``: "WHA58.23", "EB132.R6", "WHA65(8)": the World Health Organization's own;
- ``cop``: "1/CP.21", "3/CMA.1": the number, the body and the session of a conference of parties;
- ``imo``: "A.1006(25)", "MSC.1(45)": the IMO Assembly's and committees';
- ``dotted``: "69.2", "1.9": a session and number joined by a dot (WHA without its prefix, AEWA);
- ``roman_slash``: "XIV/5": a meeting in Roman numerals and a number (the conferences of the
  parties to the biodiversity convention and the ozone protocol).
"""

from __future__ import annotations

import functools
import re
from typing import Literal

from attrs import frozen

Form = Literal["session", "special", "roman", "year", "year_slash", "who", "cop", "imo", "dotted", "roman_slash"]
CitationKind = Literal["resolution", "decision", "document", "article"]


@frozen
class Body:
    """A body that issues resolutions or decisions.

    Attributes:
        short: Its short name: "GA", "SC", "WHA".
        names: The words that name it in running text, longest first where they overlap
            ("World Health Assembly", "Health Assembly").
        forms: The number forms its resolutions and decisions use.
        resolution: The symbol of one of its resolutions, "{}" standing for the number, or None
            where no rule gives one.
        decision: The same for its decisions.
    """

    short: str
    names: tuple[str, ...]
    forms: tuple[Form, ...] = ()
    resolution: str | None = None
    decision: str | None = None

    def symbol(self, kind: CitationKind, number: str) -> str | None:
        """Return the official symbol of its resolution or decision ``number``, or None."""
        template = self.resolution if kind == "resolution" else self.decision if kind == "decision" else None
        return template.format(number) if template else None


#: The bodies, by short name. The words of a longer name come before a shorter one it holds
#: ("World Health Assembly" before "General Assembly" cannot clash; "Assembly" alone is
#: handled apart: it means the citing document's own assembly).
BODIES: dict[str, Body] = {
    body.short: body
    for body in (
        Body(
            "GA",
            ("United Nations General Assembly", "UN General Assembly", "General Assembly"),
            ("session", "special", "roman"),
            resolution="A/RES/{}",
            decision="A/DEC/{}",
        ),
        Body(
            "SC", ("United Nations Security Council", "UN Security Council", "Security Council"), ("year",), "S/RES/{}"
        ),
        Body("ECOSOC", ("Economic and Social Council", "ECOSOC"), ("year_slash", "roman"), "E/RES/{}", "E/DEC/{}"),
        Body("HRC", ("Human Rights Council",), ("session", "special"), "A/HRC/RES/{}", "A/HRC/DEC/{}"),
        Body("CHR", ("Commission on Human Rights",), ("year_slash", "roman"), "E/CN.4/RES/{}"),
        Body("WHA", ("World Health Assembly", "Health Assembly", "WHA"), ("who", "dotted"), "WHA{}", "WHA{}"),
        Body("EB", ("Executive Board of the World Health Organization", "Executive Board"), ("who",), "EB{}", "EB{}"),
        Body("CND", ("Commission on Narcotic Drugs", "CND"), ("session", "year_slash", "roman")),
        Body("CCPCJ", ("Commission on Crime Prevention and Criminal Justice", "CCPCJ"), ("session", "year_slash")),
        Body("CSW", ("Commission on the Status of Women", "CSW"), ("session", "year_slash")),
        Body("CSocD", ("Commission for Social Development",), ("session", "year_slash")),
        Body("UNEA", ("United Nations Environment Assembly", "Environment Assembly", "UNEA"), ("session",)),
        Body(
            "CMP",
            ("Conference of the Parties serving as the meeting of the Parties to the Kyoto Protocol", "CMP"),
            ("cop",),
        ),
        Body(
            "CMA",
            ("Conference of the Parties serving as the meeting of the Parties to the Paris Agreement", "CMA"),
            ("cop",),
        ),
        Body("COP", ("Conference of the Parties", "COP"), ("cop", "session", "roman_slash")),
        Body("MOP", ("Meeting of the Parties", "MOP"), ("cop", "dotted", "session", "roman_slash")),
        Body("IMO", ("International Maritime Organization", "IMO"), ("imo",)),
        Body("TC", ("Trusteeship Council",), ("roman", "session")),
    )
}

#: The body part of a conference-of-parties number ("1/CP.21") and who it is.
COP_ORGANS = {"CP": "COP", "COP": "COP", "CMP": "CMP", "CMA": "CMA", "MOP": "MOP", "MP": "MOP"}
#: The series of a resolution or decision symbol ("A/RES/68/262") and what it says.
SYMBOL_SERIES: dict[str, tuple[str, CitationKind]] = {
    "A/RES": ("GA", "resolution"),
    "A/DEC": ("GA", "decision"),
    "S/RES": ("SC", "resolution"),
    "E/RES": ("ECOSOC", "resolution"),
    "E/DEC": ("ECOSOC", "decision"),
    "A/HRC/RES": ("HRC", "resolution"),
    "A/HRC/DEC": ("HRC", "decision"),
}
#: Words that name a body by its kind alone: the citing document's own body when it is one.
GENERIC = {
    "assembly": ("GA", "WHA", "UNEA", "IMO"),
    "council": ("SC", "ECOSOC", "HRC", "TC"),
    "commission": ("CND", "CCPCJ", "CSW", "CSocD", "CHR"),
    "board": ("EB",),
    "conference": ("COP", "CMP", "CMA"),
}
#: What a generic word means when the citing document is none of its kind.
GENERIC_DEFAULT = {"assembly": "GA", "council": "SC"}

_NAMES = sorted(((name, body.short) for body in BODIES.values() for name in body.names), key=lambda p: -len(p[0]))
_BY_NAME = {" ".join(name.lower().split()): short for name, short in _NAMES}
#: Every name, longest first, as one alternation (words separated by any space).
NAMES_PATTERN = "|".join(r"\s+".join(map(re.escape, name.split())) for name, _ in _NAMES)
#: The letters a name opens with, for a pattern's quick first look.
NAME_INITIALS = "".join(sorted({name[0] for name, _ in _NAMES}))


def body_of_name(name: str) -> str | None:
    """Return the short name of a body named in full: "Security Council" -> "SC"; else None."""
    return _BY_NAME.get(" ".join(name.lower().split()))


@functools.lru_cache(maxsize=1024)  # a collection names the same few organs again and again
def body_of_organ(organ: str | None) -> str | None:
    """Return the short name of a citing document's organ, as the header or formula gives it.

    The organ may carry an ordinal ("Sixty-sixth World Health Assembly") or an article ("the
    Conference of the Parties"): the longest known name inside it wins.
    """
    if not organ:
        return None
    folded = " ".join(organ.lower().split())
    for name, short in _NAMES:
        if len(name) > 3 and re.search(rf"\b{re.escape(name.lower())}\b", folded):
            return short
    return None
