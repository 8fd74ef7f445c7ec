"""The Akoma Ntoso vocabulary the writer and the reader share: names, escaping and eIds.

It imports no XML library: the writer builds text (see :mod:`resolutions.serialise.akn.writer`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from resolutions.nodes import Kind

#: The Akoma Ntoso 3.0 namespace.
AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
#: Our namespace, for the exact field values kept in ``meta/proprietary``.
OWN_NS = "urn:resolutions:akn:1"
#: The eId of the TLCOrganization that stands for this library (``source="#resolutions"``).
SOURCE = "resolutions"
#: ``inline/@name`` of a verb phrase, by paragraph kind (bluebell's file of seed 002 uses these too).
VERB_NAMES: dict[Kind, str] = {
    "preambular": "preambularVerb",
    "operative": "operativeVerb",
    "paragraph": "operativeVerb",
}
#: The closing fields kept exactly in ``proprietary``.
CLOSING_FIELDS = ("meeting", "date", "place")
#: The fields that hold dates (ISO in the XML).
DATE_FIELDS = frozenset({"date", "adopted"})
#: A date that stands in for an unknown one: FRBR needs a date and the strict schema a full one.
UNKNOWN_DATE = "0001-01-01"

# ---------------------------------------------------------------------------------- text


def esc(text: str) -> str:
    """Escape text for element content."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def attr(text: str) -> str:
    """Escape text for a double-quoted attribute (parsers normalise raw tabs and line breaks)."""
    text = esc(text)
    if '"' in text:
        text = text.replace('"', "&quot;")
    if "\n" in text or "\t" in text or "\r" in text:
        text = text.replace("\n", "&#10;").replace("\t", "&#9;").replace("\r", "&#13;")
    return text


#: Characters XML 1.0 cannot carry at all, even escaped.
INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def slug(text: str, limit: int = 60) -> str:
    """Return lower-case letters and digits joined by hyphens: "A/RES/73/7" -> "a-res-73-7"."""
    return re.sub(r"[^0-9a-z]+", "-", text.lower()).strip("-")[:limit].strip("-")


# ---------------------------------------------------------------------------------- eIds


class EIds:
    """Makes eIds after the Akoma Ntoso naming convention, each unique in the document.

    An eId is the parent's eId, ``__``, the element's abbreviation and its number as printed
    without punctuation ("para_12", "sec_A__subsec_nn_1__para_3"). An element without a number
    gets ``nn_`` and its rank among its unnumbered siblings; containers that are never numbered
    (lists, recitals, notes) get their rank alone. When a document repeats a number (two
    paragraphs "11."), the second gets ``_2``: numbers never hold ``_``, so this cannot clash.
    """

    __slots__ = ("used",)

    def __init__(self) -> None:
        self.used: set[str] = set()

    def make(
        self, parent: str, abbr: str, number: str | None, counters: dict[str, int], *, ordinal: bool = False
    ) -> str:
        """Return a new eId for an element under ``parent`` (counters: one dict per parent)."""
        part = _id_part(number) if number else None
        if part is None:
            counters[abbr] = rank = counters.get(abbr, 0) + 1
            part = str(rank) if ordinal else f"nn_{rank}"
        base = f"{parent}__{abbr}_{part}" if parent else f"{abbr}_{part}"
        return self.reserve(base)

    def reserve(self, base: str) -> str:
        """Return ``base``, or ``base_2``, ``base_3`` ... if it is taken; mark it taken."""
        eid = base
        extra = 1
        while eid in self.used:
            extra += 1
            eid = f"{base}_{extra}"
        self.used.add(eid)
        return eid


_ID_CHARS = re.compile(r"[^0-9A-Za-z]+")


def _id_part(number: str) -> str | None:
    """Return a number as an eId part: "12." -> "12", "(iv)" -> "iv", "1.2" -> "1-2", "-" -> None."""
    part = _ID_CHARS.sub("-", number).strip("-")
    return part or None


# ---------------------------------------------------------------------------------- identity
