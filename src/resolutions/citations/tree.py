"""Citations in a document tree: where they are, who cites, and their spans in the source.

Citations are worked out from the tree when asked, not stored on its nodes: they are a
reading of the text the nodes already hold, as records are. So a tree read from JSON or Akoma
Ntoso, built by hand or changed with ``attrs.evolve`` has exactly the citations its text
gives, the JSON format and its schema stay as they are, and parsing pays nothing for them.
How a node's text is searched and spans mapped is :mod:`resolutions.citations.spans`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import attrs
from attrs import frozen

from resolutions.citations.bodies import body_of_organ
from resolutions.citations.find import Context, scan
from resolutions.citations.model import Citation, made
from resolutions.citations.patterns import INSTRUMENT_NOUN
from resolutions.citations.spans import citations_in, placed, search
from resolutions.inline import inline_text
from resolutions.nodes import NO_SPAN, Emphasis, FootnoteRef, Paragraph, Section, Span, SubItem, Text

if TYPE_CHECKING:
    from resolutions.nodes import Annex, Block, Document, Formula, Inline

#: The keys of a row of :func:`citation_records`, in order.
CITATION_COLUMNS = (
    "document",
    "record",
    "where",
    "paragraph",
    "verb",
    "kind",
    "body",
    "number",
    "symbol",
    "date",
    "range",
    "text",
    "start",
    "end",
)


@frozen
class Located:
    """The citations of one node, and where that node stands.

    Attributes:
        where: "header" (the note on how it was adopted), "title", "formula", "paragraph",
            "item", "heading" (of a section or an annex) or "footnote".
        record: The index of the node's row in ``Document.records()``, or None (footnotes,
            titles, headings have no row).
        paragraph: The number of the paragraph it belongs to ("12"), a footnote's marker, or None.
        verb: The verb phrase of the paragraph that cites (an item's paragraph; for a footnote,
            the first paragraph that refers to it), or None.
        citations: The node's citations, in order.
    """

    where: str
    record: int | None
    paragraph: str | None
    verb: str | None
    citations: tuple[Citation, ...]


# ---------------------------------------------------------------------------------- documents


def context_of(document: Document, formula: Formula | None = None) -> Context:
    """Return the citing context of a document (or of a part of it with its own formula).

    The citing body is the organ its formula names ("The Security Council,"), else the
    header's subsidiary body, else the header's organ. The document's own number, from its
    symbol, is what it never cites.
    """
    organ = None
    if formula is not None:
        organ = body_of_organ(inline_text(formula.content))
    header = document.header
    organ = organ or body_of_organ(header.body) or body_of_organ(header.organ)
    own: set[tuple[str, str | None, str]] = set()
    for text in (header.symbol, *(line.text for line in header.lines if line.field == "number")):
        if text:
            own.update((c[0], c[1], c[2]) for c in scan(text, Context(organ)))
    return Context(organ, frozenset(own))


def locate(document: Document) -> list[Located]:
    """Return every node's citations with where it stands, in document order.

    The order is the tree's: the header's adoption note, titles, the formula and the
    preamble, the body, the annexes, then footnotes.
    Nodes without citations are left out.
    """
    instruments = _Instruments()
    return [instruments.named(located) for located in _Walker(document).walk()]


def marks(document: Document) -> dict[int, list[Citation]]:
    """Return the citations of each inline content that has any, for the serialisers to mark.

    Keyed by the ``id`` of the content tuple (a paragraph's, item's, footnote's or formula's
    ``content``); each citation's span is its offsets in that content's joined text, as
    :class:`~resolutions.citations.markup.Marker` reads them.
    """
    found: dict[int, list[Citation]] = {}
    _Walker(document, found).walk(lines=False)
    return found


def document_citations(document: Document) -> list[Citation]:
    """Return every citation of a document, in document order (see :func:`locate`)."""
    return [c for located in locate(document) for c in located.citations]


def citation_records(document: Document) -> list[dict[str, Any]]:
    """Return one dict per citation: who cites it and where, and what it cites.

    Keys (:data:`CITATION_COLUMNS`): ``document`` (the citing document's symbol, else its
    title), ``record`` (the row of ``records()`` that holds it, None for footnotes and titles),
    ``where``, ``paragraph``, ``verb`` (how the text is used: "Recalling", "Welcomes"),
    ``kind``, ``body``, ``number``, ``symbol``, ``date`` (ISO), ``range``, ``text``, and
    ``start``/``end`` in the source (None without one).
    """
    name = document.header.symbol or document.title
    rows = []
    for located in locate(document):
        for c in located.citations:
            has_span = c.span != NO_SPAN
            rows.append(
                {
                    "document": name,
                    "record": located.record,
                    "where": located.where,
                    "paragraph": located.paragraph,
                    "verb": located.verb,
                    "kind": c.kind,
                    "body": c.body,
                    "number": c.number,
                    "symbol": c.symbol,
                    "date": c.date.isoformat() if c.date is not None else None,
                    "range": c.range,
                    "text": c.text,
                    "start": c.span.start if has_span else None,
                    "end": c.span.end if has_span else None,
                }
            )
    return rows


class _Instruments:
    """Names the instrument of "Article 29 of the Statute" as the document named it before.

    A resolution names an instrument in full once ("the Statute of the International
    Tribunal") and by its head noun after that ("the Statute"): the short name is given the
    full name last printed with the same head noun.
    """

    def __init__(self) -> None:
        self.full: dict[str, str] = {}

    def named(self, located: Located) -> Located:
        changed = False
        citations = []
        for citation in located.citations:
            name = citation.body
            if citation.kind == "article" and name and name != "Charter":
                head = INSTRUMENT_NOUN.search(name)
                if head is not None and head.group(0) == name:
                    if name in self.full:
                        citation = attrs.evolve(citation, body=self.full[name])
                        changed = True
                elif head is not None:
                    self.full[head.group(0)] = name
            citations.append(citation)
        return attrs.evolve(located, citations=tuple(citations)) if changed else located


class _Walker:
    """Walks a document as ``records()`` does, counting its rows, and notes each footnote's verb.

    Each step appends what it finds to ``found`` (a list, not generators: most paragraphs cite
    nothing, and a generator per paragraph would cost more than looking at its text).
    """

    def __init__(self, document: Document, marks: dict[int, list[Citation]] | None = None) -> None:
        self.document = document
        self.marks = marks
        self.source = document.source
        self.context = context_of(document, document.preamble.formula)
        self.note_verbs: dict[str, str | None] = {}
        self.found: list[Located] = []
        self.row = 0

    def walk(self, *, lines: bool = True) -> list[Located]:
        """Every node in order; ``lines=False`` leaves out the header, titles and headings."""
        document = self.document
        if lines:
            self.header()
            self.titles()
        self.lines = lines
        self.formula(document.preamble.formula, self.context)
        for paragraph in document.preamble.paragraphs:
            self.paragraph(paragraph, self.context)
        self.blocks(document.body, self.context)
        for annex in document.annexes:
            self.annex(annex)
        for note in document.footnotes:
            found = self.search(note.content, self.context, note.parts)
            if found:
                self.found.append(Located("footnote", None, note.marker, self.note_verbs.get(note.marker), found))
        return self.found

    def header(self) -> None:
        """The header's note on how the text was adopted: "[on the report of ... (A/73/589)]".

        It is the one header line that cites: it names the draft or the report adopted. The
        other header lines are the document's own particulars (its symbol, its agenda item).
        """
        for line in self.document.header.lines:
            if line.field == "other" and line.text.startswith("[") and line.text.rstrip().endswith("]"):
                self.line("header", line.text, line.span)

    def titles(self) -> None:
        for title in self.document.titles:
            self.line("title", title.text, title.span, heading=True)

    def line(self, where: str, text: str, span: Span, *, heading: bool = False) -> None:
        """The citations of a line of text; a heading's opening number is its own name.

        "Resolution 242 (1967)", "Decision 1/CP.21: Adoption of the Paris Agreement" and
        "Resolution 1.9" head the text they name; a heading cites only further in.
        """
        found = citations_in((Text(text, span),), self.context, self.source)
        if heading and found and text.lstrip().startswith(found[0].text):
            found = [c for c in found if not text.lstrip().startswith(c.text)]
        if found:
            self.found.append(Located(where, None, None, None, tuple(found)))

    def formula(self, formula: Formula | None, context: Context) -> None:
        """A formula may cite: "We, the Ministers ..., adopted ... in its resolution 64/182,"."""
        if formula is not None:
            self.notes(formula.content, None)
            found = self.search(formula.content, context, formula.parts)
            if found:
                self.found.append(Located("formula", None, None, None, found))

    def annex(self, annex: Annex) -> None:
        if annex.title and self.lines:
            self.line("heading", annex.title, annex.span, heading=True)
        context = context_of(self.document, annex.formula) if annex.formula is not None else self.context
        self.formula(annex.formula, context)
        self.blocks(annex.children, context)

    def blocks(self, blocks: tuple[Block, ...], context: Context) -> None:
        for block in blocks:
            if type(block) is Paragraph:
                self.paragraph(block, context)
                continue
            assert isinstance(block, Section)
            inner = context_of(self.document, block.formula) if block.formula is not None else context
            if self.lines:
                for heading in (block.heading, block.subtitle):
                    if heading:
                        self.line("heading", heading, block.span, heading=True)
            self.formula(block.formula, inner)
            self.blocks(block.children, inner)

    def paragraph(self, paragraph: Paragraph, context: Context) -> None:
        verb = paragraph.verb.text if paragraph.verb is not None else None
        self.notes(paragraph.content, verb)
        found = self.search(paragraph.content, context, paragraph.parts)
        if found:
            self.found.append(Located("paragraph", self.row, _bare(paragraph.label), verb, found))
        self.row += 1
        if paragraph.items:
            self.items(paragraph.items, paragraph.label, verb, context)

    def items(self, items: tuple[SubItem, ...], number: str | None, verb: str | None, context: Context) -> None:
        for item in items:
            self.notes(item.content, verb)
            found = self.search(item.content, context, item.parts)
            if found:
                self.found.append(Located("item", self.row, _bare(number), verb, found))
            self.row += 1
            if item.items:
                self.items(item.items, number, verb, context)

    def notes(self, content: tuple[Inline, ...], verb: str | None) -> None:
        """Note the verb of the first paragraph that refers to each footnote."""
        if not self.document.footnotes:
            return
        for node in content:
            if isinstance(node, FootnoteRef):
                self.note_verbs.setdefault(node.marker, verb)
            elif isinstance(node, Emphasis):
                self.notes(node.children, verb)

    def search(self, content: tuple[Inline, ...], context: Context, parts: tuple[Span, ...]) -> tuple[Citation, ...]:
        """The citations of inline content; noted with their offsets in its text when marking."""
        leaves, found = search(content, context)
        if not found:
            return ()
        if self.marks is not None:
            self.marks[id(content)] = [made(c, Span(c[5], c[6])) for c in found]
        return tuple(placed(found, leaves, self.source, parts))


def _bare(number: str | None) -> str | None:
    """The bare number of a label, as records give it (records import this module: imported late)."""
    global _bare_number
    if _bare_number is None:
        from resolutions.records import bare_number

        _bare_number = bare_number
    return _bare_number(number)


_bare_number: Callable[[str | None], str | None] | None = None
