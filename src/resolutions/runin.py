"""Run-in paragraphs: one line that holds the end of one paragraph and the start of the next.

Conversions and PDFs run paragraphs together: the opening formula and the first preambular
paragraph ("The Sixty-sixth World Health Assembly, Having considered the report ..."), a formula
glued to its first phrase ("The CouncilHaving considered:"), preambular clauses a database put on
one line ("*Recalling* the Final Act ..., *Recalling* Article X ..."), clauses joined by a
semicolon ("...;Considering further that ...;Hereby establishes ...").

A paragraph starts where a verb phrase of the lexicon opens right after the end of another (a
comma or a semicolon), when the phrase is set off by emphasis or followed by a word in lower
case: a phrase in the middle of a sentence is written in lower case, and a title's next word is
capitalised. Such lines are cut in two here, so that the later stages see one paragraph per line,
as in a well-made text.
"""

from __future__ import annotations

import re

from resolutions.inline import InlineScanner
from resolutions.lines import VERBS, Line, Piece
from resolutions.verbs import VerbReader

#: Where a paragraph may end inside a line: a comma or semicolon, then a capital letter.
_END_THEN_CAPITAL = re.compile(r"[,;][ \t\u00a0]*(?=[A-Z])")
#: What must follow a plain (unemphasised) phrase for it to open a paragraph.
_LOWER_WORD = re.compile(r"[ \t\u00a0]+[a-z\u00e0-\u00ff]")
_MARKS = ("STAR", "TAG")


def split_run_ins(
    lines: list[Line], scanner: InlineScanner, verbs: VerbReader, phrase_starts: frozenset[str] = frozenset()
) -> list[Line]:
    """Return the lines with each run-in paragraph on a line of its own.

    Args:
        lines: The lines, roles set.
        scanner: The inline scanner, to read again the text a cut opens.
        verbs: The verb reader, which knows the lexicon's phrases.
        phrase_starts: Word prefixes of the phrases: a formula may run on into a phrase that
            a line break cuts ("The CouncilHaving" / "considered:").
    """
    out: list[Line] = []
    for line in lines:
        if line.role != "content" or not line.pieces:
            out.append(line)
            continue
        cuts = _formula_cut(line, verbs, phrase_starts) + _phrase_cuts(line, verbs)
        out.extend(_cut(line, sorted(set(cuts)), scanner) if cuts else [line])
    return out


def _formula_cut(line: Line, verbs: VerbReader, phrase_starts: frozenset[str]) -> list[int]:
    """Cut after a formula that the first paragraph runs on from; else it is plain text."""
    pieces = line.pieces
    index = next((i for i, piece in enumerate(pieces) if piece.kind not in _MARKS), None)
    if index is None or pieces[index].kind != "FORMULA_LEAD":
        return []
    lead = pieces[index]
    following = pieces[index + 1] if index + 1 < len(pieces) else None
    if following is not None and (following.kind in _MARKS or following.kind in VERBS):
        lead.kind = "FORMULA"
        return [lead.end]
    if following is not None and following.kind == "TEXT":
        text = following.text
        start = len(text) - len(text.lstrip(" \t\u00a0"))
        last = index + 2 == len(pieces)
        if verbs.phrase_end(text, start) is not None or (last and text.strip() in phrase_starts):
            lead.kind = "FORMULA"
            return [lead.end]
    lead.kind = "TEXT"  # "The Council Chamber was ...": no formula after all
    return []


def _phrase_cuts(line: Line, verbs: VerbReader) -> list[int]:
    """Find where a verb phrase opens a paragraph after the end of another, inside the line."""
    cuts: list[int] = []
    pieces = line.pieces
    last = ""  # the last character of the line's text so far but spaces (not the text: copied each time)
    for index, piece in enumerate(pieces):
        if piece.kind in _MARKS and index + 1 < len(pieces) and pieces[index + 1].kind in VERBS:
            if last in (",", ";"):
                cuts.append(piece.start)  # ", *Recalling* Article X"
        elif piece.kind == "TEXT" or piece.kind == "FORMULA":  # a formula's meeting clause may run on
            cuts.extend(_cuts_in_text(piece, verbs))
        if piece.kind not in _MARKS:
            last = piece.text.rstrip()[-1:] or last
    return cuts


def _cuts_in_text(piece: Piece, verbs: VerbReader) -> list[int]:
    text = piece.text
    if "," not in text and ";" not in text:
        return []
    cuts = []
    for match in _END_THEN_CAPITAL.finditer(text):
        start = match.end()
        end = verbs.phrase_end(text, start)
        if end is not None and _LOWER_WORD.match(text, end):
            cuts.append(piece.start + start)
    return cuts


def _cut(line: Line, cuts: list[int], scanner: InlineScanner) -> list[Line]:
    """Cut a line at source offsets; the parts after the first are lines of running text."""
    parts: list[list[Piece]] = [[]]
    bounds = iter(cuts)
    cut = next(bounds, None)
    for piece in line.pieces:
        while cut is not None and piece.end > cut >= piece.start:
            if cut > piece.start:  # a cut inside a text piece (or a formula that runs on)
                head = Piece(piece.kind, piece.text[: cut - piece.start], piece.start, cut)
                parts[-1].append(head)
                piece = Piece("TEXT", piece.text[cut - piece.start :], cut, piece.end)
            parts.append([])
            cut = next(bounds, None)
        parts[-1].append(piece)
    parts = [part for part in parts if part]
    if len(parts) < 2:
        return [line]
    out = [line]
    end, eol, blanks = line.end, line.eol, line.blanks
    line.pieces = parts[0]
    for part in parts[1:]:
        part = _rescan(part, scanner)
        if not part:
            continue
        start = part[0].start
        previous = out[-1]
        previous.end = start
        previous.eol = previous.pieces[-1].end
        previous.blanks = 0
        previous._plain = None
        new = Line("text", start, end, eol, False, 0, None, part, blanks)
        new.role = line.role
        new.page = line.page
        out.append(new)
    return out


def _rescan(part: list[Piece], scanner: InlineScanner) -> list[Piece]:
    """Drop the spaces that open a part, and read its first text again (it may open a phrase)."""
    first = part[0]
    if first.kind != "TEXT":
        return part
    text = first.text.lstrip(" \t\u00a0")
    if not text:
        return part[1:]
    start = first.end - len(text)
    return [*scanner.scan(text, start), *part[1:]]
