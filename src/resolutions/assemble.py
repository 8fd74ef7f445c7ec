"""From lines to a :class:`~resolutions.nodes.Document`: the stages in order.

1. layout: each line's role (content, furniture, footnote, ...);
2. header: the header block at the top;
3. footnotes: footnote bodies, so that references to them can be found;
4. blocks: content lines grouped into paragraphs;
5. front matter: titles;
6. body: formula, preamble, operative part, sections, annexes, closing;
7. checks: diagnostics.
"""

from __future__ import annotations

import operator
import re
from typing import TYPE_CHECKING

import attrs

from resolutions.blocks import Block, group, markup_apart
from resolutions.body import BodyReader
from resolutions.cells import split_table_rows
from resolutions.conventions import Conventions
from resolutions.footnotes import NoteRecord, ReferenceOrder, read_footnotes, split_references
from resolutions.front import Front, organ_of_formula, read_front
from resolutions.header import read_header
from resolutions.inline import REFERENCES, inline_markers, inline_text, to_inline
from resolutions.layout import LAYOUT_ROLES, annotate
from resolutions.limits import MAX_EMPHASIS_DEPTH, TOO_DEEP
from resolutions.lines import FURNITURE, Line
from resolutions.nodes import (
    Diagnostic,
    Document,
    Footnote,
    Formula,
    Furniture,
    Header,
    HeaderLine,
    Paragraph,
    Section,
    Span,
)
from resolutions.records import iter_paragraphs
from resolutions.runin import HeadsAndFormulas, split_run_ins
from resolutions.serialise.source import uncovered
from resolutions.split import decision_opening

if TYPE_CHECKING:
    from resolutions.grammar import Compiled

_FURNITURE_KINDS = {
    "JOB_NUMBER": "job_number",
    "BARCODE": "barcode",
    "PAGE_NUMBER": "page_number",
    "DATECODE": "date_code",
    "RECYCLE": "recycle",
}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")
#: The same characters, for a first look: one substring search per character is many times
#: faster than the character class over a whole document.
_CONTROL_CHARS = [*map(chr, [*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F, 0xFFFD])]


def assemble(
    source: str, lines: list[Line], compiled: Compiled, *, annotated: bool = False, preface: int = 0
) -> Document:
    """Build the document from the grammar's lines.

    Args:
        source: The document's text.
        lines: Its lines, as the grammar read them. The list is emptied: each line is let go
            once the body reader is done with it.
        compiled: The grammar.
        annotated: The layout stage has already set the lines' roles (a file of many documents
            is laid out as a whole, then cut).
        preface: How many lines at the top belong to no document (a collection's cover and
            contents): they are kept as furniture.
    """
    if not annotated:
        given = lines
        lines = prepare(lines, compiled, source)
        given.clear()  # prepare made a new list of the same lines (and more)
    for line in lines[:preface]:
        line.role = "preface"
    reading = read_header(lines[preface:], compiled.cells, compiled.conventions)
    for index in reading.used:
        lines[preface + index].role = "header"
    notes = read_footnotes(lines)
    blocks = markup_apart(group(lines, compiled.phrase_starts))
    if not _has_markup_references(lines):
        _split_bare_references(blocks, notes)
    front = read_front(
        blocks, reading.title_cells, reading.header.organ is not None, bool(reading.used), compiled.conventions.organs
    )
    body_start = blocks[front.consumed].first.start if front.consumed < len(blocks) else len(source)
    _symbol_in_front(lines, reading.header, front, body_start)
    title = next((t.text for t in front.titles if t.role == "title"), None)
    # What reads the lines is done before the body: the body reader lets each block go once it
    # is read, so that a long document's lines are not all held with all of its nodes.
    too_deep: list[Span] = []
    footnotes, repeats = _footnotes(notes, too_deep)
    furniture = _furniture(lines, repeats, source, preface)
    line_problems = _check_lines(lines, source)
    body_blocks = blocks[front.consumed :]
    del notes, repeats, blocks
    lines.clear()
    body = BodyReader(compiled.verbs, title, compiled.conventions).read(body_blocks)
    formula = body.preamble.formula or _first_formula(body.blocks)
    header = _complete_header(reading.header, front, formula, compiled.conventions)
    if formula is None:
        header = _decision_header(header, body.blocks, compiled.conventions.organs)
    document = Document(
        header=header,
        titles=tuple(front.titles),
        preamble=body.preamble,
        body=body.blocks,
        annexes=body.annexes,
        footnotes=footnotes,
        closing=body.closing,
        furniture=furniture,
        source=source,
    )
    unplaced = _unplaced(document)
    if unplaced:
        furniture = tuple(sorted(document.furniture + tuple(unplaced), key=lambda f: f.span.start))
        document = attrs.evolve(document, furniture=furniture)
    diagnostics = body.diagnostics + _check_references(document) + line_problems
    message = f"emphasis nests more than {MAX_EMPHASIS_DEPTH} deep: the deeper markup is read as text"
    diagnostics += [Diagnostic("warning", TOO_DEEP, message, "shallower emphasis", span) for span in too_deep]
    diagnostics += [
        Diagnostic("error", "unrecognised-line", f"no place in the document for {f.text.strip()[:60]!r}", None, f.span)
        for f in unplaced
    ]
    diagnostics.sort(key=_SPAN_START)
    return attrs.evolve(document, diagnostics=tuple(diagnostics))


def prepare(lines: list[Line], compiled: Compiled, source: str) -> list[Line]:
    """Lay the lines out (roles, pages) and give each run-in paragraph a line of its own."""
    if "|" in source:
        split_table_rows(lines, compiled.cells)
    annotate(lines, source)
    heads = HeadsAndFormulas(compiled.formula, compiled.cells)
    return split_run_ins(lines, source, compiled.inline, compiled.verbs, compiled.phrase_starts, heads)


def _unplaced(document: Document) -> list[Furniture]:
    """Keep, as "unplaced" furniture, any text that no node took (and say so in a diagnostic)."""
    out = []
    for offset, text in uncovered(document):
        start = offset + len(text) - len(text.lstrip())
        end = offset + len(text.rstrip())
        out.append(Furniture("unplaced", document.source[start:end], Span(start, end)))
    return out


def _symbol_in_front(lines: list[Line], header: Header, front: Front, body_start: int) -> None:
    """Take a symbol printed alone among the titles ("ACHPR/Res.345 (LVIII) 2016") as the header's."""
    if header.symbol is not None:
        return
    for line in lines:
        if line.start >= body_start:
            return
        if line.role == "symbol":
            line.role = "header"
            symbol = line.plain()
            front.symbol = symbol
            front.header_lines.append(HeaderLine("symbol", symbol, Span(line.content_start, line.eol)))
            return


def _has_markup_references(lines: list[Line]) -> bool:
    """Tell text whose references are marked up (Markdown, HTML, superscripts) from bare digits."""
    for line in lines:  # (loops, not a generator: they run over every piece of the text)
        if line.kind == "footnote":
            return True
        for piece in line.pieces:
            if piece.kind in _MARKED_REFERENCES:
                return True
    return False


def _split_bare_references(blocks: list[Block], notes: list[NoteRecord]) -> None:
    order = ReferenceOrder({note.marker for note in notes})
    for block in blocks:
        for line in block.lines:
            line.pieces = split_references(line.pieces, order)


def _complete_header(header: Header, front: Front, formula: object, conventions: Conventions) -> Header:
    """Fill header fields that the front matter or the opening formula tell."""
    changes: dict[str, object] = {}
    organ = getattr(front, "organ", None)
    if header.organ is None and organ:
        changes["organ"] = organ
    elif header.organ is None and formula is not None:
        named = organ_of_formula(inline_text(formula.content))  # type: ignore[attr-defined]
        if named:
            changes["organ"] = named
            if header.body == named:  # "Conference of the Parties" above the formula that names it
                changes["body"] = None
    for field in ("place", "date", "symbol", "kind", "adopted"):
        value = getattr(front, field, None)
        if getattr(header, field) is None and value is not None:
            changes[field] = value
    organ = changes.get("organ", header.organ)
    named = organ if isinstance(organ, str) else None
    kind = changes.get("kind", header.kind)
    symbol = changes.get("symbol", header.symbol)
    stated = kind if isinstance(kind, str) else None
    number = symbol if isinstance(symbol, str) else _number_line(header, front) if symbol is None else None
    # "Resolution 242 (1967)" of the Security Council is S/RES/242 (1967); "73/7." in the General
    # Assembly's volumes is A/RES/73/7; a number no rule makes a symbol is the document's symbol
    # ("52/101", a decision of the Human Rights Council, is cited so).
    if number is not None and ((ruled := conventions.symbol(number, named, stated)) != number or symbol is None):
        changes["symbol"] = ruled
    extra = tuple(getattr(front, "header_lines", ()))
    if extra:
        changes["lines"] = header.lines + extra
    return attrs.evolve(header, **changes) if changes else header  # type: ignore[arg-type]


def _decision_header(header: Header, blocks: tuple[Paragraph | Section, ...], organs: tuple[str, ...]) -> Header:
    """Fill the header from a decision's opening sentence, where there is no formula.

    "At its 65th plenary meeting, on 10 December 2018, the General Assembly ... decided": the
    document is a decision, of that organ, adopted that day; its number is its symbol. "The
    Executive Board, having considered ..., decided" names the organ (one of ``organs``).
    """
    first = next((block for block in blocks if isinstance(block, Paragraph)), None)
    opening = decision_opening(first.text, organs, whole=True) if first is not None else None
    if opening is None:
        return header
    organ, adopted = opening
    number = _number_line(header, Front()) if header.symbol is None else None
    values = {"kind": "decision", "organ": organ, "adopted": adopted, "symbol": number}
    changes = {field: value for field, value in values.items() if value is not None and getattr(header, field) is None}
    return attrs.evolve(header, **changes) if changes else header  # type: ignore[arg-type]


def _number_line(header: Header, front: Front) -> str | None:
    """Return the number printed before a title ("73/7."), if the header or the titles hold one."""
    lines = (*header.lines, *front.header_lines)
    return next((line.text.strip().rstrip(".") for line in lines if line.field == "number"), None)


def _first_formula(blocks: tuple[Paragraph | Section, ...]) -> Formula | None:
    """Return the formula of the first part of a resolution in parts ("A" / "The General Assembly,")."""
    for block in blocks:
        if isinstance(block, Section):
            return block.formula or _first_formula(block.children)
    return None


def _footnotes(notes: list[NoteRecord], too_deep: list[Span]) -> tuple[tuple[Footnote, ...], list[Span]]:
    """Make footnote nodes, each marker and text once; return the ranges of repeated copies' lines."""
    footnotes: list[Footnote] = []
    seen: dict[tuple[str, str], int] = {}
    repeats: dict[int, list[Span]] = {}  # gathered first: a tuple grown copy by copy is quadratic
    repeated: list[Span] = []
    for note in notes:
        key = (note.marker, note.text())
        parts = [Span(line.content_start, line.eol) for line in note.lines]
        if len(parts) > 1:
            parts.sort()
        if key in seen:
            repeats.setdefault(seen[key], []).extend(parts)
            repeated.extend(parts)
            continue
        seen[key] = len(footnotes)
        body = [piece for piece in note.pieces if piece.kind not in REFERENCES or piece.kind == "SUP_MARK"]
        span = Span(parts[0].start, parts[-1].end) if parts else Span(0, 0)
        footnotes.append(Footnote(note.marker, to_inline(body, too_deep), span, parts=tuple(parts)))
    for index, spans in repeats.items():
        footnotes[index] = attrs.evolve(footnotes[index], repeats=spans)
    return tuple(footnotes), repeated


#: Pieces that are marked-up references.
_MARKED_REFERENCES = frozenset({"SUP_MARK", "MD_NOTE_REF", "SUPERSCRIPT"})
#: Where a node or a diagnostic starts, to sort by.
_SPAN_START = operator.attrgetter("span.start")


def _furniture(lines: list[Line], repeated: list[Span], source: str, preface: int = 0) -> tuple[Furniture, ...]:
    out: list[Furniture] = []
    if preface:
        span = Span(lines[0].start, lines[preface - 1].end)
        out.append(Furniture("preface", source[span.start : span.end], span))
    for line in lines[preface:]:
        if line.role not in ("furniture", "symbol", *LAYOUT_ROLES):
            continue
        span = Span(line.content_start, line.eol)
        text = source[span.start : span.end]
        kinds = [_FURNITURE_KINDS[p.kind] for p in line.pieces if p.kind in FURNITURE]
        if line.role == "furniture" and kinds:
            kind = kinds[0]
        elif line.role in LAYOUT_ROLES:
            kind = line.role
        elif line.kind == "rule":
            kind = "rule"
        else:
            kind = "running_header"
        out.append(Furniture(kind, text, span))
    for span in repeated:
        out.append(Furniture("repeated_footnote", source[span.start : span.end], span))
    out.sort(key=_SPAN_START)
    return tuple(out)


def _check_references(document: Document) -> list[Diagnostic]:
    """Report references to footnotes that the document does not print."""
    markers = {note.marker for note in document.footnotes}
    out = []
    for paragraph in iter_paragraphs(document):
        for marker in inline_markers(paragraph.content):
            if marker not in markers:
                out.append(
                    Diagnostic(
                        "error",
                        "unresolved-footnote",
                        f"footnote reference {marker!r} has no footnote",
                        f"a footnote marked {marker!r}",
                        paragraph.span,
                    )
                )
    return out


def _check_lines(lines: list[Line], source: str) -> list[Diagnostic]:
    """Report control characters (binary junk) and an empty document.

    Lines in a row that hold control characters are one report, at the first of them: a block
    of binary junk is one problem to look at, not one per line (and a text of junk lines is
    not made twice as slow by its reports).
    """
    out = []
    if not source or source.isspace():  # (not source.strip(): a copy of the whole text)
        out.append(Diagnostic("error", "empty-document", "the text holds no document", "a document", Span(0, 0)))
    if not any(char in source for char in _CONTROL_CHARS):
        return out
    first: tuple[int, str] | None = None  # the run's first control character: offset, character
    run = 0
    for line in lines:
        found = None
        for piece in line.pieces:
            match = _CONTROL.search(piece.text)
            if match:
                found = (piece.start + match.start(), match.group(0))
                break
        if found is None:
            if first is not None:
                out.append(_control_diagnostic(first, run))
                first = None
        elif first is None:
            first, run = found, 1
        else:
            run += 1
    if first is not None:
        out.append(_control_diagnostic(first, run))
    return out


def _control_diagnostic(first: tuple[int, str], lines: int) -> Diagnostic:
    start, char = first
    where = "in the text" if lines == 1 else f"in the text, and more on the {lines - 1:,} lines that follow"
    return Diagnostic(
        "error", "unrecognised-line", f"control character {char!r} {where}", "printable text", Span(start, start + 1)
    )
