"""The document tree: frozen, slotted attrs classes.

Every node carries the :class:`Span` of source text it came from. Spans are left out of
equality, so two documents with the same content compare equal whatever their layout. Children
are tuples; change a node with :func:`attrs.evolve`.

Node classes hold data only. Behaviour that reads a whole tree (records, serialisers) lives in
its own module and is offered on :class:`Document` as convenience methods, as pandas does.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Collection, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal

import attrs
from attrs import field, frozen

if TYPE_CHECKING:
    import pandas

    from resolutions.citations.model import Citation

Kind = Literal["preambular", "operative", "paragraph"]
Marking = Literal["italic", "bold", "bold_italic", "capitals", "plain"]
EmphasisStyle = Literal["italic", "bold", "bold_italic"]
Severity = Literal["error", "warning", "info"]


@frozen(order=True, init=False)
class Span:
    """A range of source offsets, ``start`` included, ``end`` excluded.

    Lines and columns are computed on demand by :class:`resolutions.source.SourceText`
    (lines 1-based, columns 0-based).
    """

    start: int
    end: int

    def __init__(self, start: int, end: int) -> None:
        # Written out, not attrs' own: spans are the most made objects of a parse (one per line
        # of a paragraph at least), and attrs' frozen __init__ and validator cost 60% more.
        if not 0 <= start <= end:
            raise ValueError(f"a span runs from an offset >= 0 to one no smaller, not {start}..{end}")
        _set_start(self, start)
        _set_end(self, end)

    @property
    def length(self) -> int:
        """The number of characters covered."""
        return self.end - self.start


# The slots' own setters: a frozen class's __setattr__ refuses, and object.__setattr__ is slower.
_set_start = Span.__dict__["start"].__set__
_set_end = Span.__dict__["end"].__set__


NO_SPAN = Span(0, 0)


# Make children a tuple, whatever iterable they came as: the builtin itself at run time (a
# converter runs for every node, and a function around it is one more call each time).
if TYPE_CHECKING:

    def _tuple(items: Iterable[Any]) -> tuple[Any, ...]: ...

else:
    _tuple = tuple


def _span() -> Any:
    return field(default=NO_SPAN, eq=False, repr=False)


def _children() -> Any:
    return field(default=(), converter=_tuple)


def _plain(content: tuple[Inline, ...]) -> str:
    """Return inline content as plain text with single spaces, as records give it."""
    from resolutions.inline import inline_text

    return " ".join(inline_text(content).split())


class Node:
    """What every node of the tree shares: a one-line ``repr``, never the whole tree.

    ``repr(node)`` names the node's class and what identifies it (kind, number, verb phrase,
    first words; counts for a document), so that a bare ``doc`` or ``paragraph`` at a prompt
    reads at a glance; :mod:`resolutions.display` writes it. rich's pretty printer, which walks
    attrs classes field by field and would print every node, gets the same summary through
    ``__rich_repr__``. For the whole tree, use ``doc.to_json(indent=2)`` or ``attrs.asdict``.

    Node classes are ``@frozen(repr=False)`` subclasses of ``Node``, so that this repr is theirs.
    """

    __slots__ = ()

    def __repr__(self) -> str:
        from resolutions.display import short_repr

        return short_repr(self)

    def __rich_repr__(self) -> Iterator[Any]:
        from resolutions.display import summary

        for key, value in summary(self):
            yield value if key is None else (key, value)

    __rich_repr__.angular = True  # type: ignore[attr-defined]  # rich's <Class ...> form


# ---------------------------------------------------------------------------------- inline


@frozen(repr=False)
class Text(Node):
    """A run of plain text, with line breaks and runs of spaces reduced to single spaces."""

    text: str
    span: Span = _span()


@frozen(repr=False)
class Emphasis(Node):
    """Italic, bold or bold-italic text (Markdown ``*``, ``**``, ``***``; HTML ``<i>``, ``<b>``)."""

    style: EmphasisStyle
    children: tuple[Inline, ...] = _children()
    span: Span = _span()

    @property
    def text(self) -> str:
        """The emphasised text, markup and footnote references left out."""
        return _plain(self.children)


@frozen(repr=False)
class FootnoteRef(Node):
    """A reference to a footnote, by its marker ("1", "*")."""

    marker: str
    span: Span = _span()


Inline = Text | Emphasis | FootnoteRef


@frozen(repr=False)
class VerbPhrase(Node):
    """The phrase that opens a preambular or operative paragraph.

    Attributes:
        text: The phrase as written, markup removed: "Also welcomes", "Noting with deep concern".
        head: The lexicon phrase within it, as written, its adverbs left out: "welcomes",
            "Noting with deep concern", "Having heard" (of "Having also heard").
        modifiers: The adverbs around the head, as written: ("Also",), ("once again",).
        marking: How the document set it off: italic, bold, bold_italic, capitals or plain.
        guessed: The lexicon does not hold the phrase: it was guessed from its form and place
            ("Committed to ..." before the operative part). Not part of equality.
        subject: The body named as the subject before the verb, where a body writes so ("The
            Assembly" of "The Assembly strongly condemns"); ``text`` begins with it.
    """

    text: str
    head: str
    modifiers: tuple[str, ...] = _children()
    marking: Marking = "plain"
    span: Span = _span()
    guessed: bool = field(default=False, eq=False, repr=False)
    subject: str | None = None

    @property
    def phrase(self) -> str:
        """The phrase without its subject: "strongly condemns" of "The Assembly strongly condemns"."""
        if self.subject is None or not self.text.startswith(self.subject):
            return self.text
        return self.text[len(self.subject) :].lstrip(" ,")


# ---------------------------------------------------------------------------------- blocks


@frozen(repr=False)
class SubItem(Node):
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

    @property
    def number(self) -> str | None:
        """The label without its punctuation, as in :meth:`Document.records`: "a" of "(a)"; None of a bullet."""
        from resolutions.records import bare_number

        return bare_number(self.label)

    @property
    def text(self) -> str:
        """The item's text, as in :meth:`Document.records`: markup and nested items left out."""
        return _plain(self.content)


@frozen(repr=False)
class Paragraph(Node):
    """A paragraph: preambular, operative, or plain narrative text.

    Its ``label`` is the number as written ("12."), its ``number`` the bare number ("12"), and
    its ``text`` the whole text with the verb phrase: the ``label``, ``number`` and ``text`` of
    the paragraph's row in :meth:`Document.records`.

    Examples:
        >>> import resolutions
        >>> doc = resolutions.parse("The Security Council,\\n\\n12. *Decides* to remain seized of the matter.\\n")
        >>> paragraph = doc.operative[0]
        >>> paragraph.label, paragraph.number, paragraph.verb.text, paragraph.text
        ('12.', '12', 'Decides', 'Decides to remain seized of the matter.')
        >>> paragraph
        <Paragraph operative 12. verb='Decides' text='Decides to remain seized of the matter.'>

    Attributes:
        kind: "preambular", "operative", or "paragraph" (narrative text, verb-less items).
        label: The number as written ("1.", "12."), or None. (The JSON format keeps it under
            the key ``"number"``, as written, so that files written before the rename still read.)
        verb: The opening verb phrase of a preambular or operative paragraph.
        content: What follows the verb phrase (the whole text when there is none).
        items: Sub-items.
        parts: The source ranges of the paragraph's own text when page furniture or a footnote
            block cuts through it (not part of equality).
    """

    kind: Kind
    label: str | None = None
    verb: VerbPhrase | None = None
    content: tuple[Inline, ...] = _children()
    items: tuple[SubItem, ...] = _children()
    span: Span = _span()
    parts: tuple[Span, ...] = field(default=(), converter=_tuple, eq=False, repr=False)

    @property
    def number(self) -> str | None:
        """The number without its punctuation ("12" of "12.", "a" of "(a)"), or None."""
        from resolutions.records import bare_number

        return bare_number(self.label)

    @property
    def text(self) -> str:
        """The whole text, verb phrase included, number, markup and sub-items left out, spaces single."""
        from resolutions.records import paragraph_text

        return paragraph_text(self)


@frozen(repr=False)
class Formula(Node):
    """An opening formula: "The General Assembly,", "We, the Ministers ... ,"."""

    content: tuple[Inline, ...] = _children()
    span: Span = _span()
    parts: tuple[Span, ...] = field(default=(), converter=_tuple, eq=False, repr=False)

    @property
    def text(self) -> str:
        """The formula's text, markup left out: "The General Assembly,"."""
        return _plain(self.content)


@frozen(repr=False)
class Preamble(Node):
    """The opening formula, the preambular paragraphs, and the formula that closes them.

    Attributes:
        formula: The opening formula ("The General Assembly,").
        paragraphs: The preambular paragraphs.
        enacting: A line that closes the preamble and opens the operative part, where a body
            writes one ("RESOLVES:", the Organization of American States).
    """

    formula: Formula | None = None
    paragraphs: tuple[Paragraph, ...] = _children()
    enacting: Formula | None = None


@frozen(repr=False)
class Section(Node):
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

    @property
    def name(self) -> str:
        """The label and heading as printed ("A. Demand reduction"): a row's ``section`` in records."""
        return " ".join(part for part in (self.label, self.heading) if part)

    def paragraphs(self) -> Iterator[Paragraph]:
        """Yield the section's paragraphs in order, those of its subsections included."""
        from resolutions.records import iter_blocks

        return iter_blocks(self.children)


Block = Paragraph | Section


@frozen(repr=False)
class Annex(Node):
    """An annex: its heading ("Annex", "Annex II"), its title and its content.

    Its span is the range of its heading and title (each child has its own).
    """

    heading: str
    title: str | None = None
    formula: Formula | None = None
    children: tuple[Block, ...] = _children()
    span: Span = _span()

    @property
    def name(self) -> str:
        """The heading ("Annex II"): the first name in the ``section`` of its rows in records."""
        return self.heading

    def paragraphs(self) -> Iterator[Paragraph]:
        """Yield the annex's paragraphs in order, those of its sections included."""
        from resolutions.records import iter_blocks

        return iter_blocks(self.children)


@frozen(repr=False)
class Footnote(Node):
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

    @property
    def text(self) -> str:
        """The footnote's text, markup left out, spaces single."""
        return _plain(self.content)


@frozen(repr=False)
class Title(Node):
    """A title line: the document's title, or a subtitle ("United to end tuberculosis ...")."""

    text: str
    role: Literal["title", "subtitle"] = "title"
    span: Span = _span()


@frozen(repr=False)
class HeaderLine(Node):
    """A line of the header block, with the field it fills ("other" when none)."""

    field: str
    text: str
    span: Span = _span()


@frozen(repr=False)
class Header(Node):
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


@frozen(repr=False)
class Closing(Node):
    """The closing lines: "28th plenary meeting / 29 October 2018", "Adopted at the 1382nd meeting."."""

    lines: tuple[str, ...] = _children()
    meeting: str | None = None
    date: datetime.date | None = None
    place: str | None = None
    span: Span = _span()


@frozen(repr=False)
class Furniture(Node):
    """Page furniture kept apart from content: job numbers, page numbers, running headers ...

    Attributes:
        kind: "job_number", "barcode", "page_number", "date_code", "running_header", "rule",
            "markup" (HTML layout tags, and HTML comments on lines of their own),
            "page_separator" (a converter's line between pages: ``--- [page 2](x.pdf) ---``),
            "recycle", "repeated_footnote", "editorial" (a note in another language,
            added by who republished the text), "front_matter" (a line of the metadata block
            at the top of a Markdown file, between "---" lines) or "preface" (what stands before
            the first document of a collection).
        text: The text as written.
    """

    kind: str
    text: str
    span: Span = _span()


@frozen(repr=False)
class Diagnostic(Node):
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


@frozen(repr=False)
class Document(Node):
    """A parsed resolution or declaration.

    Made by :func:`resolutions.parse` and its siblings; the methods below select its
    paragraphs and write it out in other formats.

    Examples:
        >>> import resolutions
        >>> doc = resolutions.parse(
        ...     "The General Assembly,\\n\\nRecalling its resolution 72/3,\\n\\n1. Decides to act.\\n"
        ... )
        >>> doc
        <Document 'The General Assembly,' preambular=1 operative=1>
        >>> doc.header.organ, [p.verb.text for p in doc.paragraphs()]
        ('General Assembly', ['Recalling', 'Decides'])
        >>> doc.to_source() == doc.source
        True

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
        grammar: The name of the body whose layer read it ("un", "oas"): the one asked for,
            or the one detected (not part of equality).
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
    grammar: str | None = field(default=None, eq=False, repr=False)

    @property
    def title(self) -> str | None:
        """The document's title, or None."""
        return next((t.text for t in self.titles if t.role == "title"), None)

    def paragraphs(self) -> Iterator[Paragraph]:
        """Yield every paragraph in document order (preamble, body, annexes)."""
        from resolutions.records import iter_paragraphs

        return iter_paragraphs(self)

    @property
    def preambular(self) -> tuple[Paragraph, ...]:
        """The preambular paragraphs, in document order (those of annexes included)."""
        return self.find("preambular")

    @property
    def operative(self) -> tuple[Paragraph, ...]:
        """The operative paragraphs, in document order (those of sections and annexes included)."""
        return self.find("operative")

    @property
    def sections(self) -> tuple[Section, ...]:
        """Every section at any depth, in document order (those of annexes included)."""
        from resolutions.selection import sections

        return sections(self)

    def find(
        self,
        kind: str | Collection[str] | None = None,
        *,
        verb: str | re.Pattern[str] | None = None,
        text: str | re.Pattern[str] | None = None,
        section: str | re.Pattern[str] | None = None,
        where: Callable[[Paragraph], bool] | None = None,
    ) -> tuple[Paragraph, ...]:
        """Return the paragraphs that meet every condition given, in document order.

        Strings match whatever the case; a compiled regular expression is searched for.
        See :func:`resolutions.selection.find` for each condition.

        Examples:
            >>> import resolutions
            >>> doc = resolutions.parse(
            ...     "The General Assembly,\\n\\nRecalling its resolution 72/3,\\n\\n"
            ...     "1. Welcomes the report;\\n\\n2. Also decides to act on climate;\\n\\n"
            ...     "3. Decides to remain seized.\\n"
            ... )
            >>> [p.number for p in doc.find(verb="decides")]
            ['2', '3']
            >>> [p.number for p in doc.find("operative", text="climate")]
            ['2']
            >>> doc.find(where=lambda p: p.verb is not None and p.verb.text.startswith("Recall"))
            (<Paragraph preambular verb='Recalling' text='Recalling its resolution 72/3,'>,)

        Args:
            kind: "preambular", "operative" or "paragraph", or several of them.
            verb: The verb phrase or its head ("decides" finds "Also decides").
            text: Words in the paragraph's text (verb phrase included).
            section: Words in the name of a section or annex the paragraph stands in.
            where: Any other condition, as a function of the paragraph.
        """
        from resolutions.selection import find

        return find(self, kind, verb=verb, text=text, section=section, where=where)

    def records(self) -> list[dict[str, Any]]:
        """Return one dict per paragraph and sub-item, in document order (see ``records``)."""
        from resolutions.records import records

        return records(self)

    def citations(self) -> list[Citation]:
        """Return every reference to another resolution, decision, document or article, in order.

        See :mod:`resolutions.citations`: titles, paragraphs and sub-items, then footnotes.
        """
        from resolutions.citations.tree import document_citations

        return document_citations(self)

    def citation_records(self) -> list[dict[str, Any]]:
        """Return one dict per citation, with who cites it where and how (see ``citation_records``)."""
        from resolutions.citations.tree import citation_records

        return citation_records(self)

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

    def to_csv(self, table: Literal["paragraphs", "citations"] = "paragraphs") -> str:
        """Return :meth:`records` (or, with ``table="citations"``, the citations) as CSV text.

        A header row, then one row per paragraph and sub-item; lists are joined (see
        :mod:`resolutions.serialise.table`). Needs nothing beyond the standard library.
        """
        from resolutions.serialise.table import to_csv

        return to_csv(self, table)

    def to_frame(self, table: Literal["paragraphs", "citations"] = "paragraphs") -> pandas.DataFrame:
        """Return :meth:`records` (or, with ``table="citations"``, :meth:`citation_records`) as a pandas DataFrame.

        Needs the ``pandas`` extra.
        """
        from resolutions.serialise.frame import to_frame

        return to_frame(self, table)

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
