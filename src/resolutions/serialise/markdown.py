"""Canonical Markdown, readable on GitHub.

Headings, italic verb phrases, numbered paragraphs, nested lists of sub-items and footnotes
(``[^1]`` references with ``[^1]:`` definitions).

Rendering is idempotent: ``to_markdown(parse(md)) == md`` for any ``md`` this module wrote.
"""

from __future__ import annotations

import re

from resolutions.nodes import Document, Emphasis, Footnote, FootnoteRef, Inline, Text, Title, VerbPhrase
from resolutions.serialise.canonical import Style, render

_STARS = {"italic": "*", "bold": "**", "bold_italic": "***"}
#: Characters the Markdown reader would take for markup.
_SPECIAL = re.compile(r"([\\*<\[])")
#: What at the start of a line would read as a label, a heading, a list or a rule.
_LEADING = re.compile(r"^(#|[0-9]{1,3}[.),]|\(|[-\u2022*+]\s|[IVXLC]{1,7}\.\s|[A-Z]\.\s|_{3,}|-{3,}|={3,})")


class MarkdownStyle(Style):
    """Markdown: emphasis with stars, verbs in italics, footnotes GitHub-style."""

    def inline(self, nodes: tuple[Inline, ...]) -> str:
        parts: list[str] = []
        for node in nodes:
            if isinstance(node, Text):
                parts.append(escape(node.text))
            elif isinstance(node, Emphasis):
                inner = self.inline(node.children)
                stars = _STARS[node.style]
                stripped = inner.strip()
                if stripped:
                    lead, trail = inner[: len(inner) - len(inner.lstrip())], inner[len(inner.rstrip()) :]
                    parts.append(f"{lead}{stars}{stripped}{stars}{trail}")
            elif isinstance(node, FootnoteRef):
                parts.append(f"[^{node.marker}]")
        return "".join(parts)

    def verb(self, verb: VerbPhrase) -> str:
        if verb.subject is not None:  # "The Assembly strongly condemns": a sentence, as printed
            return escape(verb.text)
        return f"*{escape(verb.text)}*"

    def title(self, title: Title) -> str:
        return f"# {escape(title.text)}" if title.role == "title" else f"### {escape(title.text)}"

    def heading(self, text: str, level: int) -> str:
        return f"{'#' * min(level + 1, 6)} {escape(text)}"

    def item(self, label: str, text: str, depth: int) -> str:
        return f"{'    ' * depth}- {label} {text}"

    def lead(self, text: str) -> str:
        return _protect(text)

    def plain_line(self, text: str) -> str:
        return _protect(escape(text))

    def line_break(self) -> str:
        return "  "

    def footnotes(self, notes: tuple[Footnote, ...]) -> list[str]:
        return [f"[^{note.marker}]: {self.inline(note.content)}" for note in notes]


def escape(text: str) -> str:
    """Escape what Markdown would read as markup: stars, backslashes, "<" and "["."""
    return _SPECIAL.sub(r"\\\1", text)


def _protect(text: str) -> str:
    """Escape a line start that would read as a heading, a label, a list or a rule."""
    match = _LEADING.match(text)
    if not match:
        return text
    end = match.end(1)
    token = text[:end]
    punctuation = next((i for i, c in enumerate(token) if not c.isalnum() and not c.isspace()), 0)
    return text[:punctuation] + "\\" + text[punctuation:]


def to_markdown(document: Document) -> str:
    """Return the document as canonical Markdown."""
    return render(document, MarkdownStyle())
