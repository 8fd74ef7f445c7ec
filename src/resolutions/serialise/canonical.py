"""The canonical layout shared by the plain-text and Markdown writers.

Both writers print a document the way the UN prints one: the header block, the title, the
opening formula, preambular paragraphs, numbered operative paragraphs with their sub-items,
sections, annexes, the closing lines and the footnotes at the end. They differ only in how
they mark things (:class:`Style`), so this module holds the walk and the two styles hold the
marks. The canonical layout is what :func:`resolutions.parse` reads back exactly: parsing a
rendering gives a document with the same content (:func:`resolutions.same_content`).
"""

from __future__ import annotations

import datetime

from resolutions.blocks import PART_LABEL
from resolutions.front import organ_of_formula
from resolutions.inline import inline_text
from resolutions.nodes import (
    Annex,
    Block,
    Closing,
    Document,
    Footnote,
    Formula,
    Header,
    Inline,
    Paragraph,
    Section,
    SubItem,
    Title,
    VerbPhrase,
)


class Style:
    """How a writer marks inline content, headings, items and footnotes."""

    def inline(self, nodes: tuple[Inline, ...]) -> str:
        """Render inline nodes."""
        raise NotImplementedError

    def verb(self, verb: VerbPhrase) -> str:
        """Render a verb phrase."""
        raise NotImplementedError

    def title(self, title: Title) -> str:
        """Render a title or subtitle line."""
        raise NotImplementedError

    def heading(self, text: str, level: int) -> str:
        """Render a section or annex heading at a level (1 for the top)."""
        raise NotImplementedError

    def item(self, label: str, text: str, depth: int) -> str:
        """Render a sub-item at a depth (0 directly under its paragraph)."""
        raise NotImplementedError

    def lead(self, text: str) -> str:
        """Protect the start of a paragraph that must not read as a label or heading."""
        return text

    def plain_line(self, text: str) -> str:
        """Render a line of plain text (header, closing) so that it reads back as written."""
        return text

    def footnotes(self, notes: tuple[Footnote, ...]) -> list[str]:
        """Render the footnote block at the end of the document."""
        raise NotImplementedError

    def line_break(self) -> str:
        """What ends a line that must stay a line of its own inside a block."""
        return ""


def render(document: Document, style: Style) -> str:
    """Render a document in the canonical layout with a style; blocks are separated by a blank line."""
    blocks: list[str] = []
    named = organ_of_formula(inline_text(document.preamble.formula.content)) if document.preamble.formula else None
    blocks.extend(style.plain_line(line) for line in header_lines(document.header, named))
    blocks.extend(style.title(title) for title in document.titles)
    preamble = document.preamble
    if preamble.formula is not None:
        blocks.append(_formula(preamble.formula, style))
    blocks.extend(_paragraph(paragraph, style) for paragraph in preamble.paragraphs)
    if preamble.enacting is not None:
        blocks.append(_formula(preamble.enacting, style))
    _blocks(document.body, style, blocks)
    for annex in document.annexes:
        _annex(annex, style, blocks)
    if document.closing is not None:
        blocks.append(_closing(document.closing, style))
    blocks.extend(style.footnotes(document.footnotes))
    return "\n\n".join(block for block in blocks if block) + "\n"


def header_lines(header: Header, organ_in_formula: str | None = None) -> list[str]:
    """Return the header block's lines in the order UN documents print them.

    The organ's line is left out when the formula names it ("The Council,"): it says so itself.
    """
    lines: list[str] = []
    if header.symbol and header.kind:
        lines.append(f"{header.kind.capitalize()} {header.symbol}")  # "Decision 12/CP.24"
    elif header.symbol:
        lines.append(header.symbol)
    if header.organ and (header.organ != organ_in_formula or header.body):
        lines.append(header.organ)  # (a subsidiary body's line needs its organ's above it)
    if header.distribution:
        lines.append(f"Distr.: {header.distribution}")
    if header.date is not None and not header.place:
        lines.append(_date(header.date))
    if header.original_language:
        lines.append(f"Original: {header.original_language}")
    if header.body:
        lines.append(header.body)
    if header.session:
        lines.append(header.session)
    if header.place:
        lines.append(f"{header.place}, {_date(header.date)}" if header.date else header.place)
    if header.agenda_item:
        lines.append(f"Agenda item {header.agenda_item}")
    if header.adopted is not None:
        organ = header.organ or "General Assembly"
        lines.append(f"Resolution adopted by the {organ} on {_date(header.adopted)}")
    return lines


def _date(date: datetime.date | None) -> str:
    return f"{date.day} {date:%B %Y}" if date is not None else ""


def _formula(formula: Formula, style: Style) -> str:
    return style.inline(formula.content)


def _paragraph(paragraph: Paragraph, style: Style) -> str:
    text = style.inline(paragraph.content)
    if paragraph.verb is not None:
        text = join_verb(style.verb(paragraph.verb), text)
    elif paragraph.label is None:
        text = style.lead(text)
    if paragraph.label is not None:
        text = f"{number_label(paragraph.label)} {text}"
    lines = [text]
    lines.extend(_items(paragraph.items, style, 0))
    return "\n".join(lines)


def number_label(number: str) -> str:
    """Return a paragraph number as the canonical layout prints it: "12." ("(a)" and "–" stay)."""
    number = number.strip()
    if number.startswith("(") or number.endswith(".") or not any(char.isalnum() for char in number):
        return number
    return number.rstrip(".),") + "."


def join_verb(verb: str, rest: str) -> str:
    """Put a verb phrase before the rest of its paragraph, with a space unless punctuation follows."""
    if not rest:
        return verb
    return verb + ("" if rest[0] in ",;:." else " ") + rest


def _items(items: tuple[SubItem, ...], style: Style, depth: int) -> list[str]:
    lines: list[str] = []
    for item in items:
        lines.append(style.item(item.label, style.inline(item.content), depth))
        lines.extend(_items(item.items, style, depth + 1))
    return lines


def _blocks(blocks: tuple[Block, ...], style: Style, out: list[str]) -> None:
    for block in blocks:
        if isinstance(block, Section):
            _section(block, style, out)
        else:
            out.append(_paragraph(block, style))


def _section(section: Section, style: Style, out: list[str]) -> None:
    name = " ".join(part for part in (section.label, section.heading) if part)
    if section.label and section.heading and PART_LABEL.match(section.label) and not section.label.endswith("."):
        # "A" / "Oceans and the law of the sea": a part's bare label stands on its own line, as
        # printed ("A Oceans ..." on one line would read as a title).
        out.append(style.heading(section.label, section.level))
        name = section.heading
    if section.subtitle and section.formula is not None:
        # Title and subtitle of an adopted text, printed as one block above its formula.
        out.append(f"{style.plain_line(name)}{style.line_break()}\n{style.plain_line(section.subtitle)}")
    elif name:
        out.append(style.heading(name, section.level))
    if section.formula is not None:
        out.append(_formula(section.formula, style))
    _blocks(section.children, style, out)


def _annex(annex: Annex, style: Style, out: list[str]) -> None:
    out.append(style.heading(annex.heading, 1))
    if annex.title:
        out.append(style.heading(annex.title, 2))
    if annex.formula is not None:
        out.append(_formula(annex.formula, style))
    _blocks(annex.children, style, out)


def _closing(closing: Closing, style: Style) -> str:
    return f"{style.line_break()}\n".join(style.plain_line(line) for line in closing.lines)
