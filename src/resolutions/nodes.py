"""The document tree: frozen, slotted attrs classes.

Every node carries the :class:`Span` of source text it came from. Spans are left out of
equality, so two documents with the same content compare equal whatever their layout. Children
are tuples; change a node with :func:`attrs.evolve`.

Node classes hold data only. Behaviour that reads a whole tree (records, serialisers) lives in
its own module and is offered on :class:`Document` as convenience methods, as pandas does.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal

import attrs
from attrs import field, frozen

if TYPE_CHECKING:
    import pandas

Kind = Literal["preambular", "operative", "paragraph"]
Marking = Literal["italic", "bold", "bold_italic", "capitals", "plain"]
EmphasisStyle = Literal["italic", "bold", "bold_italic"]
Severity = Literal["error", "warning", "info"]


def _check_span(instance: Span, attribute: attrs.Attribute[int], value: int) -> None:
    if not 0 <= instance.start <= value:
        raise ValueError(f"a span runs from an offset >= 0 to one no smaller, not {instance.start}..{value}")


@frozen(order=True)
class Span:
    """A range of source offsets, ``start`` included, ``end`` excluded.

    Lines and columns are computed on demand by :class:`resolutions.source.SourceText`
    (lines 1-based, columns 0-based).
    """

    start: int
    end: int = field(validator=_check_span)

    @property
    def length(self) -> int:
        """The number of characters covered."""
        return self.end - self.start


NO_SPAN = Span(0, 0)


def _tuple(items: Iterable[Any]) -> tuple[Any, ...]:
    """Make children a tuple, whatever iterable they came as."""
    return tuple(items)


def _span() -> Any:
    return field(default=NO_SPAN, eq=False, repr=False)


def _children() -> Any:
    return field(default=(), converter=_tuple)


# ---------------------------------------------------------------------------------- inline


@frozen
class Text:
    """A run of plain text, with line breaks and runs of spaces reduced to single spaces."""

    text: str
    span: Span = _span()


@frozen
class Emphasis:
    """Italic, bold or bold-italic text (Markdown ``*``, ``**``, ``***``; HTML ``<i>``, ``<b>``)."""

    style: EmphasisStyle
    children: tuple[Inline, ...] = _children()
    span: Span = _span()


@frozen
class FootnoteRef:
    """A reference to a footnote, by its marker ("1", "*")."""

    marker: str
    span: Span = _span()


Inline = Text | Emphasis | FootnoteRef


@frozen
class VerbPhrase:
    """The phrase that opens a preambular or operative paragraph.

    Attributes:
        text: The phrase as written, markup removed: "Also welcomes", "Noting with deep concern".
        head: The lexicon phrase within it, as written, its adverbs left out: "welcomes",
            "Noting with deep concern", "Having heard" (of "Having also heard").
        modifiers: The adverbs around the head, as written: ("Also",), ("once again",).
        marking: How the document set it off: italic, bold, bold_italic, capitals or plain.
        guessed: The lexicon does not hold the phrase: it was guessed from its form and place
            ("Committed to ..." before the operative part). Not part of equality.
    """

    text: str
    head: str
    modifiers: tuple[str, ...] = _children()
    marking: Marking = "plain"
    span: Span = _span()
    guessed: bool = field(default=False, eq=False, repr=False)


# ---------------------------------------------------------------------------------- blocks


@frozen
class SubItem:
    """A sub-item of a paragraph: "(a) ...", "(i) ...", "(1) to ...", "- ...".

    Attributes:
        label: The label as written ("(a)", "(iv)", "-").
        content: The item's text.
        items: Nested sub-items.
    """

    label: str
    content: tuple[Inline, ...] = _children()
    items: tuple[SubItem, ...] = _children()
    span: Span = _span()
    parts: tuple[Span, ...] = field(default=(), converter=_tuple, eq=False, repr=False)


@frozen
class Paragraph:
    """A paragraph: preambular, operative, or plain narrative text.

    Attributes:
        kind: "preambular", "operative", or "paragraph" (narrative text, verb-less items).
        number: The number as written ("1.", "12."), or None.
        verb: The opening verb phrase of a preambular or operative paragraph.
        content: What follows the verb phrase (the whole text when there is none).
        items: Sub-items.
        parts: The source ranges of the paragraph's own text when page furniture or a footnote
            block cuts through it (not part of equality).
    """

    kind: Kind
    number: str | None = None
    verb: VerbPhrase | None = None
    content: tuple[Inline, ...] = _children()
    items: tuple[SubItem, ...] = _children()
    span: Span = _span()
    parts: tuple[Span, ...] = field(default=(), converter=_tuple, eq=False, repr=False)


@frozen
class Formula:
    """An opening formula: "The General Assembly,", "We, the Ministers ... ,"."""

    content: tuple[Inline, ...] = _children()
    span: Span = _span()
    parts: tuple[Span, ...] = field(default=(), converter=_tuple, eq=False, repr=False)


@frozen
class Preamble:
    """The opening formula and the preambular paragraphs."""

    formula: Formula | None = None
    paragraphs: tuple[Paragraph, ...] = _children()


@frozen
class Section:
    """A titled part of the body ("A. Demand reduction", "Achievements", an adopted declaration).

    Attributes:
        label: The section's label as written ("A.", "IV."), or None.
        heading: The heading text, markup removed.
        subtitle: A second heading line ("United to end tuberculosis: an urgent ..."), if any.
        level: Depth in the section tree, from 1.
        formula: The opening formula of a text adopted within the document, if any.
        children: Paragraphs and subsections.
        span: The range of the heading (each child has its own).
    """

    heading: str
    label: str | None = None
    subtitle: str | None = None
    level: int = 1
    formula: Formula | None = None
    children: tuple[Block, ...] = _children()
    span: Span = _span()


Block = Paragraph | Section


@frozen
class Annex:
    """An annex: its heading ("Annex", "Annex II"), its title and its content.

    Its span is the range of its heading and title (each child has its own).
    """

    heading: str
    title: str | None = None
    formula: Formula | None = None
    children: tuple[Block, ...] = _children()
    span: Span = _span()


@frozen
class Footnote:
    """A footnote body, with the marker its references use.

    Attributes:
        marker: "1", "*", "†".
        content: The footnote's text.
        repeats: Further places where the same footnote is printed again (WHO volumes repeat
            footnotes on every page); not part of equality.
        parts: The source ranges of its marker and text lines, which pdftotext may print apart.
    """

    marker: str
    content: tuple[Inline, ...] = _children()
    span: Span = _span()
    repeats: tuple[Span, ...] = field(default=(), converter=_tuple, eq=False, repr=False)
    parts: tuple[Span, ...] = field(default=(), converter=_tuple, eq=False, repr=False)


@frozen
class Title:
    """A title line: the document's title, or a subtitle ("United to end tuberculosis ...")."""

    text: str
    role: Literal["title", "subtitle"] = "title"
    span: Span = _span()


@frozen
class HeaderLine:
    """A line of the header block, with the field it fills ("other" when none)."""

    field: str
    text: str
    span: Span = _span()


@frozen
class Header:
    """The header block: who issued the document, when, and under which symbol.

    Attributes:
        organ: The principal organ ("General Assembly", "Security Council").
        body: The subsidiary body ("Commission on Narcotic Drugs").
        symbol: The document symbol ("A/RES/73/7", "S/RES/242 (1967)"), or the number a
            collection's head gives it ("12/CP.24" of "Decision 12/CP.24").
        kind: What the document is, when its head says so: "decision", "resolution",
            "recommendation", "declaration".
        distribution: "General", "Limited", "Restricted".
        date: The date of the document.
        original_language: "English".
        session: "Seventy-third session".
        place: "Vienna".
        agenda_item: "77", "13 (b)".
        adopted: The date of adoption, when the header states it apart from the document date.
        lines: Every header line, recognised or not.
    """

    organ: str | None = None
    body: str | None = None
    symbol: str | None = None
    kind: str | None = None
    distribution: str | None = None
    date: datetime.date | None = None
    original_language: str | None = None
    session: str | None = None
    place: str | None = None
    agenda_item: str | None = None
    adopted: datetime.date | None = None
    lines: tuple[HeaderLine, ...] = _children()

    @property
    def other(self) -> tuple[HeaderLine, ...]:
        """The header lines that fill no field."""
        return tuple(line for line in self.lines if line.field == "other")


#: The header's fields, in order (its ``lines`` aside): what serialisers and comparisons walk.
HEADER_FIELDS: tuple[str, ...] = tuple(a.name for a in attrs.fields(Header) if a.name != "lines")


@frozen
class Closing:
    """The closing lines: "28th plenary meeting / 29 October 2018", "Adopted at the 1382nd meeting."."""

    lines: tuple[str, ...] = _children()
    meeting: str | None = None
    date: datetime.date | None = None
    place: str | None = None
    span: Span = _span()


@frozen
class Furniture:
    """Page furniture kept apart from content: job numbers, page numbers, running headers ...

    Attributes:
        kind: "job_number", "barcode", "page_number", "date_code", "running_header", "rule",
            "markup", "recycle", "repeated_footnote", "editorial" (a note in another language,
            added by who republished the text) or "preface" (what stands before the first
            document of a collection).
        text: The text as written.
    """

    kind: str
    text: str
    span: Span = _span()


@frozen
class Diagnostic:
    """Something the parser noticed: a skipped number, an unresolved marker, a strange line.

    Attributes:
        severity: "error" (strict mode raises it), "warning" or "info".
        code: A stable identifier ("numbering-gap", "unresolved-footnote", ...).
        message: What was found.
        expected: What the parser expected instead, when that is known.
    """

    severity: Severity
    code: str
    message: str
    expected: str | None = None
    span: Span = _span()


# ---------------------------------------------------------------------------------- document


@frozen
class Document:
    """A parsed resolution or declaration.

    Attributes:
        header: The header block.
        titles: The title and subtitles, in document order.
        preamble: The opening formula and preambular paragraphs.
        body: Operative paragraphs, narrative paragraphs and sections.
        annexes: Annexes.
        footnotes: Footnote bodies, each once.
        closing: The closing lines.
        furniture: Page furniture, kept apart from content.
        diagnostics: What the parser noticed (not part of equality).
        source: The text parsed (not part of equality).
    """

    header: Header = field(factory=Header)
    titles: tuple[Title, ...] = _children()
    preamble: Preamble = field(factory=Preamble)
    body: tuple[Block, ...] = _children()
    annexes: tuple[Annex, ...] = _children()
    footnotes: tuple[Footnote, ...] = _children()
    closing: Closing | None = None
    furniture: tuple[Furniture, ...] = field(default=(), converter=_tuple, eq=False, repr=False)
    diagnostics: tuple[Diagnostic, ...] = field(default=(), converter=_tuple, eq=False, repr=False)
    source: str = field(default="", eq=False, repr=False)

    @property
    def title(self) -> str | None:
        """The document's title, or None."""
        return next((t.text for t in self.titles if t.role == "title"), None)

    def paragraphs(self) -> Iterator[Paragraph]:
        """Yield every paragraph in document order (preamble, body, annexes)."""
        from resolutions.records import iter_paragraphs

        return iter_paragraphs(self)

    def records(self) -> list[dict[str, Any]]:
        """Return one dict per paragraph and sub-item, in document order (see ``records``)."""
        from resolutions.records import records

        return records(self)

    def to_source(self) -> str:
        """Return the exact text this document was parsed from, rebuilt from its nodes."""
        from resolutions.serialise.source import to_source

        return to_source(self)

    def to_text(self) -> str:
        """Return the document in canonical UN plain-text layout (see :mod:`resolutions.serialise.text`)."""
        from resolutions.serialise.text import to_text

        return to_text(self)

    def to_markdown(self) -> str:
        """Return the document as canonical Markdown (see :mod:`resolutions.serialise.markdown`)."""
        from resolutions.serialise.markdown import to_markdown

        return to_markdown(self)

    def to_frame(self) -> pandas.DataFrame:
        """Return :meth:`records` as a pandas DataFrame (needs the ``pandas`` extra)."""
        from resolutions.serialise.frame import to_frame

        return to_frame(self)

    def to_dict(self) -> dict[str, Any]:
        """Return the whole tree as JSON-ready dicts, spans included (see ``resolutions.from_dict``)."""
        from resolutions.serialise.json import to_dict

        return to_dict(self)

    def to_json(self, **options: Any) -> str:
        """Return the whole tree as JSON; ``options`` go to :func:`json.dumps` (``indent=2`` ...)."""
        from resolutions.serialise.json import to_json

        return to_json(self, **options)

    def to_akn(self) -> str:
        """Return the document as Akoma Ntoso 3.0 XML (AKN4UN conventions; see ``resolutions.from_akn``)."""
        from resolutions.serialise.akn import to_akn

        return to_akn(self)

    def to_html(self, *, fragment: bool = False) -> str:
        """Return the document as a self-contained HTML page, or as an embeddable ``<div>``."""
        from resolutions.serialise.html import to_html

        return to_html(self, fragment=fragment)

    def _repr_html_(self) -> str:
        """Show the document in Jupyter: verbs marked, numbers, sections, linked footnotes."""
        return self.to_html(fragment=True)
