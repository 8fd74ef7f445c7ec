"""The tables of a collection: their one schema, and the rows of a document or a failed file.

Six tables, keyed by ``(file, position)``: ``documents`` (one row per document), ``paragraphs``
(one row per paragraph and sub-item, as :meth:`Document.records`), ``footnotes``,
``citations`` (one row per citation, as :meth:`Document.citation_records`), ``diagnostics``
and ``errors`` (one row per file that gave no document). Every column has one
logical type whatever the data, so that pandas, Parquet and Dask agree (docs/tables.md).

The schema only grows: a column is never renamed, retyped or dropped without a new
:data:`SCHEMA_VERSION`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

import attrs

from resolutions.citations.tree import locate
from resolutions.inline import inline_text
from resolutions.nodes import Section
from resolutions.records import Row, collapse
from resolutions.records import rows as paragraph_rows

if TYPE_CHECKING:
    from resolutions.batch import Result
    from resolutions.nodes import Block, Document

#: Bumped when a column is renamed, retyped or dropped (never when one is added).
SCHEMA_VERSION = 1
#: The logical types: text, whole numbers and calendar dates. No lists: every column is flat, so
#: that pandas, Parquet, Dask, CSV and SQL databases all hold the same values the same way.
Type = Literal["string", "int", "date"]
#: Joins a section path into one text, as the CSV writer does (headings do not contain it).
SECTION_SEPARATOR = " > "
#: Rows of each table: tuples in the order of its columns.
Rows = dict[str, list[tuple[Any, ...]]]


@attrs.frozen
class Column:
    """A column of a table.

    Attributes:
        name: Its name.
        type: "string", "int" or "date".
        nullable: Whether it may be empty (None, ``pandas.NA``, Parquet null).
        description: What it holds.
    """

    name: str
    type: Type
    nullable: bool
    description: str


def _key() -> tuple[Column, ...]:
    return (
        Column("file", "string", False, "the file, as found from the paths given ('-' for standard input)"),
        Column("position", "int", False, "the document's place in its file, from 0"),
    )


def _counts(*names: str) -> tuple[Column, ...]:
    return tuple(Column(name, "int", False, f"number of {name.replace('_', ' ')}") for name in names)


#: Every table's columns, in order.
TABLES: dict[str, tuple[Column, ...]] = {
    "documents": (
        *_key(),
        Column("offset", "int", False, "where the document starts in the file's text (characters)"),
        Column("line", "int", False, "the file line the document starts on, from 1"),
        Column("symbol", "string", True, "document symbol: 'A/RES/73/7'"),
        Column("organ", "string", True, "principal organ: 'General Assembly'"),
        Column("body", "string", True, "subsidiary body: 'Commission on Narcotic Drugs'"),
        Column("date", "date", True, "the document's date"),
        Column("adopted", "date", True, "date of adoption, when stated apart from the date"),
        Column("session", "string", True, "'Seventy-third session'"),
        Column("agenda_item", "string", True, "'77', '13 (b)'"),
        Column("distribution", "string", True, "'General', 'Limited'"),
        Column("title", "string", True, "the title"),
        Column("formula", "string", True, "the opening formula: 'The General Assembly,'"),
        *_counts("preambular", "operative", "narrative", "items", "sections", "annexes", "footnotes"),
        Column("errors", "int", False, "diagnostics of severity 'error'"),
        Column("warnings", "int", False, "diagnostics of severity 'warning'"),
        Column("characters", "int", False, "length of the document's source text"),
        Column("citations", "int", False, "number of citations (see the citations table)"),
    ),
    "paragraphs": (
        *_key(),
        Column("index", "int", False, "the row's place among the document's records, from 0"),
        Column("kind", "string", False, "'preambular', 'operative', 'paragraph' or 'item'"),
        Column("number", "string", True, "the number without punctuation: '12', 'a'"),
        Column("label", "string", True, "the number as written: '12.', '(a)'"),
        Column("verb", "string", True, "the opening verb phrase: 'Strongly condemns'"),
        Column("verb_head", "string", True, "the lexicon phrase within it, adverbs left out: 'condemns'"),
        Column("marking", "string", True, "how the verb is set off: 'italic', 'bold', 'capitals', 'plain' ..."),
        Column("text", "string", False, "the whole text, verb phrase included, number and markup left out"),
        Column("section", "string", False, "the section (and annex) names above it, joined by ' > '; '' at top"),
        Column("parent", "int", True, "the index of the paragraph (or item) an item belongs to"),
        Column("footnotes", "string", False, "the footnote markers it references, separated by spaces"),
        Column("citations", "string", False, "what it cites, as citation keys separated by '; '"),
    ),
    "footnotes": (
        *_key(),
        Column("marker", "string", False, "'1', '*'"),
        Column("text", "string", False, "the footnote's text"),
    ),
    "citations": (
        *_key(),
        Column("record", "int", True, "the paragraphs row (index) that holds it; null in footnotes, titles ..."),
        Column("where", "string", False, "'paragraph', 'item', 'footnote', 'title', 'formula', 'heading', 'header'"),
        Column("paragraph", "string", True, "the number of the paragraph it belongs to, or a footnote's marker"),
        Column("verb", "string", True, "the verb phrase of the citing paragraph: 'Recalling', 'Welcomes'"),
        Column("kind", "string", False, "'resolution', 'decision', 'document' or 'article'"),
        Column("body", "string", True, "who issued what is cited: 'GA', 'SC', 'WHA' ...; an article's instrument"),
        Column("number", "string", False, "the number, normalised: '68/262', '242(1967)', 'A/73/L.5'"),
        Column("symbol", "string", True, "the official symbol, where a rule gives one: 'A/RES/68/262'"),
        Column("key", "string", False, "what names the cited text: the symbol, else body and number"),
        Column("date", "date", True, "the date printed with it"),
        Column("range", "string", True, "'from' or 'to' for the two ends of a range of resolutions"),
        Column("text", "string", False, "the citation as printed"),
        Column("line", "int", True, "the line in the file, from 1"),
    ),
    "diagnostics": (
        *_key(),
        Column("severity", "string", False, "'error', 'warning' or 'info'"),
        Column("code", "string", False, "a stable identifier: 'numbering-gap', 'unresolved-footnote' ..."),
        Column("message", "string", False, "what was found"),
        Column("expected", "string", True, "what was expected instead"),
        Column("line", "int", False, "the line in the file, from 1"),
        Column("column", "int", False, "the column, from 0"),
    ),
    "errors": (
        *_key(),
        Column("kind", "string", False, "'not-found', 'encoding', 'empty', 'pdf' ... (see Failure.kind)"),
        Column("message", "string", False, "what went wrong"),
    ),
}


def empty_rows() -> Rows:
    """Return a row list for each table, empty."""
    return {name: [] for name in TABLES}


def result_rows(result: Result, rows: Rows | None = None) -> Rows:
    """Add the rows of one result (a document, or a failed file) to ``rows`` and return them."""
    rows = empty_rows() if rows is None else rows
    if result.document is None:
        error = result.error
        kind, message = (error.kind, error.message) if error is not None else ("internal", "no document")
        rows["errors"].append((result.file, result.position, kind, message))
        return rows
    file, position = result.file, result.position
    document = result.document
    located = locate(document)  # once: the paragraphs' citation keys and the citations table
    citations = [(place, citation) for place in located for citation in place.citations]
    paragraphs = paragraph_rows(document)
    fields = _document_fields(document, paragraphs)
    rows["documents"].append((file, position, result.offset, result.line, *fields, len(citations)))
    cited = {p.record: "; ".join([c.key for c in p.citations]) for p in located if p.record is not None}
    joined: dict[tuple[str, ...], str] = {(): ""}
    table = rows["paragraphs"]
    for index, (kind, number, label, verb, text, path, parent, markers) in enumerate(paragraphs):
        section = joined.get(path)
        if section is None:
            section = joined[path] = SECTION_SEPARATOR.join(path)
        head = phrase = marking = None
        if verb is not None:
            phrase, head, marking = verb.phrase, verb.head, verb.marking
        footnotes = " ".join(markers) if markers else ""
        citing = cited.get(index, "")
        table.append(
            (
                file,
                position,
                index,
                kind,
                number,
                label,
                phrase,
                head,
                marking,
                text,
                section,
                parent,
                footnotes,
                citing,
            )
        )
    rows["footnotes"].extend((file, position, f.marker, collapse(inline_text(f.content))) for f in document.footnotes)
    lines = _Lines(document.source, result.line)
    for place, citation in citations:
        span = citation.span  # NO_SPAN, Span(0, 0), is the one span that ends at 0: no __ne__ call
        printed_on = lines.line(span.start) if span.end else None
        cited_fields = (citation.kind, citation.body, citation.number, citation.symbol, citation.key, citation.date)
        where = (place.record, place.where, place.paragraph, place.verb)
        rows["citations"].append((file, position, *where, *cited_fields, citation.range, citation.text, printed_on))
    for diagnostic in document.diagnostics:
        line, column = lines.position(diagnostic.span.start)
        fields = (diagnostic.severity, diagnostic.code, diagnostic.message, diagnostic.expected, line, column)
        rows["diagnostics"].append((file, position, *fields))
    return rows


class _Lines:
    """Lines and columns of offsets into a document's source, counted from the file's line ``first``.

    Most documents have a few citations and no diagnostic: counting line breaks up to each
    offset (at C speed, on from the last one asked) is cheaper than a table of every line's start.
    """

    def __init__(self, source: str, first: int) -> None:
        self.source = source
        self.offset = 0
        self.number = first  # the line of ``offset``

    def line(self, offset: int) -> int:
        if offset < self.offset:
            self.offset, self.number = 0, self.number - self.source.count("\n", 0, self.offset)
        self.number += self.source.count("\n", self.offset, offset)
        self.offset = offset
        return self.number

    def position(self, offset: int) -> tuple[int, int]:
        return self.line(offset), offset - (self.source.rfind("\n", 0, offset) + 1)


def _document_fields(document: Document, paragraphs: list[Row]) -> tuple[Any, ...]:
    header = document.header
    formula = document.preamble.formula
    kinds = [row[0] for row in paragraphs]  # list.count, four times at C speed, beats a Counter
    sections = _count_sections(document.body) + sum(_count_sections(a.children) for a in document.annexes)
    severities = [d.severity for d in document.diagnostics]
    return (
        header.symbol,
        header.organ,
        header.body,
        header.date,
        header.adopted,
        header.session,
        header.agenda_item,
        header.distribution,
        document.title,
        collapse(inline_text(formula.content)) if formula is not None else None,
        kinds.count("preambular"),
        kinds.count("operative"),
        kinds.count("paragraph"),
        kinds.count("item"),
        sections,
        len(document.annexes),
        len(document.footnotes),
        severities.count("error"),
        severities.count("warning"),
        len(document.source),
    )


def _count_sections(blocks: tuple[Block, ...]) -> int:
    """Count the sections among blocks, nested ones too (a loop: most blocks are paragraphs)."""
    count = 0
    for block in blocks:
        if isinstance(block, Section):
            count += 1 + _count_sections(block.children)
    return count
