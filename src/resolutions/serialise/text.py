"""Canonical plain text: a document in standard UN layout, without markup.

Footnote references are superscript digits ("Court,¹"); the footnotes follow a rule at the
end. Sub-items are indented by level. :func:`resolutions.parse` reads the result back with the
same content (kinds, numbers, verbs, text, sections, header, footnotes).
"""

from __future__ import annotations

from resolutions.nodes import Document, Emphasis, Footnote, FootnoteRef, Inline, Text, Title, VerbPhrase
from resolutions.serialise.canonical import Style, render

_SUPERSCRIPT = str.maketrans("0123456789", "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079")
#: The rule that opens the footnote block, as UN documents print it.
FOOTNOTE_RULE = "__________________"


class TextStyle(Style):
    """Plain text: no emphasis; references as superscripts."""

    def inline(self, nodes: tuple[Inline, ...]) -> str:
        parts: list[str] = []
        for node in nodes:
            if isinstance(node, Text):
                parts.append(node.text)
            elif isinstance(node, Emphasis):
                parts.append(self.inline(node.children))
            elif isinstance(node, FootnoteRef):
                parts.append(superscript(node.marker))
        return "".join(parts)

    def verb(self, verb: VerbPhrase) -> str:
        return verb.text

    def title(self, title: Title) -> str:
        return title.text

    def heading(self, text: str, level: int) -> str:
        return text

    def item(self, label: str, text: str, depth: int) -> str:
        return f"{'    ' * (depth + 1)}{label} {text}"

    def footnotes(self, notes: tuple[Footnote, ...]) -> list[str]:
        if not notes:
            return []
        return [FOOTNOTE_RULE, "\n".join(f"{superscript(n.marker)} {self.inline(n.content)}" for n in notes)]


def superscript(marker: str) -> str:
    """Return a footnote marker as superscript digits ("12" -> "¹²"); other markers unchanged."""
    return marker.translate(_SUPERSCRIPT) if marker.isdigit() else marker


def to_text(document: Document) -> str:
    """Return the document as canonical plain text in UN layout."""
    return render(document, TextStyle())
