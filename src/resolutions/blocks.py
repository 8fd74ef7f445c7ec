"""Blocks: content lines grouped into paragraphs, and paragraphs cut by the page joined again.

Plain text separates paragraphs with blank lines; ``pdftotext`` does not, and cuts paragraphs at
every page end, where furniture and footnote blocks sit between their halves. Grouping reads
paragraph starts from what a line begins with (a number, a verb phrase after a line that ended
a sentence, an opening formula); :func:`join_continuations` then puts back together what a page
break, a footnote block or a stray blank line cut apart.
"""

from __future__ import annotations

import re

from resolutions.dates import dateline
from resolutions.lexing import shortest_match
from resolutions.lines import VERBS, Line, Piece

#: Line kinds that always open a block.
_OPENING_KINDS = frozenset({"numbered", "item", "bullet", "heading", "section", "footnote", "rule"})
#: Kinds of block whose label may stand alone on its line, the text following on the next.
_LABELLED = frozenset({"numbered", "item", "bullet", "section"})
#: A trailing footnote reference left in extracted text: "Court, 2", "Diseases,1", "2020;2"
#: (but not the end of a number: "1,000").
_TRAILING_REF = re.compile(r"(?:(?<=[,;:.!?\u201d\u2019\"')\]])(?<![0-9][,.])|\s)[0-9]{1,3}\s*$|[\s*\u2020\u2021]+$")
_TERMINATORS = ",;:.!?\u2026"
#: The widest reference _TRAILING_REF takes (a space and three digits), and the marks it
#: takes in a run at the very end.
_REF_WIDTH = 4
_TRAILING_MARKS = "*\u2020\u2021"
#: What a trailing reference can end with (the text's spaces stripped).
_REF_ENDS = "0123456789" + _TRAILING_MARKS
#: The longest title that a paragraph opened by a verb phrase may follow without a blank line.
_TITLE_LINE = 250
_TITLE_LINES = 3
#: A part's label alone on its line: "A", "IV." (parts of a resolution, or of its body).
PART_LABEL = re.compile(r"^(?:[A-Z]|[IVXLC]{1,6})\.?$")
#: Closing lines: "28th plenary meeting", "Eighth meeting, 4 February 2023" (WHO), "Adopted at the
#: 1382nd meeting.", "Adopted unanimously".
#: A meeting named by its ordinal: "28th plenary meeting", "Eighth meeting", "Twenty-first meeting".
MEETING = r"(?:[0-9]+|[A-Z][a-z]+(?:-[a-z]+)?)(?:st|nd|rd|th)[ \u00a0]+(?:[Pp]lenary[ \u00a0]+)?[Mm]eeting\b"
CLOSING = re.compile(
    rf"(?:{MEETING}"
    r"|(?:Adopted|ADOPTED)[ \u00a0]+(?:unanimously|at|by|without)\b"
    r"|Done[ \u00a0]+(?:at|in)\b)"
)
#: Who proposed the text, among the titles: "Resolution submitted by Fiji", "Draft decision
#: proposed by the President", "Submitted by the Chair".
SUBMITTED = re.compile(
    r"^(?:(?:draft\s+)?(?:resolution|decision|recommendation|declaration|proposal|text)\s+)?"
    r"(?:submitted|proposed|presented|sponsored)\s+by\b",
    re.IGNORECASE,
)


class Block:
    """Lines that make one paragraph, heading or footnote, and the footnote marks among them.

    Attributes:
        kind: The first line's kind ("numbered", "text", "heading" ...), or what a later stage
            decided ("title", "formula", "closing" ...).
        lines: The block's lines, in source order.
        marks: Footnote markers standing alone on their lines within or after the block.
        interrupted: A page break, page furniture or a footnote block stands before the block.
    """

    __slots__ = ("_opener", "_plain", "interrupted", "kind", "lines", "marks")

    def __init__(self, line: Line, interrupted: bool = False) -> None:
        self.kind = line.kind
        self.lines = [line]
        self.marks: list[Line] = []
        self.interrupted = interrupted
        self._plain: str | None = None
        self._opener: str | bool | None = False  # False: not computed yet

    def __repr__(self) -> str:
        return f"Block({self.kind}, {self.plain()[:50]!r})"

    @property
    def first(self) -> Line:
        return self.lines[0]

    @property
    def label(self) -> Piece | None:
        return self.lines[0].label

    def pieces(self) -> list[Piece]:
        """Return the inline pieces of all lines, label excluded."""
        return [piece for line in self.lines for piece in line.pieces]

    def plain(self) -> str:
        """Return the block's text without markup or label, its lines joined."""
        if self._plain is None:
            self._plain = join_lines([line.plain() for line in self.lines])
        return self._plain

    def absorb(self, other: Block) -> None:
        """Take another block's lines and marks: it continues this one."""
        self.lines.extend(other.lines)
        self.marks.extend(other.marks)
        self._plain = None

    def lead_kinds(self) -> list[str]:
        """Return the kinds of the first pieces of content (the opener and what follows)."""
        for line in self.lines:
            if line.pieces:
                return [piece.kind for piece in line.pieces[:3]]
        return []

    def opener(self) -> str | None:
        """Return what the block opens with: a verb kind, "FORMULA" or "WE", or None."""
        if self._opener is False:
            self._opener = None
            for kind in self.lead_kinds():
                if kind not in ("STAR", "TAG"):
                    self._opener = kind if kind in VERBS or kind in ("FORMULA", "WE") else None
                    break
        return self._opener  # type: ignore[return-value]

    def ends_sentence(self) -> bool:
        """Tell whether the block's text ends with a terminator (",", ";", ".", ":" ...)."""
        return ends_sentence(self.lines[-1].plain())


def ends_sentence(text: str) -> bool:
    """Tell whether text ends with a terminator, once trailing footnote references are dropped."""
    text = without_trailing_refs(text)
    return bool(text) and text[-1] in _TERMINATORS


def without_trailing_refs(text: str) -> str:
    """Return text without the footnote references left at its end ("Director-General,1")."""
    text = text.rstrip()
    if not text or text[-1] not in _REF_ENDS:
        return text  # most text: a reference ends with a digit or a mark
    # The pattern is anchored at the end, but a search tries it at every offset, and each try
    # in a run of stars or daggers reads to the run's end. What it can match starts in the last
    # _REF_WIDTH characters, or where the run of stars, daggers and spaces that ends the text
    # does: the search starts there (the look-behind still sees what comes before).
    start = len(text)
    while start > 0 and (text[start - 1] in _TRAILING_MARKS or text[start - 1].isspace()):
        start -= 1
    match = _TRAILING_REF.search(text, max(0, min(start, len(text) - _REF_WIDTH)))
    return text if match is None else text[: match.start()]


def join_lines(texts: list[str]) -> str:
    """Join the texts of wrapped lines: with a space, or with nothing after a hyphen."""
    parts: list[str] = []  # joined once at the end: a string grown line by line is copied each time
    previous = ""
    for text in texts:
        if not text:
            continue
        # (a one-character text ends the text so far after a space or a hyphen: never a letter)
        if parts and not (previous.endswith("-") and len(previous) > 1 and previous[-2].isalpha()):
            parts.append(" ")
        parts.append(text)
        previous = text
    return "".join(parts)


def group(lines: list[Line], phrase_starts: frozenset[str] = frozenset()) -> list[Block]:
    """Group content lines into blocks; footnote markers alone on a line attach to a block.

    Args:
        lines: The document's lines, roles set.
        phrase_starts: Word prefixes of the lexicon's phrases, to tell a verb phrase cut by a
            line break ("Taking" / "note with appreciation") from a line of running text.
    """
    blocks: list[Block] = []
    current: Block | None = None
    pending: list[Line] = []
    boundary = True
    interrupted = False
    not_wrapped = unwrapped(lines)
    for line in lines:
        if line.role != "content":
            if line.role != "blank":
                boundary = interrupted = True
            continue
        if line.page_break:
            interrupted = True
        if line.kind == "marker":
            # A marker after a formula line belongs to the paragraph below it (WHO volumes).
            takes = current is not None and current.opener() != "FORMULA"
            (current.marks if takes and current is not None else pending).append(line)
            boundary = boundary or line.blanks > 0
            continue
        if current is not None and _waits_for_text(current) and line.kind == "text" and not _is_annex_heading(line):
            current.lines.append(line)
            current._plain = None
        elif (
            current is None
            or boundary
            or line.kind in _OPENING_KINDS
            or _starts_paragraph(line, current, not_wrapped)
            or (line.plain() in phrase_starts and ends_sentence(current.lines[-1].plain()))
        ):
            current = Block(line, interrupted)
            current.marks.extend(pending)
            pending.clear()
            blocks.append(current)
        else:
            current.lines.append(line)
            current._plain = None
        boundary = line.blanks > 0
        interrupted = False
    if pending and blocks:
        blocks[-1].marks.extend(pending)
    return blocks


#: Piece kinds that hold no text: emphasis marks, tags and column gaps.
_NO_TEXT = frozenset({"STAR", "TAG", "GAP"})


def markup_apart(blocks: list[Block]) -> list[Block]:
    """Set apart the blocks that hold nothing but markup ("<i> ", "<b></b>"): they are furniture.

    As paragraphs they would be empty, and an empty paragraph is lost in any rendering but
    the source (the canonical text writes nothing for it), so a document and its rendering
    would differ. Their lines keep the role "markup", as HTML framing lines do.
    """
    kept = []
    for block in blocks:
        first = block.lines[0]
        if first.label is not None or (first.pieces and _holds_text(first.pieces[0])):
            kept.append(block)  # most blocks: told by their first piece
            continue
        if block.marks or any(line.label is not None or any(map(_holds_text, line.pieces)) for line in block.lines):
            kept.append(block)
            continue
        for line in block.lines:
            line.role = "markup"
    return kept


def _holds_text(piece: Piece) -> bool:
    return piece.kind not in _NO_TEXT and not (piece.kind == "TEXT" and piece.text.isspace())


def _is_annex_heading(line: Line) -> bool:
    """Tell "Annex" / "Annex II" alone on a line: never the text of an empty label above it."""
    return line.eol - line.content_start < _ANNEX_HEADING_LENGTH and ANNEX_HEADING.match(line.plain()) is not None


def _heads_annex(line: Line, above: str) -> bool:
    """Tell "Annex" under a paragraph's end or a number with no text, no blank line between.

    After a line that ends mid-clause ("... in the" / "Annex" / "to this resolution") or in
    lower case, it is text.
    """
    return line.plain()[:1].isupper() and _is_annex_heading(line) and (not above or ends_sentence(above))


def _waits_for_text(block: Block) -> bool:
    """Tell a block that is only a label so far: "1." alone, its text on the next line.

    Closing tags may follow the label ("1.</p>" in text cut from a web page).
    """
    if block.kind not in _LABELLED or len(block.lines) != 1:
        return False
    # A loop, not all() over a generator: it is asked for every labelled line.
    for piece in block.lines[0].pieces:  # noqa: SIM110
        if piece.kind != "TAG" or not piece.text.startswith("</"):
            return False
    return True


#: An annex's heading alone on its line: "Annex", "ANNEX II", "Appendix 3.".
ANNEX_HEADING = re.compile(r"^(?:annex|appendix|attachment)(?:\s+[IVXLC0-9]+)?\.?$", re.IGNORECASE)
_ANNEX_HEADING_LENGTH = 40
#: The shortest line that can be a closing line, an annex heading or a "submitted by" line.
_SHORTEST_OPENER = min(shortest_match(CLOSING), shortest_match(ANNEX_HEADING), shortest_match(SUBMITTED))
#: A line longer than this was not wrapped: pdftotext, e-mail and typewritten text wrap at 60 to
#: 110 characters.
_UNWRAPPED_LINE = 160
#: How many such lines, and what share of the lines of some length (more than _SOME_LENGTH
#: characters: not a heading or a closing line), make a text unwrapped.
_SOME_LENGTH = 40
_UNWRAPPED_COUNT = 3
_UNWRAPPED_SHARE = 0.1
#: The most lines of some length that blank lines may part from the next in unwrapped text.
_UNWRAPPED_PARTED = 0.5


def unwrapped(lines: list[Line]) -> bool:
    """Tell text whose paragraphs were never wrapped: each line break in it ends a paragraph.

    Such text has long lines, and no blank lines between most of them: where blank lines part
    the paragraphs, a line break within one is the converter's and joins (a list of places
    "held in Maputo (1999), Geneva (2000)," / "Bangkok (2003), ...").
    """
    long = some = parted = 0
    for line in lines:
        if line.role != "content":
            continue
        length = line.eol - line.content_start  # as written, markup and all: no text to make
        if length > _SOME_LENGTH:
            some += 1
            long += length > _UNWRAPPED_LINE
            parted += line.blanks > 0
    return long >= _UNWRAPPED_COUNT and long >= _UNWRAPPED_SHARE * some and parted < _UNWRAPPED_PARTED * some


def _starts_paragraph(line: Line, current: Block, unwrapped: bool = False) -> bool:
    """Tell whether a line with no blank line before it opens a new paragraph (pdftotext)."""
    pieces = line.pieces
    first = _first_content(pieces)
    if first is not None and first.kind in ("FORMULA", "WE"):
        return True
    previous = current.lines[-1]
    if previous.pieces and previous.pieces[0].kind == "FORMULA":  # a formula stands alone on its line
        return True
    if first is not None and first.kind in VERBS and (ends_sentence(previous.plain()) or _title_above(current)):
        return True
    text = line.plain()
    # A closing line, an annex heading and "submitted by" open with a letter or a digit (most
    # text lines do too, but not those of symbols, markup or junk), and none is shorter than
    # the shortest text their patterns match: other lines are told without the patterns.
    opens_word = len(text) >= _SHORTEST_OPENER and text[:1].isalnum()
    if opens_word and CLOSING.match(text):
        return True
    if dateline(text) is not None or dateline(previous.plain()) is not None:
        return True
    if opens_word and _heads_annex(line, previous.plain()):
        return True
    if opens_word and SUBMITTED.match(text):  # a title, then "Draft resolution submitted by Fiji"
        return True
    # Text whose paragraphs were never wrapped (saved from a word processor): a line that ends a
    # clause ends its paragraph ("... the Convention," / "Pursuant to the Durban Platform ...").
    if unwrapped and text[:1].isupper() and ends_sentence(previous.plain()):
        return True
    # `pdftotext -layout` indents the first line of a paragraph.
    return line.indent > previous.indent + 2 and previous.indent > 0 and ends_sentence(previous.plain())


def _title_above(block: Block) -> bool:
    """Tell a block that reads as a title: a few lines, capitalised, short, with no final stop.

    A paragraph opened by a verb phrase right under it begins there, though no blank line sets
    it apart ("Report of the International Criminal Court" / "Recalling its resolution ...").
    """
    if len(block.lines) > _TITLE_LINES or block.kind not in ("text", "heading"):
        return False
    text = block.plain()
    return bool(text) and len(text) <= _TITLE_LINE and text[0].isupper() and not ends_sentence(text)


def _first_content(pieces: list[Piece]) -> Piece | None:
    for piece in pieces:
        if piece.kind not in ("STAR", "TAG"):
            return piece
    return None


def join_continuations(blocks: list[Block], may_continue: set[int]) -> list[Block]:
    """Join blocks that continue the paragraph before them across a page break or a footnote block.

    Args:
        blocks: Body blocks, in order.
        may_continue: ``id`` of the blocks that can be continued (paragraphs, not headings).

    Returns:
        The blocks, with each continuation merged into the block it continues.
    """
    out: list[Block] = []
    for block in blocks:
        previous = out[-1] if out else None
        if previous is not None and id(previous) in may_continue and _continues(previous, block):
            previous.absorb(block)
            continue
        out.append(block)
    return out


def _continues(previous: Block, block: Block) -> bool:
    """Tell whether a block goes on with the paragraph before it.

    A block that starts in lower case always does. One that starts with a capital does when the
    paragraph before it has not ended its sentence, and either the page was interrupted between
    them or that paragraph is one that must end with punctuation (numbered, or opened by a
    verb phrase): "... Co-Chairmen of the Steering" / "Committee of the International ...".
    """
    if block.kind != "text" or block.opener() is not None:
        return False
    text = block.plain()
    if not text or CLOSING.match(text):
        return False
    if _heads_annex(block.lines[0], previous.lines[-1].plain()):
        return False
    if text[0].islower():
        return True
    if previous.opener() == "FORMULA":  # "The Security Council" stands alone on its line
        return False
    formal = previous.kind in ("numbered", "item", "bullet") or previous.opener() is not None
    ending = previous.lines[-1].plain().rstrip()
    # An operative paragraph or an item ends with ";", "." or ":"; a comma there means it goes on.
    if ends_sentence(ending) and not (formal and previous.opener() != "PREAMBULAR_VERB" and ending.endswith(",")):
        return False
    return (block.interrupted or formal) and (text[0].isupper() or text[0].isdigit() or text[0] in "(\u201c\"'")
