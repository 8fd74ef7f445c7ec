"""What the writer says about the document as a whole: its FRBR identity and ``meta`` block.

The identity (body, date, number, kind of statement) is worked out from the header, the closing
and the title; ``meta`` holds the identification, the lifecycle, the TLC references the markup
points at and our exact field values in ``proprietary`` (the writer adds the footnotes no text
refers to, in ``notes``).
"""

from __future__ import annotations

import datetime
import re
from typing import TYPE_CHECKING, NamedTuple

from resolutions.nodes import HEADER_FIELDS
from resolutions.serialise.akn.names import (
    CLOSING_FIELDS,
    OWN_NS,
    SOURCE,
    UNKNOWN_DATE,
    EIds,
    attr,
    slug,
)

if TYPE_CHECKING:
    from resolutions.nodes import Closing, Document, Header


_BODIES = {
    "general assembly": "unga",
    "security council": "unsc",
    "economic and social council": "ecosoc",
    "trusteeship council": "untc",
    "human rights council": "hrc",
    "world health assembly": "wha",
    "executive board": "eb",
    "commission on narcotic drugs": "cnd",
    "commission on crime prevention and criminal justice": "ccpcj",
    "commission on the status of women": "csw",
}
_SMALL_WORDS = frozenset("of the on and for in to a an at by".split())


def body_slug(name: str) -> str:
    """Return the short name of a body for URIs and eIds: "General Assembly" -> "unga".

    Known UN bodies have their usual acronym; others the initials of their words
    ("Islamic Republic of Iran" -> "iri").
    """
    known = _BODIES.get(" ".join(name.lower().split()))
    if known:
        return known
    words = [w for w in re.findall(r"[A-Za-z0-9]+", name) if w.lower() not in _SMALL_WORDS]
    initials = "".join(w[0] for w in words).lower()[:12]
    return initials if len(initials) > 1 else slug(name, 24) or "un"


class Identity(NamedTuple):
    """What names the document in FRBR terms, worked out once from the document."""

    name: str
    body: str
    author: str | None
    date: datetime.date | None
    date_name: str
    number: str
    expression_date: datetime.date | None
    title: str

    def work(self) -> str:
        """The work URI: /akn/un/statement/deliberation/unga/2018-10-29/73-7."""
        return f"/akn/un/statement/deliberation/{self.body}/{iso(self.date)}/{self.number}"

    def expression(self) -> str:
        """The English expression URI: ...73-7/eng@2018-10-31."""
        return f"{self.work()}/eng@{iso(self.expression_date)}"


def iso(date: datetime.date | None) -> str:
    """Return a date in ISO form, or the stand-in for an unknown date."""
    return date.isoformat() if date is not None else UNKNOWN_DATE


def identity(document: Document) -> Identity:
    """Work out the document's FRBR identity from its header, closing and title."""
    header = document.header
    closing = document.closing
    author = header.body or header.organ
    date: datetime.date | None
    if header.adopted is not None:
        date, date_name = header.adopted, "adoption"
    elif closing is not None and closing.date is not None:
        date, date_name = closing.date, "adoption"
    else:
        date, date_name = header.date, "issue" if header.date else "unknown"
    return Identity(
        name=_statement_name(document),
        body=body_slug(author) if author else "un",
        author=author,
        date=date,
        date_name=date_name,
        number=_number(document),
        expression_date=header.date or date,
        title=document.title or "",
    )


def _number(document: Document) -> str:
    symbol = document.header.symbol
    if symbol:
        match = re.search(r"/RES/(.+)$", symbol)
        number = slug(match.group(1) if match else symbol)
        if number:
            return number
    for line in document.header.lines:
        if line.field == "number" and slug(line.text):
            return slug(line.text)
    title = document.title
    return slug(" ".join(title.split()[:6])) if title and slug(title) else "nn"


def _statement_name(document: Document) -> str:
    """Return statement/@name: resolution, resolutionDraft, declaration, statement or summary."""
    symbol = document.header.symbol or ""
    if re.search(r"/RES/|^WHA\s*\d|^EB\s*\d", symbol) or any(
        line.field in ("adopted", "number") for line in document.header.lines
    ):
        return "resolution"
    if "/L." in symbol:
        return "resolutionDraft"
    title = (document.title or "").lower()
    found = sorted((title.find(word), word) for word in ("declaration", "statement", "summary") if word in title)
    if found:
        return found[0][1]  # the first word: "Joint Ministerial Statement ... Political Declaration"
    operative = any(p.kind == "operative" for p in document.paragraphs())
    return "resolution" if operative else "statement"


# ---------------------------------------------------------------------------------- references


class References:
    """The TLC references the document's markup points at, made as they are needed."""

    __slots__ = ("entries", "ids")

    def __init__(self, ids: EIds) -> None:
        self.ids = ids
        self.entries: dict[tuple[str, str], tuple[str, str, str]] = {}
        ids.reserve(SOURCE)
        ids.reserve("original")

    def organization(self, name: str) -> str:
        """Return the eId of the TLCOrganization for a body ("unga")."""
        short = body_slug(name)
        return self._add("TLCOrganization", name, short, f"/akn/ontology/organizations/un/{short}")

    def location(self, name: str) -> str:
        """Return the eId of the TLCLocation for a place ("vienna")."""
        short = slug(name, 30) or "place"
        return self._add("TLCLocation", name, short, f"/akn/ontology/locations/{short}")

    def event(self, name: str) -> str:
        """Return the eId of the TLCEvent of a kind of event ("adoption", "issue")."""
        return self._add("TLCEvent", name, name, f"/akn/ontology/events/un/{name}")

    def _add(self, tag: str, name: str, short: str, href: str) -> str:
        found = self.entries.get((tag, name))
        if found is None:
            found = self.entries[(tag, name)] = (self.ids.reserve(short), href, name)
        return found[0]

    def xml(self, ident: Identity, pad: str) -> str:
        original = f'href="{attr(ident.expression())}" showAs="{attr(ident.title or "original")}"'
        lines = [
            f'{pad}<references source="#{SOURCE}">',
            f'{pad}  <original eId="original" {original}/>',
            f'{pad}  <TLCOrganization eId="{SOURCE}" href="/akn/ontology/organizations/{SOURCE}" showAs="{SOURCE}"/>',
        ]
        for (tag, name), (eid, href, show) in self.entries.items():
            lines.append(f'{pad}  <{tag} eId="{eid}" href="{attr(href)}" showAs="{attr(show or name)}"/>')
        lines.append(f"{pad}</references>")
        return "\n".join(lines)


# ---------------------------------------------------------------------------------- meta


def identification(ident: Identity, component: str, pad: str, refs: References) -> str:
    """Return the FRBR identification block for the main document or an annex (``component``)."""
    work, expression = ident.work(), ident.expression()
    author = f"#{refs.organization(ident.author)}" if ident.author else f"#{SOURCE}"
    work_date = f'<FRBRdate date="{iso(ident.date)}" name="{ident.date_name}"/>'
    expression_date = f'<FRBRdate date="{iso(ident.expression_date)}" name="{ident.date_name}"/>'
    alias = f'<FRBRalias value="{attr(ident.title)}" name="title"/>' if ident.title else ""
    inner, leaf = pad + "  ", pad + "    "
    return "\n".join(
        [
            f'{pad}<identification source="#{SOURCE}">',
            f"{inner}<FRBRWork>",
            f'{leaf}<FRBRthis value="{attr(work)}/!{component}"/>',
            f'{leaf}<FRBRuri value="{attr(work)}"/>',
            *([f"{leaf}{alias}"] if alias else []),
            f"{leaf}{work_date}",
            f'{leaf}<FRBRauthor href="{author}"/>',
            f'{leaf}<FRBRcountry value="un"/>',
            f'{leaf}<FRBRsubtype value="deliberation"/>',
            f'{leaf}<FRBRnumber value="{attr(ident.number)}"/>',
            f'{leaf}<FRBRname value="{ident.name}"/>',
            f"{inner}</FRBRWork>",
            f"{inner}<FRBRExpression>",
            f'{leaf}<FRBRthis value="{attr(expression)}/!{component}"/>',
            f'{leaf}<FRBRuri value="{attr(expression)}"/>',
            f"{leaf}{expression_date}",
            f'{leaf}<FRBRauthor href="{author}"/>',
            f'{leaf}<FRBRlanguage language="eng"/>',
            f"{inner}</FRBRExpression>",
            f"{inner}<FRBRManifestation>",
            f'{leaf}<FRBRthis value="{attr(expression)}/!{component}.xml"/>',
            f'{leaf}<FRBRuri value="{attr(expression)}.akn"/>',
            f"{leaf}{expression_date}",
            f'{leaf}<FRBRauthor href="#{SOURCE}"/>',
            f"{inner}</FRBRManifestation>",
            f"{pad}</identification>",
        ]
    )


def lifecycle(document: Document, refs: References, pad: str) -> str:
    """Return the lifecycle block: the dates the document was issued and adopted, if known."""
    events: list[tuple[datetime.date, str]] = []
    header, closing = document.header, document.closing
    if header.date is not None:
        events.append((header.date, "issue"))
    adopted = header.adopted or (closing.date if closing is not None else None)
    if adopted is not None:
        events.append((adopted, "adoption"))
    if not events:
        return ""
    lines = [f'{pad}<lifecycle source="#{SOURCE}">']
    for date, kind in sorted(events):
        lines.append(
            f'{pad}  <eventRef date="{date.isoformat()}" source="#original" type="generation" '
            f'refersTo="#{refs.event(kind)}"/>'
        )
    lines.append(f"{pad}</lifecycle>")
    return "\n".join(lines)


def proprietary(document: Document, pad: str) -> str:
    """Return our exact field values, which AKN markup cannot all carry, in ``proprietary``.

    The header's fields are worked out from its lines ("S/RES/242 (1967)" from "Resolution 242
    (1967)"), so they are kept as values; so is the order of the footnotes, which AKN places
    where they are referenced.
    """
    header = _fields(document.header, HEADER_FIELDS)
    closing = f"<res:closing{_fields(document.closing, CLOSING_FIELDS)}/>" if document.closing is not None else ""
    markers = [f.marker for f in document.footnotes]
    order = ""
    if markers and len(set(markers)) == len(markers) and not any(not m or m != "".join(m.split()) for m in markers):
        order = f' footnotes="{attr(" ".join(markers))}"'
    lines = [
        f'{pad}<proprietary source="#{SOURCE}">',
        f'{pad}  <res:document xmlns:res="{OWN_NS}"{order}>',
        f"{pad}    <res:header{header}/>",
        *([f"{pad}    {closing}"] if closing else []),
        f"{pad}  </res:document>",
        f"{pad}</proprietary>",
    ]
    return "\n".join(lines)


def _fields(node: Header | Closing | None, names: tuple[str, ...]) -> str:
    parts = []
    for name in names:
        value = getattr(node, name, None)
        if value is not None:
            text = value.isoformat() if isinstance(value, datetime.date) else str(value)
            parts.append(f' {name}="{attr(text)}"')
    return "".join(parts)


# ---------------------------------------------------------------------------------- preface
