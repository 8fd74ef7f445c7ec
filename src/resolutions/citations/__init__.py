"""Citations: every reference to another resolution, decision, document or article, as data.

The steps are separate, as in eyecite: :func:`find_citations` reads plain text;
:func:`citations_in` reads a node's inline content and maps spans into the source;
:meth:`Document.citations() <resolutions.nodes.Document.citations>` and
:func:`citation_records` read a whole document; the serialisers mark citations up (Akoma
Ntoso ``<ref href>``, HTML ``<span class="citation">``).

>>> from resolutions.citations import find_citations
>>> [(c.kind, c.body, c.number, c.symbol) for c in find_citations("Recalling its resolution 68/262,")]
[('resolution', 'GA', '68/262', 'A/RES/68/262')]
"""

from __future__ import annotations

from resolutions.citations.bodies import BODIES, Body, body_of_organ
from resolutions.citations.find import Context, find_citations
from resolutions.citations.model import Citation
from resolutions.citations.spans import citations_in
from resolutions.citations.tree import (
    CITATION_COLUMNS,
    Located,
    citation_records,
    context_of,
    document_citations,
    locate,
)

__all__ = [
    "BODIES",
    "CITATION_COLUMNS",
    "Body",
    "Citation",
    "Context",
    "Located",
    "body_of_organ",
    "citation_records",
    "citations_in",
    "context_of",
    "document_citations",
    "find_citations",
    "locate",
]
