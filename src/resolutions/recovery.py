"""Reading the lines of a text, and reading around a line the grammar cannot read.

The line grammar is meant to be total: some terminal takes any character, and every line kind
ends at its line break. A text it still fails on shows a bug in the grammar (an LALR state
where no terminal offered can start). Lenient parsing promises never to raise on text, so such
a line is read as plain text, with an error that names what the grammar expected, and the rest
of the text is read as usual. Strict mode raises at the line, as before.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, cast

import lark

from resolutions.errors import ParseError
from resolutions.lines import Line
from resolutions.nodes import Diagnostic, Span
from resolutions.source import SourceText

if TYPE_CHECKING:
    from resolutions.grammar import Compiled

#: A byte order mark opening the text: part of the source, not of the content.
_BOM = "\ufeff"

#: How many lines are read around, one more parse each, before every line is read as plain
#: text without the grammar (a text the grammar fails on line after line would otherwise cost
#: one parse per line).
RETRIES = 8

#: The blank space a line may open with or a blank line may hold (the grammar's INDENT and
#: the characters its EOL swallows).
_SPACE = " \t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u3000"
#: A line, and the blank lines after it, which belong to it (as the grammar's EOL takes them).
_LINE = re.compile(f"([^\\n]*)(\\n(?:[{_SPACE}\\r]*\\n)*)")


def read_lines(compiled: Compiled, text: str, *, strict: bool = False) -> tuple[list[Line], list[Diagnostic]]:
    """Read the text's lines with the grammar (its builder makes lines, not a tree).

    Returns the lines, and an error for each line the grammar could not read (none, unless the
    grammar has a hole). Raises :class:`ParseError` there instead in strict mode.
    """
    # The grammar wants every line to end with a line break; the sentinel is never in a span
    # the document gives back. A byte order mark is read as a blank line (one character, so
    # offsets hold; a space would indent the first line); the source keeps it.
    ended = text if text.endswith("\n") else text + "\n"
    lexed = "\n" + ended[1:] if ended.startswith(_BOM) else ended
    try:
        return cast("list[Line]", compiled.lark.parse(lexed)), []
    except lark.exceptions.LarkError as exc:
        if strict:
            raise _from_lark(exc, text) from exc
        failure = exc
    # Each line the grammar fails on is blotted out (its content made letters, which the grammar
    # reads as text; offsets hold) and the text read again; the line is then made from its own
    # text, as plain text.
    blotted: list[tuple[int, int]] = []
    errors: list[Diagnostic] = []
    for _ in range(RETRIES):
        start, eol = _failing_line(lexed, failure)
        blotted.append((start, eol))
        errors.append(_unread(failure, Span(start, min(eol, len(text)))))
        lexed = lexed[:start] + "x" * (eol - start) + lexed[eol:]
        try:
            lines = cast("list[Line]", compiled.lark.parse(lexed))
        except lark.exceptions.LarkError as exc:
            failure = exc
            continue
        _restore(lines, blotted, text, compiled)
        return lines, errors
    errors.append(
        Diagnostic(
            "error",
            "unread-line",
            f"the grammar could not read {RETRIES} lines: every line is read as plain text",
            None,
            Span(0, 0),
        )
    )
    return plain_lines(ended, compiled), errors


def plain_lines(lexed: str, compiled: Compiled) -> list[Line]:
    """Make every line of ``lexed`` (which ends with a line break) a text line, without the grammar."""
    scan = compiled.inline.scan
    lines = []
    for match in _LINE.finditer(lexed):
        content, breaks = match.group(1), match.group(2)
        if not breaks:
            break  # (the empty match after the last line)
        start = match.start()
        eol = match.start(2) - content.endswith("\r")
        lead = len(content) - len(content.lstrip(_SPACE + "\f" + _BOM))
        body = lexed[start + lead : eol]
        kind = "text" if body else "blank"
        page_break = content.startswith("\f")
        indent = len(content[:lead].lstrip("\f").expandtabs(8))
        pieces = scan(body, start + lead, eol) if body else []
        lines.append(Line(kind, start, match.end(), eol, page_break, indent, None, pieces, breaks.count("\n") - 1))
    return lines


def _failing_line(lexed: str, failure: lark.exceptions.LarkError) -> tuple[int, int]:
    """Return where the content of the line the parser failed in starts, and its line break."""
    offset = getattr(failure, "pos_in_stream", None)
    if not isinstance(offset, int) or not 0 <= offset < len(lexed):
        offset = len(lexed) - 1
    start = lexed.rfind("\n", 0, offset) + 1  # (a failure at a line break is in its line)
    eol = lexed.find("\n", offset)
    if lexed[eol - 1] == "\r" and eol - 1 > start:
        eol -= 1
    lead = start
    while lead < eol and lexed[lead] in _SPACE:
        lead += 1
    return (lead, eol) if lead < eol else (start, eol)


def _restore(lines: list[Line], blotted: list[tuple[int, int]], text: str, compiled: Compiled) -> None:
    """Give the blotted lines their own text back, as plain text (the grammar read letters)."""
    scan = compiled.inline.scan
    starts = dict(blotted)
    for line in lines:
        if not starts:
            break
        first = line.label.start if line.label else line.pieces[0].start if line.pieces else line.eol
        if first in starts:
            eol = starts.pop(first)
            line.kind = "text"
            line.label = None
            line.pieces = scan(text[first:eol], first, eol)


def _expected(failure: lark.exceptions.LarkError) -> str:
    """The terminals the parser would have read there, by their bare names ("CELL_EOL, EOL")."""
    expected = getattr(failure, "expected", None) or getattr(failure, "allowed", None) or ()
    return ", ".join(sorted({str(name).rpartition("__")[2] for name in expected}))


def _unread(failure: lark.exceptions.LarkError, span: Span) -> Diagnostic:
    return Diagnostic(
        "error",
        "unread-line",
        "the grammar could not read this line, read here as plain text"
        " (a bug in the grammar: please report it with the text)",
        _expected(failure) or None,
        span,
    )


def _from_lark(exc: lark.exceptions.LarkError, text: str) -> ParseError:
    line = getattr(exc, "line", 0) or 0
    column = max(0, (getattr(exc, "column", 1) or 1) - 1)
    offset = getattr(exc, "pos_in_stream", None)
    excerpt = SourceText(text).excerpt(min(offset, len(text))) if isinstance(offset, int) and text else ""
    return ParseError(
        f"the grammar could not read this text ({type(exc).__name__})",
        line=line,
        column=column,
        excerpt=excerpt,
        expected=_expected(exc),
        hint="this is a bug in the grammar: please report it with the text",
    )
