"""The public entry points: :func:`parse`, :func:`parse_file` and :func:`parse_html`. Wiring only."""

from __future__ import annotations

import contextlib
import gc
import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from resolutions.assemble import assemble, prepare
from resolutions.collection import Collection, Preface
from resolutions.detect import detect
from resolutions.errors import ParseError
from resolutions.grammar import Grammar, available_bodies, load_grammar
from resolutions.header import read_header
from resolutions.layout import mark_document_ends
from resolutions.lines import Line, rebase
from resolutions.nodes import Diagnostic, Document, Span
from resolutions.reading import Extracted, extract_file
from resolutions.recovery import read_lines
from resolutions.source import SourceText
from resolutions.split import split

if TYPE_CHECKING:
    from resolutions.grammar import Compiled


def parse(text: str, *, body: str | Grammar | None = None, strict: bool = False) -> Document:
    """Parse a resolution or declaration into a :class:`~resolutions.nodes.Document`.

    Args:
        text: The document: plain text, Markdown, or text extracted from a PDF.
        body: The body whose grammar to use: a registered name ("un"), a
            :class:`~resolutions.grammar.Grammar`, or None for the default.
        strict: Raise :class:`~resolutions.errors.ParseError` for the first problem found
            (a skipped number, an unresolved footnote, a strange line) instead of recording it
            in ``Document.diagnostics``.

    Returns:
        The document tree. ``doc.to_source()`` gives ``text`` back exactly.

    Raises:
        ParseError: In strict mode, when the document has a problem.
        UnknownBodyError: When no grammar is known for ``body``.

    Examples:
        >>> doc = parse("The General Assembly,\\n\\n1. Decides to remain seized of the matter.\\n")
        >>> doc.records()[0]["verb"]
        'Decides'
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes text (str), not {type(text).__name__}; use parse_file() for files")
    grammar, fits = _grammar_for(text, body)
    compiled = grammar.compiled()
    with quiet_collector(len(text)):
        lines, unread = prepared_lines(compiled, text, strict=strict)
        found = split(lines, compiled.conventions)
        # One document under a cover or a contents table is read as parse_all reads it; a text
        # of several is read whole, and the reader is told where the others start.
        preface = found.preface if len(found.starts) == 1 else 0
        heads = [lines[start] for start in found.starts[1:]]  # (assemble empties the list of lines)
        document = assemble(text, lines, compiled, annotated=True, preface=preface)
        if heads:
            document = _several(document, heads)
        if unread:
            document = _with_unread(document, unread, 0)
    document = _read_with(document, grammar, fits)
    if strict:
        _raise_first_error(document)
    return document


def parse_all(text: str, *, body: str | Grammar | None = None, strict: bool = False) -> Collection:
    """Parse a text that may hold several resolutions or decisions, one document each.

    A conference report holds its decisions one after another ("Decision 12/CP.24", its title,
    "The Conference of the Parties,", ...); an annual volume holds hundreds of resolutions. A
    text with one resolution gives a collection of one.

    Args:
        text: The text, as for :func:`parse`.
        body: The body whose grammar to use.
        strict: Raise on the first problem found in any document.

    Returns:
        The documents in order; the documents' sources end to end are ``text``.

    Examples:
        >>> docs = parse_all("The General Assembly,\\n\\n1. Decides to remain seized of the matter.\\n")
        >>> len(docs), docs[0].records()[0]["verb"]
        (1, 'Decides')
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_all() takes text (str), not {type(text).__name__}; use parse_all_file() for files")
    grammar, fits = _grammar_for(text, body)
    compiled = grammar.compiled()
    with quiet_collector(len(text)):
        lines, unread = prepared_lines(compiled, text, strict=strict)
        found = split(lines, compiled.conventions)
        bounds = [0, *found.starts[1:], len(lines)]  # the preface opens the first document
        if len(bounds) > 2:  # the notes closing each document but the last (its are the text's end)
            mark_document_ends(lines, list(itertools.pairwise(bounds))[:-1])
        documents = []
        offsets = []
        preface = None
        for number, (first, last) in enumerate(itertools.pairwise(bounds)):
            own = lines[first:last]
            start = own[0].start if own else len(text)
            end = min(len(text), own[-1].end) if own and last < len(lines) else len(text)
            rebase(own, start, own[0].page if own else 0)
            covered = found.preface if number == 0 else 0
            if covered:
                preface = _preface(text, own[:covered], compiled)
            document = assemble(text[start:end], own, compiled, annotated=True, preface=covered)
            if unread:
                document = _with_unread(document, [d for d in unread if start <= d.span.start < end], start)
            documents.append(_read_with(document, grammar, fits))
            offsets.append(start)
    if strict:
        for document in documents:
            _raise_first_error(document)
    return Collection(tuple(documents), offsets=tuple(offsets), preface=preface, source=text)


def parse_all_file(
    path: str | Path, *, body: str | Grammar | None = None, encoding: str = "utf-8", strict: bool = False
) -> Collection:
    """Read a file that may hold several documents and parse each (see :func:`parse_all`).

    The file is read as :func:`parse_file` reads it: text, PDF, web page or Word file.

    Examples:
        >>> import resolutions
        >>> docs = resolutions.parse_all_file(resolutions.examples()[2])
        >>> len(docs), docs[0].header.body
        (1, 'Commission on Narcotic Drugs')
    """
    extracted = extract_file(path, encoding=encoding)
    collection = parse_all(extracted.text, body=body, strict=strict)
    if not extracted.diagnostics or not collection.documents:
        return collection
    first, *rest = collection.documents
    return attrs.evolve(collection, documents=(_with_reader_diagnostics(first, extracted), *rest))


def parse_file(
    path: str | Path, *, body: str | Grammar | None = None, encoding: str = "utf-8", strict: bool = False
) -> Document:
    """Read a file and parse it (see :func:`parse`).

    The format is told from the file's bytes, then its name: a PDF (``%PDF-``) is read with
    :func:`resolutions.pdf.read_pdf` (the ``pdf`` extra), a Word file with
    :func:`resolutions.docx.read_docx` (the ``docx`` extra), a web page with
    :func:`resolutions.html.read_html` (the ``html`` extra), anything else as text. For those
    formats the document's source is the text the reader produced. See
    :func:`resolutions.reading.read_file` for how text is decoded and special files are read.

    Args:
        path: A text, Markdown, PDF, HTML or Word file (or a pipe, such as ``/dev/stdin``).
        body: The body whose grammar to use.
        encoding: The text encoding of a text file, or of a web page that does not say.
        strict: Raise on the first problem instead of recording it.

    Raises:
        FileReadError: The file cannot be read: a ``MissingFileError`` (a
            ``FileNotFoundError``), a ``DirectoryGivenError`` (an ``IsADirectoryError``), ...
        DecodeError: A text file that is not text in ``encoding`` (a ``UnicodeDecodeError``).
        ParseError: A PDF, web page or Word file that cannot be read, or (strict) a problem
            in the text.

    Examples:
        >>> import resolutions
        >>> doc = resolutions.parse_file(resolutions.examples()[2])
        >>> doc.header.body, doc.operative[0].verb.text
        ('Commission on Narcotic Drugs', 'Are fully aware')
    """
    extracted = extract_file(path, encoding=encoding)
    return _with_reader_diagnostics(parse(extracted.text, body=body, strict=strict), extracted)


def parse_html(markup: str | bytes, *, body: str | Grammar | None = None, strict: bool = False) -> Document:
    """Parse a web page holding a resolution (needs the ``html`` extra).

    The page's blocks (paragraphs, list items, headings, table cells) become the lines of the
    text the parser reads; the document's source is that text. See docs/html.md.

    Examples:
        >>> doc = parse_html("<p><i>The General Assembly</i>,</p><ol><li><i>Decides</i> to act.</li></ol>")
        >>> doc.records()[0]["verb"], doc.records()[0]["number"]
        ('Decides', '1')

    Args:
        markup: The page, as text or as bytes (whose encoding the page declares).
        body: The body whose grammar to use.
        strict: Raise on the first problem instead of recording it.
    """
    from resolutions.html import extract_html

    data = markup.encode("utf-8") if isinstance(markup, str) else markup
    extracted = extract_html(data, name="<html>")
    return _with_reader_diagnostics(parse(extracted.text, body=body, strict=strict), extracted)


def _with_reader_diagnostics(document: Document, extracted: Extracted) -> Document:
    if not extracted.diagnostics:
        return document
    diagnostics = sorted(document.diagnostics + extracted.diagnostics, key=lambda d: d.span.start)
    return attrs.evolve(document, diagnostics=tuple(diagnostics))


def _grammar_for(text: str, body: str | Grammar | None) -> tuple[Grammar, bool]:
    """Return the grammar asked for, or the one whose body's signs the text shows."""
    if body is not None:
        return load_grammar(body), True
    return detect(text)


def _several(document: Document, heads: list[Line]) -> Document:
    """Warn that the text holds more documents than the one it was read as."""
    first = heads[0]
    named = ", ".join(repr(line.plain().strip()[:40]) for line in heads[:3]) + (", ..." if len(heads) > 3 else "")
    warning = Diagnostic(
        "warning",
        "several-documents",
        f"the text holds {len(heads) + 1} documents, read here as one; the others start at {named}",
        "one document; parse_all() reads each document of a collection",
        Span(first.start, first.eol),
    )
    diagnostics = sorted((*document.diagnostics, warning), key=lambda d: d.span.start)
    return attrs.evolve(document, diagnostics=tuple(diagnostics))


def prepared_lines(compiled: Compiled, text: str, *, strict: bool = False) -> tuple[list[Line], list[Diagnostic]]:
    """Read the text's lines with the grammar and prepare them for the stages after it.

    Returns the prepared lines and the errors for lines the grammar could not read. The
    grammar's own lines, which ``prepare`` replaces, die on return: held to the end of a parse,
    they had raised its peak memory by a third.
    """
    read, unread = read_lines(compiled, text, strict=strict)
    return prepare(read, compiled, text), unread


def _with_unread(document: Document, unread: list[Diagnostic], start: int) -> Document:
    """Add the errors for lines the grammar could not read, their spans made the document's own."""
    moved = [attrs.evolve(d, span=Span(d.span.start - start, d.span.end - start)) for d in unread]
    diagnostics = sorted((*document.diagnostics, *moved), key=lambda d: d.span.start)
    return attrs.evolve(document, diagnostics=tuple(diagnostics))


def _read_with(document: Document, grammar: Grammar, fits: bool) -> Document:
    """Say which body's layer read the document, and that none fitted when none did."""
    diagnostics = document.diagnostics
    if not fits and document.source.strip():
        diagnostics += (
            Diagnostic(
                "info",
                "unknown-body",
                f"no body's signs were found in the text: read with the {grammar.name!r} layer",
                f"one of the bodies {', '.join(available_bodies())}",
                Span(0, 0),
            ),
        )
    return attrs.evolve(document, grammar=grammar.name, diagnostics=diagnostics)


#: From this size of text on, the collector is handed the new document (see quiet_collector).
HAND_OVER_SIZE = 1 << 17


@contextlib.contextmanager
def quiet_collector(size: int = 0) -> Iterator[None]:
    """Pause the garbage collector: the parser makes many small objects and no cycles.

    Also used around work that makes a document and drops it (a batch's table rows, made from
    each file's documents): the document then dies before the collector could walk it.

    Re-enabled, the collector would walk the whole new document at its next (young) round, a
    tenth of a second for a megabyte of short lines, and find nothing to free. So, after a
    large text, and unless something else has frozen objects, everything is handed to the
    oldest generation first (``gc.freeze()`` then ``gc.unfreeze()``, two list splices): the
    document is walked only by the full rounds, which are rare. The cost: the caller's own
    young objects are promoted too, so cyclic garbage among them waits for a full round. Small
    texts are left alone, since counting frozen objects walks them (7 ms a million, in a forked
    worker of a pool) and a small document's walk costs less than that.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            if size >= HAND_OVER_SIZE and not gc.get_freeze_count():
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def _preface(text: str, lines: list[Line], compiled: Compiled) -> Preface:
    """Read what stands before a collection's first document: its masthead's fields."""
    reading = read_header(lines, compiled.cells, compiled.conventions)
    span = Span(lines[0].start, lines[-1].end) if lines else Span(0, 0)
    return Preface(text[span.start : span.end], reading.header, span)


def _raise_first_error(document: Document) -> None:
    errors = [d for d in document.diagnostics if d.severity == "error"]
    if not errors:
        return
    first = errors[0]
    source = SourceText(document.source)
    line, column = source.position(first.span.start)
    raise ParseError(
        first.message,
        line=line,
        column=column,
        excerpt=source.excerpt(first.span.start) if document.source else "",
        expected=first.expected or "",
        hint=f"parse without strict=True to read the document anyway ({len(errors)} problem(s) found)",
    )
