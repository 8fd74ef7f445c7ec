"""HTML: the document as a page to read, or as the view a notebook shows for a bare ``doc``.

What a reader needs to see is marked: preambular and operative verb phrases (italic, each in its
own colour and class), paragraph numbers, sub-item labels as nested lists, section headings,
annexes, the header fields and the titles, and footnote references that link to their note and
back (every reference has its own id, so a marker used twice links back to both places).
Citations of other resolutions, decisions, documents and articles are marked too: a ``<span
class="rs-citation">`` whose ``title`` is what is cited (its symbol, else its body and number).

The output is self-contained and safe to embed:

- one ``<style>`` whose selectors all sit under ``.resolutions-doc``, no script, no URL;
- every piece of document text goes through :func:`html.escape`; characters HTML forbids
  (control characters, noncharacters) become U+FFFD, so no input can add markup or make the
  page malformed;
- elements are always closed and void elements self-closed, so the page parses the same as
  HTML and as XML (the tests check both);
- ids start with a prefix drawn from the document's content, so two documents shown in one
  notebook do not take each other's footnote links.
"""

from __future__ import annotations

import datetime
import hashlib
import html
import re
from collections.abc import Iterable

from resolutions.citations.markup import Marker
from resolutions.citations.tree import marks
from resolutions.nodes import (
    Annex,
    Block,
    Closing,
    Diagnostic,
    Document,
    Emphasis,
    Footnote,
    FootnoteRef,
    Formula,
    Header,
    Inline,
    Paragraph,
    Section,
    SubItem,
    Text,
)
from resolutions.source import SourceText

#: The header fields shown, with their labels, in the order a reader expects them.
HEADER_FIELDS = (
    ("organ", "Organ"),
    ("body", "Body"),
    ("symbol", "Symbol"),
    ("kind", "Type"),
    ("distribution", "Distribution"),
    ("date", "Date"),
    ("original_language", "Original"),
    ("session", "Session"),
    ("place", "Place"),
    ("agenda_item", "Agenda item"),
    ("adopted", "Adopted"),
)
_MONTHS = "January February March April May June July August September October November December".split()
_EMPHASIS = {"italic": ("<i>", "</i>"), "bold": ("<b>", "</b>"), "bold_italic": ("<b><i>", "</i></b>")}
# Characters HTML and XML 1.0 forbid in text: C0 and C1 controls (tab and line breaks aside),
# surrogates and noncharacters.
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    + "".join(f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(1, 17))
    + "]"
)
_BLANKS = str.maketrans({"\x0b": " ", "\x0c": " "})

STYLE = """
.resolutions-doc { font-family: Georgia, "Times New Roman", serif; line-height: 1.5; max-width: 46em; }
.resolutions-doc .rs-header { font-family: system-ui, sans-serif; font-size: 0.85em; opacity: 0.85; }
.resolutions-doc .rs-fields { display: grid; grid-template-columns: max-content 1fr; gap: 0 1em; margin: 0; }
.resolutions-doc .rs-fields dt { font-weight: 600; }
.resolutions-doc .rs-fields dd { margin: 0; }
.resolutions-doc .rs-title { font-size: 1.35em; margin: 0.6em 0 0.2em; }
.resolutions-doc .rs-subtitle { font-style: italic; margin: 0.2em 0; }
.resolutions-doc .rs-formula { font-style: italic; }
.resolutions-doc .rs-paragraph { margin: 0.5em 0; }
.resolutions-doc .rs-number, .resolutions-doc .rs-label { font-weight: 600; margin-right: 0.15em; }
.resolutions-doc .rs-verb { font-style: italic; }
.resolutions-doc .rs-verb-preambular { color: #1d5fa7; }
.resolutions-doc .rs-verb-operative { color: #a8461b; font-weight: 600; }
.resolutions-doc .rs-items { list-style: none; margin: 0.2em 0; padding-left: 2em; }
.resolutions-doc .rs-heading { font-size: 1.1em; margin: 1em 0 0.3em; }
.resolutions-doc .rs-annex { border-top: 1px solid #9994; margin-top: 1.5em; }
.resolutions-doc sup { font-size: 0.75em; line-height: 0; }
.resolutions-doc .rs-ref a, .resolutions-doc .rs-backref { text-decoration: none; }
.resolutions-doc .rs-unresolved { color: #b00020; }
.resolutions-doc .rs-notes { list-style: none; padding-left: 0; font-size: 0.9em; }
.resolutions-doc .rs-notes :target { background: #fff3b0; color: #000; }
.resolutions-doc .rs-marker { font-weight: 600; margin-right: 0.15em; }
.resolutions-doc .rs-closing { margin-top: 1em; }
.resolutions-doc .rs-closing p { margin: 0; }
.resolutions-doc .rs-citation { border-bottom: 1px dotted currentColor; }
.resolutions-doc .rs-diagnostics { font-family: system-ui, sans-serif; font-size: 0.85em; margin-top: 1em; }
"""


def to_html(document: Document, *, fragment: bool = False) -> str:
    """Return the document as HTML.

    Args:
        document: The document to show.
        fragment: Return a ``<div>`` that carries its own scoped ``<style>``, to embed in a page
            or a notebook (what ``Document._repr_html_`` shows), instead of a whole page.

    Returns:
        A self-contained page (or fragment): no scripts, no external resources.
    """
    content = _Renderer(document).render()
    if fragment:
        return f'<div class="resolutions-doc"><style>{STYLE}</style>\n{content}</div>\n'
    title = document.title or document.header.symbol or "Document"
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8"/>\n'
        f"<title>{_esc(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f'<div class="resolutions-doc">\n{content}</div>\n</body>\n</html>\n'
    )


def _esc(text: str) -> str:
    """Escape text for HTML content or a quoted attribute, and drop what HTML forbids."""
    return html.escape(_FORBIDDEN.sub("\ufffd", text.translate(_BLANKS)))


class _Renderer:
    """One rendering: numbers the footnote references and remembers where each one is."""

    def __init__(self, document: Document) -> None:
        self.document = document
        seed = (document.source or document.to_text()).encode("utf-8", "surrogatepass")
        self.prefix = "rs-" + hashlib.blake2b(seed, digest_size=4).hexdigest()
        self.notes: dict[str, list[tuple[int, int]]] = {}  # marker -> (offset, index) of its footnotes
        for index, note in enumerate(document.footnotes):
            self.notes.setdefault(note.marker, []).append((note.span.start, index))
        self.backlinks: dict[int, list[str]] = {}  # footnote index -> ids of the references to it
        self.references = 0
        self.citations = marks(document)  # id of an inline content -> its citations

    def render(self) -> str:
        doc = self.document
        parts = [self.header(doc.header)]
        for title in doc.titles:
            tag, css = ("h1", "rs-title") if title.role == "title" else ("p", "rs-subtitle")
            parts.append(f'<{tag} class="{css}">{_esc(title.text)}</{tag}>\n')
        preamble = doc.preamble
        if preamble.formula is not None or preamble.paragraphs or preamble.enacting is not None:
            parts.append('<section class="rs-preamble">\n')
            parts.append(self.formula(preamble.formula))
            parts.extend(self.paragraph(paragraph) for paragraph in preamble.paragraphs)
            parts.append(self.formula(preamble.enacting))
            parts.append("</section>\n")
        if doc.body:
            parts.append(f'<section class="rs-body">\n{self.blocks(doc.body, 1)}</section>\n')
        parts.extend(self.annex(annex) for annex in doc.annexes)
        parts.append(self.closing(doc.closing))
        parts.append(self.footnotes(doc.footnotes))  # last: every reference has been numbered
        parts.append(self.diagnostics(doc.diagnostics))
        return "".join(parts)

    # ------------------------------------------------------------------------------ front

    def header(self, header: Header) -> str:
        rows = []
        for name, label in HEADER_FIELDS:
            value = getattr(header, name)
            if isinstance(value, datetime.date):
                shown = f"{value.day} {_MONTHS[value.month - 1]} {value.year}"
                value = f'<time datetime="{value.isoformat()}">{shown}</time>'
            elif value is not None:
                value = _esc(value)
            if value is not None:
                rows.append(f"<dt>{label}</dt><dd>{value}</dd>")
        other = "".join(f'<p class="rs-other">{_esc(line.text)}</p>' for line in header.other)
        if not rows and not other:
            return ""
        fields = f'<dl class="rs-fields">{"".join(rows)}</dl>' if rows else ""
        return f'<header class="rs-header">{fields}{other}</header>\n'

    def formula(self, formula: Formula | None) -> str:
        if formula is None:
            return ""
        return f'<p class="rs-formula">{self.inline(formula.content)}</p>\n'

    # ------------------------------------------------------------------------------ body

    def blocks(self, blocks: Iterable[Block], depth: int) -> str:
        return "".join(self.section(b, depth) if isinstance(b, Section) else self.paragraph(b) for b in blocks)

    def section(self, section: Section, depth: int) -> str:
        level = min(6, depth + section.level)
        label = f'<span class="rs-label">{_esc(section.label)}</span> ' if section.label else ""
        parts = [
            f'<section class="rs-section rs-level-{section.level}">\n',
            f'<h{level} class="rs-heading">{label}{_esc(section.heading)}</h{level}>\n',
        ]
        if section.subtitle:
            parts.append(f'<p class="rs-subtitle">{_esc(section.subtitle)}</p>\n')
        parts.append(self.formula(section.formula))
        parts.append(self.blocks(section.children, depth))
        parts.append("</section>\n")
        return "".join(parts)

    def annex(self, annex: Annex) -> str:
        parts = ['<section class="rs-annex">\n', f'<h2 class="rs-heading">{_esc(annex.heading)}</h2>\n']
        if annex.title:
            parts.append(f'<p class="rs-subtitle">{_esc(annex.title)}</p>\n')
        parts.append(self.formula(annex.formula))
        parts.append(self.blocks(annex.children, 2))
        parts.append("</section>\n")
        return "".join(parts)

    def paragraph(self, paragraph: Paragraph) -> str:
        parts = [f'<div class="rs-paragraph rs-{_esc(paragraph.kind)}">']
        if paragraph.label:
            parts.append(f'<span class="rs-number">{_esc(paragraph.label)}</span> ')
        content = self.inline(paragraph.content)
        verb = paragraph.verb
        if verb is not None:
            kind = "operative" if paragraph.kind == "operative" else "preambular"
            parts.append(
                f'<span class="rs-verb rs-verb-{kind}" data-marking="{_esc(verb.marking)}" title="{kind} verb phrase">'
                f"{_esc(verb.text)}</span>"
            )
            if content and not _starts_with_punctuation(paragraph.content):
                parts.append(" ")
        parts.append(content)
        parts.append(self.items(paragraph.items))
        parts.append("</div>\n")
        return "".join(parts)

    def items(self, items: tuple[SubItem, ...]) -> str:
        if not items:
            return ""
        rows = []
        for item in items:
            label = f'<span class="rs-label">{_esc(item.label)}</span> '
            rows.append(f"<li>{label}{self.inline(item.content)}{self.items(item.items)}</li>")
        return f'<ol class="rs-items">{"".join(rows)}</ol>'

    # ------------------------------------------------------------------------------ inline

    def inline(self, nodes: tuple[Inline, ...]) -> str:
        """A content's inline nodes, its citations marked."""
        found = self.citations.get(id(nodes))
        return self.inline_nodes(nodes, Marker(found) if found else None)

    def inline_nodes(self, nodes: Iterable[Inline], marker: Marker | None) -> str:
        parts = []
        for node in nodes:
            if isinstance(node, Text):
                parts.append(_esc(node.text) if marker is None else self.cited(node.text, marker))
            elif isinstance(node, Emphasis):
                opening, closing = _EMPHASIS.get(node.style, ("<span>", "</span>"))
                parts.append(f"{opening}{self.inline_nodes(node.children, marker)}{closing}")
            else:
                parts.append(self.reference(node))
        return "".join(parts)

    @staticmethod
    def cited(text: str, marker: Marker) -> str:
        parts = []
        for piece, citation in marker.pieces(text):
            if citation is None:
                parts.append(_esc(piece))
            else:
                css = f"rs-citation rs-cites-{_esc(citation.kind)}"
                parts.append(f'<span class="{css}" title="{_esc(citation.key)}">{_esc(piece)}</span>')
        return "".join(parts)

    def reference(self, ref: FootnoteRef) -> str:
        marker = _esc(ref.marker)
        index = self.note_for(ref)
        if index is None:
            return f'<sup class="rs-ref rs-unresolved" title="no footnote has this marker">{marker}</sup>'
        self.references += 1
        ref_id = f"{self.prefix}-ref-{self.references}"
        self.backlinks.setdefault(index, []).append(ref_id)
        return f'<sup class="rs-ref"><a href="#{self.prefix}-note-{index}" id="{ref_id}">{marker}</a></sup>'

    def note_for(self, ref: FootnoteRef) -> int | None:
        """Return the index of the note a reference points to, or None.

        A marker used by several notes ("1" again on every page of some volumes) points to the
        first of them printed after the reference, else to the last one before it.
        """
        candidates = self.notes.get(ref.marker)
        if not candidates:
            return None
        after = [index for start, index in candidates if start >= ref.span.start]
        return after[0] if after else candidates[-1][1]

    # ------------------------------------------------------------------------------ end

    def closing(self, closing: Closing | None) -> str:
        if closing is None or not closing.lines:
            return ""
        lines = "".join(f"<p>{_esc(line)}</p>" for line in closing.lines)
        return f'<footer class="rs-closing">{lines}</footer>\n'

    def footnotes(self, notes: tuple[Footnote, ...]) -> str:
        if not notes:
            return ""
        # Contents first: a note may refer to another, and every back-link must be known.
        contents = [self.inline(note.content) for note in notes]
        rows = []
        for index, note in enumerate(notes):
            marker = f'<span class="rs-marker">{_esc(note.marker)}</span> '
            back = self.back_links(self.backlinks.get(index, []))
            rows.append(f'<li id="{self.prefix}-note-{index}">{marker}{contents[index]}{back}</li>\n')
        heading = '<h2 class="rs-heading">Notes</h2>'
        return f'<section class="rs-footnotes">\n{heading}\n<ol class="rs-notes">\n{"".join(rows)}</ol>\n</section>\n'

    @staticmethod
    def back_links(ref_ids: list[str]) -> str:
        """Return a note's links back to its references, numbered when there are several."""
        links = []
        for number, ref_id in enumerate(ref_ids, 1):
            shown = "\u21a9\ufe0e" + (str(number) if len(ref_ids) > 1 else "")
            title = f"back to reference {number}" if len(ref_ids) > 1 else "back to the reference"
            links.append(f' <a class="rs-backref" href="#{ref_id}" title="{title}">{shown}</a>')
        return "".join(links)

    def diagnostics(self, diagnostics: tuple[Diagnostic, ...]) -> str:
        if not diagnostics:
            return ""
        source = SourceText(self.document.source)
        rows = []
        for diagnostic in diagnostics:
            line, _ = source.position(min(diagnostic.span.start, len(self.document.source)))
            where = f"line {line}: " if self.document.source else ""
            rows.append(
                f"<li>{where}{_esc(diagnostic.severity)} ({_esc(diagnostic.code)}): {_esc(diagnostic.message)}</li>"
            )
        count = f"{len(diagnostics)} diagnostic{'s' if len(diagnostics) > 1 else ''}"
        return f'<details class="rs-diagnostics"><summary>{count}</summary><ul>{"".join(rows)}</ul></details>\n'


def _starts_with_punctuation(content: tuple[Inline, ...]) -> bool:
    first = content[0] if content else None
    return isinstance(first, Text) and first.text[:1] in ",;:."
