"""Footnotes: reading footnote blocks, and finding the references that cite them.

Footnote bodies arrive in three shapes: opened by their marker ("¹ United Nations ...",
"<sup>3</sup> Ibid.", "12 See ..."), under a marker alone on the line above, or (pdftotext's
reading order) with the markers gathered after the bodies. References in extracted text are bare
digits ("Court, 2", "Diseases,1"); a bare digit counts as a reference only when it is glued to
the word before it, or when a footnote with that marker is printed on the same page.
"""

from __future__ import annotations

import re

from resolutions.lines import Line, Piece, plain_text

_SUPERSCRIPTS = str.maketrans("\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079", "0123456789")
#: A footnote marker: a number, or stars, daggers or section signs.
_MARKER = r"([0-9]{1,3}|[*\u2020\u2021\u00a7]{1,3})"
#: A footnote body that opens with its marker: "12 See ...", "* Reissued ...".
MARKED_BODY = re.compile(rf"^{_MARKER}[ \t\u00a0]+(?=\S)")
_DIGIT = re.compile(r"[0-9]")
#: What wraps a marker: "<sup>12</sup>", "[^3]", "[^3]:".
_MARKER_MARKUP = re.compile(r"</?sup>|^\[\^|\]:?$")
#: A marker that is a whole cell, a column gap before its text: "1   A/HRC/52/30.".
_MARKER_ALONE = re.compile(rf"^{_MARKER}$")
#: A footnote's marker in brackets, as its body opens: "(1) ".
_BRACKETED_MARKER = re.compile(r"^\(([0-9]{1,2})\)\s*$")
#: A footnote reference in brackets: "UNESCO,(1)", "beliefs, (2)".
_BRACKETED_REF = re.compile(r"(?:(?<=[^\s(0-9])|(?<=[,;.:]\s))\(([0-9]{1,2})\)(?=\s|$|[,;.:])")
_SENTENCE_END = re.compile(r"[.;)\]]\s*$")
#: A digit glued to the end of a word or after its punctuation: "Diseases,1", "indicators1".
_GLUED = re.compile(r"(?<=[a-z\u00e0-\u00ff,;:\u201d\u2019\"')])([0-9]{1,2})(?=[\s,;:.]|$)")
#: A digit standing after a space at a word's end: "Court 1", "Court, 2", "2017/18; 4".
_SPACED = re.compile(r"(?<=[^\s])(\s)([0-9]{1,3})(?=\s|$)")
#: Words after which a number is a reference to something else ("article 3", "vol. 2").
_COUNTED = re.compile(
    r"(?:article|articles|paragraph|paragraphs|para|paras|resolution|resolutions|chapter|chap|"
    r"annex|section|sect|rule|rules|item|items|page|pages|vol|vols|no|nos|part|principle|"
    r"goal|target|decision|decisions|protocol|step|phase|appendix|table|figure|"
    r"report|session|meeting|and|to|or|of|by|in|on|at|from|between|than|about|over|under|"
    r"some|all|the|per|every|nearly|almost|only|least|most|its|their|his|her)[.,:]?$",
    re.IGNORECASE,
)
#: How much of a word's end _COUNTED needs to see (its longest word and a stop, and some).
_COUNTED_TAIL = 16
#: What may not follow a number that is a reference ("5 per cent", "12 February").
_NOT_AFTER = re.compile(
    r"\s*(?:per\s*cent|%|percent|years?|months?|days?|hours?|members?|votes?|January|February|March|"
    r"April|May|June|July|August|September|October|November|December|million|billion|States?|"
    r"countries|times|[0-9])",
    re.IGNORECASE,
)


class NoteRecord:
    """A footnote body read from the page, before it becomes a node."""

    __slots__ = ("lines", "marker", "page", "pieces")

    def __init__(self, marker: str, page: int) -> None:
        self.marker = marker
        self.page = page
        self.pieces: list[Piece] = []
        self.lines: list[Line] = []

    def text(self) -> str:
        return plain_text(self.pieces)


def normal_marker(text: str) -> str:
    """Return a marker without markup: "<sup>12</sup>" -> "12", "¹" -> "1", "\\*" -> "*"."""
    if "<" not in text and "[" not in text and "]" not in text and "\\" not in text:
        return text.strip().translate(_SUPERSCRIPTS).strip()  # most markers: "¹", "12"
    text = _MARKER_MARKUP.sub("", text.strip()).replace("\\", "").translate(_SUPERSCRIPTS)
    return text.strip()


def read_footnotes(lines: list[Line]) -> list[NoteRecord]:
    """Read the lines the layout stage marked as footnotes into footnote records.

    A block of footnotes runs until a content line or the end of its page.
    """
    notes: list[NoteRecord] = []
    run: list[Line] = []
    for line in lines:
        if line.role == "footnote":
            if run and line.page != run[-1].page:
                notes.extend(_read_block(run))
                run = []
            run.append(line)
        elif line.role == "content" and run:
            notes.extend(_read_block(run))
            run = []
    if run:
        notes.extend(_read_block(run))
    return notes


class _Body:
    """A footnote body being read: its pieces, its lines, and whether its marker came just before."""

    __slots__ = ("ended", "led", "lines", "pieces")

    def __init__(self, led: bool) -> None:
        self.led = led
        self.pieces: list[Piece] = []
        self.lines: list[Line] = []
        self.ended = False  # its text so far ends a sentence

    def extend(self, pieces: list[Piece]) -> None:
        """Add a line's pieces, and note whether the text now ends a sentence.

        Only the new pieces are read: the text's end is theirs unless they hold no text (reading
        the whole body for every line it gains took time in the square of its length).
        """
        self.pieces.extend(pieces)
        text = plain_text(pieces)
        if text:
            self.ended = _SENTENCE_END.search(text) is not None


def _read_block(run: list[Line]) -> list[NoteRecord]:
    """Read one page's block of footnotes, pairing markers with bodies."""
    markers: list[tuple[str, Line]] = []
    bodies: list[_Body] = []
    after_marker = False
    for line in run:
        marker, pieces = _split_marker(line)
        if marker is not None:
            markers.append((marker, line))
            after_marker = True
        if not pieces:
            continue
        if after_marker or not bodies or bodies[-1].ended:
            bodies.append(_Body(after_marker))
        elif bodies[-1].pieces:
            bodies[-1].pieces.append(Piece("BREAK", " ", pieces[0].start, pieces[0].start))
        bodies[-1].extend(pieces)
        if not bodies[-1].lines or bodies[-1].lines[-1] is not line:
            bodies[-1].lines.append(line)
        after_marker = False
    return _pair(markers, bodies, run[0].page)


def _split_marker(line: Line) -> tuple[str | None, list[Piece]]:
    """Split a line that opens with its marker ("¹ ...", "12 See ...") into marker and text."""
    label = line.label
    if line.kind in ("marker", "footnote") and label is not None:
        return normal_marker(label.text), line.pieces
    if line.kind == "item" and label is not None and (bracketed := _BRACKETED_MARKER.match(label.text)):
        return bracketed.group(1), line.pieces  # "(1) Including ..."
    if line.kind == "bullet" and label is not None and label.text.strip() == "*":
        return "*", line.pieces
    pieces = line.pieces
    if line.kind == "text" and pieces and pieces[0].kind == "TEXT":
        alone = _MARKER_ALONE.match(pieces[0].text)
        if alone and len(pieces) > 2 and pieces[1].kind == "GAP":  # "1   A/HRC/52/30." (-layout)
            return alone.group(1), pieces[2:]
        match = MARKED_BODY.match(pieces[0].text)
        if match:
            first = pieces[0]
            rest = Piece("TEXT", first.text[match.end() :], first.start + match.end(), first.end)
            return match.group(1), [rest, *pieces[1:]]
    if line.kind == "text" and pieces and pieces[0].kind == "STAR" and pieces[0].text == "*":
        return "*", pieces[1:]
    return None, pieces


def _pair(markers: list[tuple[str, Line]], bodies: list[_Body], page: int) -> list[NoteRecord]:
    """Pair markers with bodies: directly when each body follows its marker, else in marker order.

    pdftotext prints a page's footnote bodies top to bottom but may gather their markers after
    them ("A/58/874 ..." "Articles 10 ..." "4" "A/73/334." "5" "United Nations ..." "2" "3");
    bodies are in reading order and markers count upwards, so sorting the markers pairs them.
    """
    if not markers:
        return []
    direct = len(markers) == len(bodies) and all(body.led for body in bodies)
    ordered = markers if direct else sorted(markers, key=_marker_order)
    notes = []
    for position, (marker, marker_line) in enumerate(ordered):
        note = NoteRecord(marker, page)
        if position < len(bodies):
            note.pieces = bodies[position].pieces
            note.lines = list(bodies[position].lines)
        if marker_line not in note.lines:
            note.lines.append(marker_line)
        notes.append(note)
    for extra in bodies[len(ordered) :]:  # more bodies than markers: they continue the last one
        notes[-1].pieces.append(Piece("BREAK", " ", extra.pieces[0].start, extra.pieces[0].start))
        notes[-1].pieces.extend(extra.pieces)
        notes[-1].lines.extend(extra.lines)
    return notes


def _marker_order(found: tuple[str, Line]) -> tuple[int, str]:
    """Where a marker sorts: numbers in order, other marks ("*", "†") first."""
    number = marker_number(found[0])
    return (number, "") if number is not None else (-1, found[0])


#: The most digits a marker read as a number may have: a longer run is not a footnote number,
#: and Python refuses to convert more than 4,300 digits.
_MAX_MARKER_DIGITS = 18


def marker_number(marker: str) -> int | None:
    """Return a numbered marker's number ("12" -> 12, "٣" -> 3); None for others ("*", "①")."""
    if marker.isdecimal() and len(marker) <= _MAX_MARKER_DIGITS:
        return int(marker)
    return None


#: How many references in a row may go unseen (lost in extraction or OCR) before the next.
_MAY_MISS = 2


class ReferenceOrder:
    """Which bare numbers may be footnote references, read in document order.

    UN documents number footnotes through the document, and cite them in order: a bare number
    can be the next new footnote or one cited before, never one further ahead (allowing for
    a couple of references that extraction lost). This keeps
    "resolution 72/3 of 30 October 2017" or "in 2016 less than" from reading as references.
    Numbering starts at the lowest footnote printed, not at 1: a resolution taken from an
    annual volume carries the volume's numbers (its first footnote may be 87).
    """

    def __init__(self, known: set[str]) -> None:
        self.known = known
        numbers = [number for marker in known if (number := marker_number(marker)) is not None]
        self.highest = min(numbers) - 1 if numbers else 0

    def allows(self, marker: str) -> bool:
        """Tell whether a spaced bare number may be a reference here."""
        if marker not in self.known:
            return False
        number = marker_number(marker)
        return number is None or number <= self.highest + 1 + _MAY_MISS

    def cited(self, marker: str) -> None:
        """Record a reference found."""
        number = marker_number(marker)
        if number is not None:
            self.highest = max(self.highest, number)


def split_references(pieces: list[Piece], order: ReferenceOrder) -> list[Piece]:
    """Split bare-digit footnote references out of text pieces (extracted PDF text).

    Args:
        pieces: A paragraph line's pieces.
        order: The markers cited so far, updated with those found here.

    Returns:
        The pieces, with each reference found as a ``REF`` piece.
    """
    out: list[Piece] = []
    for piece in pieces:
        if piece.kind != "TEXT" or _DIGIT.search(piece.text) is None:
            out.append(piece)
            continue
        out.extend(_split_piece(piece, order))
    return out


def _split_piece(piece: Piece, order: ReferenceOrder) -> list[Piece]:
    text = piece.text
    cuts: list[tuple[int, int, str]] = []
    for match in _GLUED.finditer(text):
        marker = match.group(1)
        if marker in order.known or _looks_glued(text, match.start()):
            cuts.append((match.start(), match.end(), marker))
    for match in _BRACKETED_REF.finditer(text):
        if match.group(1) in order.known:
            cuts.append((match.start(), match.end(), match.group(1)))
    for match in _SPACED.finditer(text):
        marker = match.group(2)
        if marker in order.known and _reads_as_reference(text, match.start(1), match.end()):
            cuts.append((match.start(2), match.end(), marker))
    if not cuts:
        return [piece]
    cuts.sort()
    out: list[Piece] = []
    position = 0
    for start, end, marker in cuts:
        if start < position or not (order.allows(marker) or marker not in order.known):
            continue
        if start > position:
            out.append(Piece("TEXT", text[position:start], piece.start + position, piece.start + start))
        out.append(Piece("REF", marker, piece.start + start, piece.start + end))
        order.cited(marker)
        position = end
    if position < len(text):
        out.append(Piece("TEXT", text[position:], piece.start + position, piece.end))
    return out


def _reads_as_reference(text: str, space: int, end: int) -> bool:
    """Tell "Court, 2 which" (a reference) from "article 3 of" or "5 per cent" (numbers).

    The number stands after ``text[space]`` and ends at ``end``. Positions, not the text
    before and after: slicing them off at each number took time in the square of the text.
    """
    word = _word_before(text, space)
    # _COUNTED is anchored at the word's end and its longest word has 11 letters: the tail
    # tells, and a search of the whole word would try it at every offset.
    if _COUNTED.search(word[-_COUNTED_TAIL:]) or _NOT_AFTER.match(text, end):
        return False
    if word[-1:].isdigit():  # "12 February 2013 9 in which": only a year may precede a marker
        return len(word) == 4 and word.isdigit()
    return True


def _looks_glued(text: str, end: int) -> bool:
    """Tell a digit glued to a word ("indicators1") from one that belongs to it ("WHA65").

    The word ends at ``end``; it is read backwards, and a digit in it settles the question
    where it is met, so that a long run of glued numbers is read once, not once per number.
    """
    start = end
    while start > 0:
        char = text[start - 1]
        if char.isspace():
            break
        if char.isdigit():
            return False
        start -= 1
    word = text[start:end]
    return len(word) > 2 and not word.isupper()


def _word_before(text: str, end: int) -> str:
    """Return the run of characters but whitespace that ends at ``end``."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end]
