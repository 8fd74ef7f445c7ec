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

import bisect
import re

from resolutions.inline import InlineScanner
from resolutions.lines import VERBS, Line, Piece
from resolutions.split import head_number
from resolutions.verbs import VerbReader

#: What must follow a plain (unemphasised) phrase for it to open a paragraph.
_LOWER_WORD = re.compile(r"[ \t\u00a0]+[a-z\u00e0-\u00ff]")
_MARKS = ("STAR", "TAG")
#: Where a formula may start inside a line: after a space (a column gap or one), "The" or "THE".
#: (It starts only where a run of spaces does: tried inside a long run, it would read the rest
#: of the run at each of its characters.)
_FORMULA_IN_LINE = re.compile(r"(?<![ \t\u00a0])[ \t\u00a0]+(?=(?:The|THE)[ \t])")
#: The pieces a head's line opens with: its symbol as a cell, or text ("73/7.", "Resolution ...").
_HEAD_PIECES = frozenset({"TEXT", "SYMBOL", "GAP"})
#: The longest head a line may hold before its formula ("S/RES/2334 (2016)", "Resolution 2334
#: (2016)", "73/7."): far more than any, and a bound on the places tried in a long line.
_HEAD_LENGTH = 200
#: A resolution's number in the General Assembly's volumes: "73/7.", "ES-11/1."
_NUMBERED = re.compile(r"(?:[A-Z]{1,3}-)?[0-9]{1,4}/[0-9]{1,4}\.?")


def split_run_ins(
    lines: list[Line],
    source: str,
    scanner: InlineScanner,
    verbs: VerbReader,
    phrase_starts: frozenset[str] = frozenset(),
    heads: HeadsAndFormulas | None = None,
) -> list[Line]:
    """Return the lines with each run-in paragraph on a line of its own.

    Args:
        lines: The lines, roles set.
        source: The text they were read from: where a run-in may start is found in it in one
            sweep, and only the lines that hold such a place are looked at.
        scanner: The inline scanner, to read again the text a cut opens.
        verbs: The verb reader, which knows the lexicon's phrases.
        phrase_starts: Word prefixes of the phrases: a formula may run on into a phrase that
            a line break cuts ("The CouncilHaving" / "considered:").
        heads: What tells a document's head and a formula, which may share a line
            ("S/RES/2334 (2016) The Security Council,").
    """
    places = verbs.run_in_places(source)
    starts = [line.start for line in lines] if places else []
    candidates: dict[int, list[int]] = {}
    for place in places:
        candidates.setdefault(bisect.bisect_right(starts, place) - 1, []).append(place)
    out: list[Line] = []
    for index, line in enumerate(lines):
        pieces = line.pieces
        if line.role != "content" or not pieces:
            out.append(line)
            continue
        if heads is not None and (parts := heads.cut(line)) is not None:
            out.extend(parts)
            continue
        leads = pieces[0].kind == "FORMULA_LEAD" or (len(pieces) > 1 and pieces[1].kind == "FORMULA_LEAD")
        if not leads and index not in candidates:  # most lines
            out.append(line)
            continue
        cuts = _formula_cut(line, verbs, phrase_starts) if leads else []
        if index in candidates:
            cuts += _phrase_cuts(pieces, candidates[index], verbs)
        if cuts:
            out.extend(_cut(line, sorted(set(cuts)), scanner))
        else:
            out.append(line)
    return out


class HeadsAndFormulas:
    """Cuts a line that holds a document's head and its formula.

    "S/RES/2334 (2016) The Security Council,", "73/7. The General Assembly,", "Resolution 2334
    (2016)   The Security Council,": the head for the header, the formula for the body.
    """

    def __init__(self, formula: re.Pattern[str], cells: InlineScanner) -> None:
        self.formula = formula
        self.cells = cells

    def cut(self, line: Line) -> list[Line] | None:
        """Return the head's line and the formula's, or None when the line is not so."""
        if line.kind != "text" or line.label is not None or line.pieces[0].kind not in _HEAD_PIECES:
            return None
        text = line.text()
        if ("The" not in text and "THE" not in text) or _FORMULA_IN_LINE.search(text) is None:
            return None  # (a substring search first: most lines hold no formula)
        start = line.pieces[0].start
        # The formula's pattern looks for the line's end: the line is copied with one once, and
        # each place is tried on it (a copy of the rest of the line per place, and a head of any
        # length, took time in the square of a long line's length).
        body = text.rstrip()
        ended = body + "\n"
        for match in _FORMULA_IN_LINE.finditer(text):
            if match.start() > _HEAD_LENGTH:
                break
            read = self.formula.match(ended, match.end())
            if read is None or read.end() != len(body):
                continue
            head, formula = text[: match.start()].strip(), body[match.end() :]
            if not self.is_head(head):
                continue
            head_at = start + len(text) - len(text.lstrip())
            formula_at = start + match.end()
            kind = self.cells.whole(head) or "TEXT"
            first = Line(
                "text",
                line.start,
                formula_at,
                head_at + len(head),
                line.page_break,
                line.indent,
                None,
                [Piece(kind, head, head_at, head_at + len(head))],
                0,
            )
            second = Line(
                "text",
                formula_at,
                line.end,
                line.eol,
                False,
                0,
                None,
                [Piece("FORMULA", formula, formula_at, formula_at + len(formula))],
                line.blanks,
            )
            for part in (first, second):
                part.role, part.page = line.role, line.page
            return [first, second]
        return None

    def is_head(self, text: str) -> bool:
        return bool(self.cells.whole(text) == "SYMBOL" or head_number(text) or _NUMBERED.fullmatch(text))


def _formula_cut(line: Line, verbs: VerbReader, phrase_starts: frozenset[str]) -> list[int]:
    """Cut after a formula that the first paragraph runs on from; else it is plain text."""
    pieces = line.pieces
    index = next((i for i, piece in enumerate(pieces) if piece.kind not in _MARKS), None)
    if index is None or pieces[index].kind != "FORMULA_LEAD":
        return []
    lead = pieces[index]
    following = pieces[index + 1] if index + 1 < len(pieces) else None
    opens = following is not None and following.kind in _MARKS and not following.text.startswith("</")
    if following is not None and (opens or following.kind in VERBS):
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


def _phrase_cuts(pieces: list[Piece], places: list[int], verbs: VerbReader) -> list[int]:
    """Tell which places (after a comma or semicolon, before a phrase's first word) open a paragraph.

    A plain phrase must be followed by a word in lower case; an emphasised one must be the
    phrase the inline scanner found after the emphasis opened (", *Recalling* Article X").
    """
    cuts: list[int] = []
    index = 0  # places and pieces are both in order: the piece a place falls in is found walking on
    for place in places:
        while index < len(pieces) and pieces[index].end <= place:
            index += 1
        if index == len(pieces):
            break
        piece = pieces[index]
        if piece.start > place:
            continue  # between pieces
        if piece.kind in ("TEXT", "FORMULA"):  # a formula's meeting clause may run on
            offset = place - piece.start
            end = verbs.phrase_end(piece.text, offset)
            if end is not None and _LOWER_WORD.match(piece.text, end):
                cuts.append(place)
        elif piece.kind in _MARKS and index + 1 < len(pieces) and pieces[index + 1].kind in VERBS:
            cuts.append(piece.start)
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
