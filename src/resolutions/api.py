"""The public entry points: :func:`parse` and :func:`parse_file`. Wiring only."""

from __future__ import annotations

import codecs
import contextlib
import gc
import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, cast

import lark

from resolutions.assemble import assemble, prepare
from resolutions.collection import Collection, Preface
from resolutions.errors import ParseError
from resolutions.grammar import Grammar, load_grammar
from resolutions.header import read_header
from resolutions.lines import Line, rebase
from resolutions.nodes import Document, Span
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

    Example:
        >>> doc = parse("The General Assembly,\\n\\n1. Decides to remain seized of the matter.\\n")
        >>> doc.records()[0]["verb"]
        'Decides'
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes text (str), not {type(text).__name__}; use parse_file() for files")
    compiled = load_grammar(body).compiled()
    with _quiet_collector():
        document = assemble(text, _lines(compiled, text), compiled)
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

    Example:
        >>> docs = parse_all("The General Assembly,\\n\\n1. Decides to remain seized of the matter.\\n")
        >>> len(docs), docs[0].records()[0]["verb"]
        (1, 'Decides')
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_all() takes text (str), not {type(text).__name__}; use parse_all_file() for files")
    compiled = load_grammar(body).compiled()
    with _quiet_collector():
        lines = prepare(_lines(compiled, text), compiled, text)
        found = split(lines)
        bounds = [0, *found.starts[1:], len(lines)]  # the preface opens the first document
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
            documents.append(assemble(text[start:end], own, compiled, annotated=True, preface=covered))
            offsets.append(start)
    if strict:
        for document in documents:
            _raise_first_error(document)
    return Collection(tuple(documents), offsets=tuple(offsets), preface=preface, source=text)


def parse_all_file(
    path: str | Path, *, body: str | Grammar | None = None, encoding: str = "utf-8", strict: bool = False
) -> Collection:
    """Read a file that may hold several documents and parse each (see :func:`parse_all`)."""
    return parse_all(read_text(path, encoding=encoding), body=body, strict=strict)


def parse_file(
    path: str | Path, *, body: str | Grammar | None = None, encoding: str = "utf-8", strict: bool = False
) -> Document:
    """Read a file and parse it (see :func:`parse`).

    A PDF (a ``.pdf`` name, or a file that starts with ``%PDF-``) is read with
    :func:`resolutions.pdf.read_pdf` (the ``pdf`` extra), and the document's source is the text
    that reader produced.

    Args:
        path: A text, Markdown or PDF file.
        body: The body whose grammar to use.
        encoding: The file's text encoding (not used for PDFs).
        strict: Raise on the first problem instead of recording it.
    """
    return parse(read_text(path, encoding=encoding), body=body, strict=strict)


def read_text(path: str | Path, *, encoding: str = "utf-8") -> str:
    """Return the text of a file: decoded as written, or extracted from a PDF."""
    from resolutions.pdf import is_pdf, read_pdf  # the PDF reader loads its library only when asked

    path = Path(path)
    if is_pdf(path):
        return read_pdf(path)
    try:
        # Decoded from bytes, not read in text mode: line ends stay as written ("\r\n" too), so
        # that to_source() gives back the file itself.
        data = path.read_bytes()
        if encoding == "utf-8" and data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
            encoding = "utf-16"  # Windows "Unicode" text, marked by its byte order mark
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ParseError(
            f"{path} is not {encoding} text (byte {exc.start} cannot be decoded)",
            expected=f"a text file in {encoding}",
            hint="pass encoding= (for example 'cp1252'), or extract the text first",
        ) from exc
    except LookupError as exc:
        expected = "an encoding Python knows, such as 'utf-8'"
        raise ParseError(f"unknown text encoding {encoding!r}", expected=expected) from exc
    except OSError as exc:
        raise ParseError(f"cannot read {path}: {exc.strerror or exc}") from exc
    return text


def _lines(compiled: Compiled, text: str) -> list[Line]:
    """Read the text's lines with the grammar (its builder makes lines, not a tree)."""
    # The grammar wants every line to end with a line break; the sentinel is never in a span
    # the document gives back.
    lexed = text if text.endswith("\n") else text + "\n"
    try:
        return cast("list[Line]", compiled.lark.parse(lexed))
    except lark.exceptions.LarkError as exc:  # the grammar is total: this is a grammar bug
        raise _from_lark(exc, text) from exc


@contextlib.contextmanager
def _quiet_collector() -> Iterator[None]:
    """Pause the garbage collector: the parser makes many small objects and no cycles."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _preface(text: str, lines: list[Line], compiled: Compiled) -> Preface:
    """Read what stands before a collection's first document: its masthead's fields."""
    reading = read_header(lines, compiled.cells)
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


def _from_lark(exc: lark.exceptions.LarkError, text: str) -> ParseError:
    line = getattr(exc, "line", 0) or 0
    column = max(0, (getattr(exc, "column", 1) or 1) - 1)
    expected = getattr(exc, "expected", None) or getattr(exc, "allowed", None) or ()
    offset = getattr(exc, "pos_in_stream", None)
    excerpt = SourceText(text).excerpt(min(offset, len(text))) if isinstance(offset, int) and text else ""
    return ParseError(
        f"the grammar could not read this text ({type(exc).__name__})",
        line=line,
        column=column,
        excerpt=excerpt,
        expected=", ".join(sorted(map(str, expected))) or "",
        hint="this is a bug in the grammar: please report it with the text",
    )
