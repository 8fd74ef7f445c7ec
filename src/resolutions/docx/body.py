"""Walk a Word document's body into blocks of styled text, as Word shows it with changes accepted.

Paragraphs and table cells become blocks. A numbered paragraph gets the label Word draws
(:mod:`resolutions.docx.numbering`); a heading (a heading style, the Title style or an outline
level) is written as a Markdown heading. Inside a paragraph, runs give the text with their
italics (their own, their character style's, their paragraph style's), capitals drawn as
capitals, hidden text left out, superscript markers and footnote references marked.

Tracked changes are read as accepted: inserted and moved-in text is kept, deleted and
moved-out text left out, and a deleted paragraph mark joins the paragraph to the next. Each
kind of change is counted, for a diagnostic. Field instructions are left out and their results
kept. Drawings (text boxes, shapes) are left out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

from resolutions.docx.numbering import Numbering
from resolutions.docx.styles import Styles, W, numbering_of, outline_of, run_facts
from resolutions.flavour import Span, block_text

#: Elements a paragraph's text is not in: its properties, deleted text, drawings, comments.
_SKIPPED = frozenset(
    f"{W}{name}"
    for name in ("pPr", "rPr", "del", "moveFrom", "drawing", "pict", "object", "commentReference", "fldData")
)
#: Revision marks, by the kind of change they record.
_REVISIONS = {
    f"{W}ins": "insertions",
    f"{W}del": "deletions",
    f"{W}moveFrom": "moves",
    f"{W}moveTo": "moves",
    f"{W}rPrChange": "formatting changes",
    f"{W}pPrChange": "formatting changes",
    f"{W}sectPrChange": "formatting changes",
    f"{W}tblPrChange": "formatting changes",
    f"{W}tcPrChange": "formatting changes",
    f"{W}trPrChange": "formatting changes",
    f"{W}numberingChange": "formatting changes",
    f"{W}cellIns": "insertions",
    f"{W}cellDel": "deletions",
}
#: A footnote marker typed as superscript text: "1", "*", "a".
_MARKER = re.compile(r"^[\[(]?([0-9]{1,3}|[a-z]|[*\u2020\u2021\u00a7]{1,3})[\])]?$")
#: A number or a bullet that stands for a block's label: "1.", "(a)", "iv)", "A.", "•".
LABEL = re.compile(
    r"^(?:\(?[0-9]{1,3}[.)]?|\(?[a-z]{1,2}[.)]|\([a-z]{1,2}\)|\(?[ivxlc]{1,6}[.)]|[A-Z]\.|[IVXLC]{1,6}\.|[•◦▪–-])$"
)
_CHARACTERS = {f"{W}tab": "\t", f"{W}ptab": "\t", f"{W}cr": "\n", f"{W}noBreakHyphen": "-", f"{W}softHyphen": ""}

#: Called with a footnote or endnote reference (its kind and id, and a custom mark if it has
#: one); returns the marker to write.
NoteCallback = Callable[[str, str, str | None], str]


class BodyReader:
    """Read paragraphs and tables into blocks, counting revisions."""

    def __init__(self, styles: Styles, numbering: Numbering, note: NoteCallback, *, cells: bool = False) -> None:
        """Make a reader; with ``cells``, tabs separate cells (a masthead) and become line breaks."""
        self.styles = styles
        self.cells = cells
        self.numbering = numbering
        self.note = note
        self.blocks: list[str] = []
        self.revisions: Counter[str] = Counter()
        self.carried = ""  # a label alone in a cell, or a paragraph whose mark was deleted

    def read(self, container: Any) -> None:
        """Read a body, a table cell, a header or a note: its paragraphs and tables, in order."""
        for element in _blocks(container):
            if element.tag == f"{W}p":
                self.paragraph(element)
            self.revisions.update(_REVISIONS[change.tag] for change in _changes(element))

    def finish(self) -> None:
        """Write what is left carried at the end."""
        if self.carried:
            self.blocks.append(self.carried)
            self.carried = ""

    def paragraph(self, paragraph: Any) -> None:
        properties = paragraph.find(f"{W}pPr")
        style = _value(properties, "pStyle")
        spans = self.spans(paragraph, style)
        text = block_text(spans, keep_lines=True)
        label, suffix = self._label(properties, style)
        heading = self.styles.heading(style, outline_of(properties))
        mark = properties.find(f"{W}rPr/{W}del") if properties is not None else None
        if label:
            text = f"{label}{'' if suffix == 'nothing' else ' '}{text}" if text else label
        if mark is not None:  # the paragraph mark is deleted: accepted, the paragraph runs on
            self.carried = f"{self.carried} {text}".strip() if self.carried else text
            return
        if not text:
            return
        if LABEL.match(text) and not heading:
            self.carried = f"{self.carried} {text}".strip()
            return
        if self.carried:  # a label, or paragraphs joined by deleting their marks: Word shows a space
            text = f"{self.carried} {text}"
            self.carried = ""
        if heading:
            text = "#" * min(heading, 6) + " " + text.replace("\n", " ")
        self.blocks.append(text)

    def spans(self, paragraph: Any, style: str | None) -> list[Span]:
        """Return a paragraph's text as styled spans, changes accepted."""
        spans: list[Span] = []
        instruction = False  # inside a field's instruction ("PAGE", "HYPERLINK ..."), before its result
        custom: str | None = None
        for run in _runs(paragraph):
            facts = self.styles.run(run_facts(run.find(f"{W}rPr")), _value(run.find(f"{W}rPr"), "rStyle"), style)
            if facts.get("vanish"):
                continue
            for child in run:
                tag = child.tag
                if tag == f"{W}fldChar":
                    kind = child.get(f"{W}fldCharType")
                    instruction = kind == "begin" or (instruction and kind != "separate" and kind != "end")
                elif instruction or tag in (f"{W}instrText", f"{W}delText", f"{W}rPr"):
                    continue
                elif tag in (f"{W}footnoteReference", f"{W}endnoteReference"):
                    kind = "footnote" if tag == f"{W}footnoteReference" else "endnote"
                    custom = "" if child.get(f"{W}customMarkFollows") in ("1", "true", "on") else None
                    if custom is None:
                        spans.append(Span(self.note(kind, child.get(f"{W}id") or "", None), reference=True))
                    else:
                        custom = f"{kind}:{child.get(f'{W}id') or ''}"
                elif tag == f"{W}t":
                    text = child.text or ""
                    if custom:  # a custom mark: the text after the reference is its marker
                        kind, _, note_id = custom.partition(":")
                        spans.append(Span(self.note(kind, note_id, text.strip()), reference=True))
                        custom = None
                        continue
                    spans.append(_span(text, facts))
                elif tag == f"{W}br":
                    spans.append(Span("\n"))
                elif tag == f"{W}sym":
                    spans.append(_span(_symbol(child), facts))
                elif tag in _CHARACTERS:
                    character = "\n" if self.cells and tag == f"{W}tab" else _CHARACTERS[tag]
                    spans.append(_span(character, facts))
        return spans

    def _label(self, properties: Any, style: str | None) -> tuple[str, str]:
        numbering = numbering_of(properties) or self.styles.numbering(style)
        if numbering is None or numbering[0] == "0":
            return "", "nothing"
        number_id, level = numbering
        if level is None:
            level = self.numbering.level_of_style(number_id, style)
        return self.numbering.label(number_id, level)


def _span(text: str, facts: dict[str, Any]) -> Span:
    if facts.get("caps"):
        text = text.upper()
    if facts.get("vertAlign") == "superscript":
        match = _MARKER.match(text.strip())
        if match:
            return Span(match.group(1), reference=True)
    return Span(text, italic=bool(facts.get("i")))


def _symbol(element: Any) -> str:
    """Return the character of a ``w:sym`` (a symbol font's code point; bullets drawn as "•")."""
    code = element.get(f"{W}char") or ""
    try:
        value = int(code, 16)
    except ValueError:
        return ""
    return "•" if value in (0xF0B7, 0xF0A7, 0xF06C, 0xF0D8) else chr(value) if value < 0xF000 else ""


def _value(properties: Any, name: str) -> str | None:
    if properties is None:
        return None
    child = properties.find(f"{W}{name}")
    return child.get(f"{W}val") if child is not None else None


def _blocks(container: Any) -> Iterator[Any]:
    """Yield the paragraphs (and cells' paragraphs) of a container, in reading order.

    Tables are read row by row, cell by cell; content controls and custom XML are looked into.
    Iterative: tables nested in tables are read however deep they go.
    """
    stack = [iter(container)]
    while stack:
        element = next(stack[-1], None)
        if element is None:
            stack.pop()
            continue
        tag = element.tag
        if tag == f"{W}p":
            yield element
        elif tag in (f"{W}tbl", f"{W}tr", f"{W}tc", f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}ins"):
            if tag in (f"{W}tbl", f"{W}tr", f"{W}tc"):
                yield element  # for its revision marks
            stack.append(iter(element))


def _runs(paragraph: Any) -> Iterator[Any]:
    """Yield the runs of a paragraph as accepted: inside insertions, links, fields; not deleted ones."""
    stack = [iter(paragraph)]
    while stack:
        element = next(stack[-1], None)
        if element is None:
            stack.pop()
            continue
        if element.tag in _SKIPPED:
            continue
        if element.tag == f"{W}r":
            yield element
        else:
            stack.append(iter(element))


def _changes(element: Any) -> Iterator[Any]:
    """Yield the revision marks directly on a block (a paragraph's runs, a row's properties)."""
    if element.tag in (f"{W}tbl", f"{W}tc"):
        properties = element.find(f"{W}tblPr" if element.tag == f"{W}tbl" else f"{W}tcPr")
        candidates = properties.iter() if properties is not None else iter(())
    elif element.tag == f"{W}tr":
        properties = element.find(f"{W}trPr")
        candidates = properties.iter() if properties is not None else iter(())
    else:
        candidates = element.iter()
    return (child for child in candidates if child.tag in _REVISIONS)
