"""A quality report on a document: what looks wrong, from its diagnostics and a few plausibility checks.

Used by ``resolutions check``. The parser's own diagnostics (skipped or duplicate numbers,
unresolved footnotes, strange lines) come first; then what a reader would notice that no single
rule of the parser sees: a resolution with no opening formula or no operative part, numbered
paragraphs with no verb phrase, footnote references with no footnote.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from resolutions.records import iter_paragraphs, records
from resolutions.source import SourceText

if TYPE_CHECKING:
    from resolutions.nodes import Document


@attrs.frozen
class Problem:
    """Something that looks wrong in a document.

    Attributes:
        severity: "error", "warning" or "info" (the diagnostics' scale).
        code: A stable identifier: a diagnostic's code, or "no-formula", "no-operative",
            "no-verb", "footnote-missing".
        message: What was found.
        line: The line (in the document, from 1) it was found on, or 0 for the whole document.
    """

    severity: str
    code: str
    message: str
    line: int = 0

    def to_dict(self) -> dict[str, Any]:
        """Return the problem as a JSON-ready dict."""
        return attrs.asdict(self)


def problems(document: Document) -> list[Problem]:
    """Return what looks wrong in a document, most severe first, then in document order."""
    source = SourceText(document.source)
    found = [
        Problem(d.severity, d.code, d.message, source.position(d.span.start)[0] if document.source else 0)
        for d in document.diagnostics
    ]
    codes = {d.code for d in document.diagnostics}
    if "empty-document" not in codes:
        found.extend(_plausibility(document, codes))
    order = {"error": 0, "warning": 1, "info": 2}
    return sorted(found, key=lambda p: order.get(p.severity, 3))


def _plausibility(document: Document, codes: set[str]) -> list[Problem]:
    found: list[Problem] = []
    paragraphs = list(iter_paragraphs(document))
    kinds = {p.kind for p in paragraphs}
    if document.preamble.formula is None and not any(s.formula for s in _sections(document)):
        found.append(Problem("warning", "no-formula", "no opening formula ('The General Assembly,') was found"))
    if "operative" not in kinds:
        found.append(Problem("warning", "no-operative", "no operative paragraph (one opening with a verb) was found"))
    numbered = [p for p in paragraphs if p.kind == "paragraph" and p.number is not None]
    if numbered and "operative" in kinds:
        labels = ", ".join(p.number or "" for p in numbered[:5]) + (" ..." if len(numbered) > 5 else "")
        message = f"{len(numbered)} numbered paragraph(s) without a verb phrase: {labels}"
        found.append(Problem("info", "no-verb", message))
    if "unresolved-footnote" not in codes:
        markers = {f.marker for f in document.footnotes}
        missing = sorted({m for r in records(document) for m in r["footnotes"] if m not in markers})
        if missing:
            found.append(Problem("warning", "footnote-missing", f"footnote(s) referenced but not found: {missing}"))
    return found


def _sections(document: Document) -> list[Any]:
    from resolutions.nodes import Section

    found: list[Any] = []
    stack: list[Any] = [*document.body, *(b for a in document.annexes for b in a.children)]
    while stack:
        block = stack.pop()
        if isinstance(block, Section):
            found.append(block)
            stack.extend(block.children)
    return found
