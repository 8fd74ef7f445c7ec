"""Marking citations up in the serialisers' output: pieces of text, and Akoma Ntoso URIs.

A writer walks a node's inline content in order; :class:`Marker` cuts each text node it meets
into the pieces outside and inside citations, so that the writer can wrap the latter (AKN
``<ref href>``, an HTML ``<span class="citation">``). A citation cut by markup (emphasis, a
footnote reference) is wrapped piece by piece.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from resolutions.citations.bodies import BODIES

if TYPE_CHECKING:
    from resolutions.citations.model import Citation

#: The AKN4UN short names of bodies, as the writer names a document's own author.
_AKN_BODIES = {"GA": "unga", "SC": "unsc", "ECOSOC": "ecosoc", "TC": "untc"}
_SLUG = re.compile(r"[^0-9a-z]+")
_RESOLUTION_SERIES = re.compile(r"/(?:RES|DEC)/(.+)$")


class Marker:
    """Cuts the text nodes of one inline content into plain and cited pieces, in order.

    Args:
        citations: The content's citations, their spans offsets into its joined text (as
            :func:`resolutions.citations.tree.marks` gives them).
    """

    __slots__ = ("_citations", "_offset")

    def __init__(self, citations: list[Citation]) -> None:
        self._citations = citations
        self._offset = 0

    def pieces(self, text: str) -> list[tuple[str, Citation | None]]:
        """Return the next text node's pieces: (text, the citation it belongs to or None)."""
        start = self._offset
        end = start + len(text)
        self._offset = end
        out: list[tuple[str, Citation | None]] = []
        position = start
        for citation in self._citations:
            first, last = max(citation.span.start, position), min(citation.span.end, end)
            if first >= last:
                continue
            if first > position:
                out.append((text[position - start : first - start], None))
            out.append((text[first - start : last - start], citation))
            position = last
        if position < end or not out:
            out.append((text[position - start :], None))
        return out


def slug(text: str) -> str:
    """Lower-case letters and digits joined by hyphens: "68/262" -> "68-262"."""
    return _SLUG.sub("-", text.lower()).strip("-")


def akn_uri(citation: Citation) -> str:
    """Return the Akoma Ntoso URI of what a citation cites (AKN4UN naming).

    A resolution or decision is a ``statement`` of subtype ``deliberation`` by its body, with
    the date when the citation prints one, as the writer names a document's own work:
    "/akn/un/statement/deliberation/unga/2014-03-27/68-262"; a document symbol is a ``doc``
    ("/akn/un/doc/a-73-l-8"); an article a portion of its instrument
    ("/akn/un/act/charter/!main~art_2").

    Example:
        >>> from resolutions.citations import find_citations
        >>> akn_uri(find_citations("Security Council resolution 242 (1967)")[0])
        '/akn/un/statement/deliberation/unsc/242-1967'
    """
    if citation.kind == "document":
        return f"/akn/un/doc/{slug(citation.number) or 'nn'}"
    if citation.kind == "article":
        return f"/akn/un/act/{slug(citation.body or 'instrument')}/!main~art_{slug(citation.number) or 'nn'}"
    body = citation.body
    author = _AKN_BODIES.get(body, slug(body)) if body is not None and body in BODIES else slug(body or "un")
    symbol = citation.symbol
    if symbol is not None:
        series = _RESOLUTION_SERIES.search(symbol)
        number = slug(series.group(1) if series else symbol)
    else:
        number = slug(citation.number)
    date = f"/{citation.date.isoformat()}" if citation.date is not None else ""
    return f"/akn/un/statement/deliberation/{author or 'un'}{date}/{number or 'nn'}"
