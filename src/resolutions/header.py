"""The header block: organ, symbol, distribution, dates, session, place and agenda item.

The grammar recognises the unambiguous fields as cells (``SYMBOL``, ``DATE``, ``DISTRIBUTION``
...); this module reads the header zone at the top of the document, where those cells and a few
well-known kinds of line ("Resolution adopted by the General Assembly on", "Resolution 242
(1967)", "Vienna, 11-20 March 2009", sponsor lists) fill the :class:`~resolutions.nodes.Header`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import attrs

from resolutions.blocks import ends_sentence, join_lines
from resolutions.conventions import Conventions
from resolutions.dates import DATE_RANGE, MONTH, dateline, parse_date
from resolutions.inline import InlineScanner
from resolutions.layout import LAYOUT_ROLES
from resolutions.lines import FIELDS, FURNITURE, VERBS, Line, Piece, plain_text
from resolutions.nodes import Header, HeaderLine, Span
from resolutions.split import DATED_HEAD, head_date, head_number

#: Subsidiary bodies: "Commission on Narcotic Drugs", "Committee on the Rights of the Child".
_BODY = re.compile(
    r"^(?:[A-Z][\w\u2019'-]*\s+){0,4}"
    r"(?:Commission|Committee|Council|Conference|Board|Forum|Assembly|Working Group|Subcommission|Sub-Commission)"
    r"(?:\s+(?:on|of|for|against|to|in)\s+[^0-9]{1,80})?$"
)
_OF_DATE = re.compile(rf"^(?:of|on)\s+([0-9]{{1,2}}\s+{MONTH}\s+[0-9]{{4}})\.?$")
_ADOPTED = re.compile(
    r"^(?:Resolution|Decision)\s+adopted\s+by\s+the\s+(?P<organ>.+?)(?:\s+on(?:\s+(?P<date>.+))?)?$|"
    r"^Adopted\s+by\s+the\s+(?P<organ2>.+?)\s+at\s+its\s+(?P<meeting>\S+)\s+meeting\s*,?(?:\s+on(?:\s+(?P<date2>.+))?)?$"
)
#: A line in brackets: "[without reference to a Main Committee (A/73/L.8)]", "[S/4741]" (the
#: draft's symbol, which OCR may give with a round bracket: "(S/3139/Rev.2]").
_BRACKETED = re.compile(r"^\[.*\]$|^[\[({]\s*[A-Z]{1,2}/[0-9A-Z][\w./\-]*(?:\s+and\s+[\w./\-]+)*\s*[\])}]{1,2}$")
#: A date line that OCR damaged: "ef 15 June 1965", "of 3f July 1989", "on 10 Auqust 1993".
_DAMAGED_DATE = re.compile(r"^[a-z]{2}\s+\S{1,3}\s+[A-Za-z.]{3,10}\.?\s+(?:1[89]|20)[0-9]{2}\.?$")
#: A resolution's number before its title: "73/7.", "ES-11/1.", "77/126 A."
RESOLUTION_NUMBER = re.compile(r"^(?:[A-Z]+-)?[0-9]+/[0-9]+(?:\s*[A-Z])?\.$")
#: The same number before its title without its stop: "73/7 Report of ..." (a capital follows).
_BARE_RESOLUTION_NUMBER = re.compile(r"^((?:[A-Z]+-)?[0-9]+/[0-9]+(?:\s[A-Z])?)\s+([A-Z].*)$")
_SPONSORS_END = re.compile(r"(?:revised\s+)?draft\s+(?:resolution|decision)\s*$", re.IGNORECASE)
#: A name that goes on on the next line: it ends with a connecting word.
_WRAPPED = re.compile(r"\s(?:of|of the|for|on|and|to|in|against)$")
#: An unknown header line is short, and a known one follows within a few lines.
_UNKNOWN_FIELD_LENGTH = 60
_UNKNOWN_FIELD_REACH = 3
_UNKNOWN_FIELD_WORDS = 4
#: A symbol broken by a stray space: "A/RES/77/ 12", "A /RES/77/12".
_BROKEN_SYMBOL = re.compile(r"^[A-Z][A-Za-z0-9.\-]*(?:\s*/\s*[A-Za-z0-9.\-]+)+(?:\s*\([0-9]{4}\))?$")
#: A letterhead logo's lines are short and few.
_LOGO_LENGTH = 40
_LOGO_LINES = 3
#: A line of a letterhead's left column is short, like the column.
_ISSUER_LINE_LENGTH = 80
#: A masthead line read for cells glued together is at most so long, a cell so many words.
_GLUED_LENGTH = 300
_GLUED_WORDS = 8
_WORD = re.compile(r"\S+")
#: The roles of lines the header zone goes on past: layout, not fields.
_PASSED_ROLES = frozenset({"blank", "furniture", *LAYOUT_ROLES})
#: The attributes of a Header, which a header line can fill.
_HEADER_ATTRIBUTES = frozenset(attrs.fields_dict(Header))


@attrs.define
class HeaderReading:
    """What the header zone gave: the header, the lines it used, and title text found beside it."""

    header: Header
    used: set[int]
    end: int
    title_cells: list[tuple[str, Span]] = attrs.field(factory=list)


@functools.cache
def _organ_patterns(organs: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Compile a body's organs: a line that is one, and one that opens with one (or "United Nations")."""
    names = "|".join(re.escape(organ) for organ in organs) or "(?!)"
    exact = re.compile(f"^(?:{names})$", re.IGNORECASE)
    prefix = re.compile(f"^(United Nations|{names})\\s+(\\S.*)$")
    return exact, prefix


def read_header(
    lines: list[Line], cells: InlineScanner | None = None, conventions: Conventions | None = None
) -> HeaderReading:
    """Read the header zone at the top of the document.

    Args:
        lines: The document's lines, roles set.
        cells: A scanner for single header-field cells, for lines that lost their column gaps.
        conventions: The body's conventions: its organs, and the symbols its lines carry.
    """
    reader = _Reader(lines, cells, conventions or Conventions())
    reader.run()
    return reader.result()


class _Reader:
    """Walks the header zone line by line, filling header fields."""

    def __init__(self, lines: list[Line], cells: InlineScanner | None, conventions: Conventions) -> None:
        self.lines = lines
        self.cells = cells
        self.conventions = conventions
        self.organ, self.organ_prefix = _organ_patterns(conventions.organs)
        self.fields: dict[str, object] = {}
        self.header_lines: list[HeaderLine] = []
        self.used: set[int] = set()
        self.title_cells: list[tuple[str, Span]] = []
        self.index = 0
        self.pending_date: str | None = None  # the field a date on the next line fills
        self.title_open = False  # the last line began a title that the next line may go on with
        self.issuer: list[str] = []  # the issuer's name, wrapped in the letterhead's left column
        self.issuer_un = False  # the left column opened with "United Nations"
        self.issuer_open = False  # the last line's issuer text may go on on the next line
        # The run of content lines last found by run_from: its first line, its end, and its
        # last line that holds a header field (-1: none).
        self.run_first = self.run_end = 0
        self.run_last_field = -1

    def result(self) -> HeaderReading:
        if (issuer := self.issuer_name()) is not None:
            self.fields.setdefault("organ" if "organ" not in self.fields else "body", issuer)
        values = {k: v for k, v in self.fields.items() if k in _HEADER_ATTRIBUTES}
        header = Header(**values, lines=tuple(self.header_lines))  # type: ignore[arg-type]
        return HeaderReading(header, self.used, self.index, self.title_cells)

    def run(self) -> None:
        lines = self.lines
        first_page = lines[0].page if lines else 0
        while self.index < len(lines):
            line = lines[self.index]
            if line.role in _PASSED_ROLES:
                self.index += 1
                continue
            if line.role not in ("content", "symbol") or line.page > first_page:
                return
            continues_title = self.title_open
            self.title_open = False
            start = self.index
            if continues_title and self.extend_title(line):
                pass
            elif not self.take(line):
                if not self.is_logo_text(line) and not self.is_unknown_field(line):
                    return
                self.header_lines.append(HeaderLine("other", line.plain(), Span(line.content_start, line.eol)))
            self.used.update((start, self.index))  # a field may take the lines after it too
            self.index += 1

    def is_logo_text(self, line: Line) -> bool:
        """Tell the words of a letterhead logo ("UNITED" / "NATIONS   EP") above the header fields.

        Such a line is short, in capitals, holds no field, and a line with a header field follows
        within the next few lines; the header zone then goes on past it.
        """
        if self.fields or line.kind != "text" or not _is_logo_word(line.plain()):
            return False
        seen = 0
        for position in range(self.index + 1, len(self.lines)):  # not a slice: a copy of all lines
            following = self.lines[position]
            if following.role == "blank":
                continue
            if any(piece.kind in FIELDS for piece in following.pieces):
                return True
            seen += 1
            if seen >= _LOGO_LINES or following.role != "content" or not _is_logo_word(following.plain()):
                return False
        return False

    def is_unknown_field(self, line: Line) -> bool:
        """Tell a header line the reader does not know, between lines it knows.

        A masthead may carry a field no grammar foresaw ("Sixty-ninth year", "Official
        Records"), or one damaged by extraction ("A/RES/77/ 12"): it costs that field only,
        when fields were read above it and more follow close below.
        """
        text = line.plain()
        if self.fields and line.kind == "text" and _DAMAGED_DATE.match(text):
            return True  # a date OCR damaged: the date is lost, not the header
        if not self.fields or line.kind != "text" or len(text) > _UNKNOWN_FIELD_LENGTH or ends_sentence(text):
            return False
        if len(text.split()) > _UNKNOWN_FIELD_WORDS and not any(c.isdigit() or c == "/" for c in text):
            return False  # words, not a field: a title ("Combating rising hate against ...")
        if any(piece.kind in ("FORMULA", "FORMULA_LEAD", "WE") for piece in line.pieces):
            return False
        seen = 0
        for following in self.lines[self.index + 1 :]:
            if following.role in _PASSED_ROLES:
                continue
            if following.role not in ("content", "symbol") or seen >= _UNKNOWN_FIELD_REACH:
                return False
            if self.knows(following):
                return True
            text = following.plain()
            if len(text) > _UNKNOWN_FIELD_LENGTH or ends_sentence(text):
                return False  # a sentence: the header is over, and this line was a title
            seen += 1
        return False

    def knows(self, line: Line) -> bool:
        """Tell a line that is surely of the header: a field, an organ, an adoption line."""
        if line.role == "symbol" or any(piece.kind in FIELDS for piece in line.pieces):
            return True
        text = line.plain()
        return bool(self.organ.match(text) or _ADOPTED.match(text) or _OF_DATE.match(text) or head_number(text))

    # ------------------------------------------------------------ one line
    def extend_title(self, line: Line) -> bool:
        """Add a wrapped title line ("WHA66.10 Follow-up to ... General" / "Assembly on ...")."""
        if line.kind != "text" or any(piece.kind in FIELDS or piece.kind in ("FORMULA", "WE") for piece in line.pieces):
            return False
        if line.pieces and line.pieces[0].kind in VERBS:  # the first paragraph, under a title
            return False
        text, span = self.title_cells[-1]
        self.title_cells[-1] = (join_lines([text, line.plain()]), Span(span.start, line.eol))
        self.title_open = line.blanks == 0
        return True

    def take(self, line: Line) -> bool:
        """Read one line into the header; False when it is not a header line."""
        if line.kind not in ("text", "numbered", "heading"):
            return False
        if any(piece.kind in ("FORMULA", "WE") for piece in line.pieces):
            return False
        if self.fields and self.take_sponsors():
            return True
        cells = _cells(line.pieces)
        issuer_goes_on = self.issuer_open
        self.issuer_open = False
        if issuer_goes_on and len(cells) == 1 and not _has_field(cells[0]) and line.kind == "text":
            text = plain_text(cells[0])
            if len(text) < _ISSUER_LINE_LENGTH and not self.organ.match(text):
                self.take_issuer(text, Span(line.content_start, line.eol))
                return True
        if len(cells) == 1 and not _has_field(cells[0]):
            first = cells[0][0]
            emphasised = first.kind in ("STAR", "TAG") and line.kind != "heading"
            text = plain_text(cells[0])
            if line.kind == "numbered" and line.label is not None:
                text = f"{line.label.text.strip()} {text}".strip()
            return self.take_text(line, text, emphasised)
        if line.kind == "numbered":
            return False
        if not all(_has_field(cell) or _is_furniture(cell) or self.text_cell_fits(cell) for cell in cells):
            return False
        beside_field = any(_has_field(cell) for cell in cells)
        for cell in cells:
            # The field's header line owns the whole line when it is alone on it, else its cell.
            whole = Span(line.content_start, line.eol) if len(cells) == 1 else Span(cell[0].start, cell[-1].end)
            if _has_field(cell):
                self.take_fields(cell, whole)
            elif not _is_furniture(cell):
                self.take_cell_text(cell, beside_field)
            else:
                self.header_lines.append(HeaderLine("furniture", plain_text(cell), whole))
        return True

    def text_cell_fits(self, cell: list[Piece]) -> bool:
        text = plain_text(cell)
        return bool(self.organ.match(text) or text == "United Nations" or RESOLUTION_NUMBER.match(text)) or bool(
            (self.fields and len(text) < 150) or self.repaired_symbol(text) is not None
        )

    def take_fields(self, cell: list[Piece], whole: Span | None = None) -> None:
        first = True
        for piece in cell:
            kind = piece.kind
            if kind not in FIELDS:
                continue
            text = piece.text.strip()
            span = whole if first and whole is not None else Span(piece.start, piece.end)
            first = False
            if kind == "SYMBOL":
                self.set("symbol", text, span)
            elif kind == "DATE":
                target = self.pending_date or ("date" if "date" not in self.fields else "other")
                self.set(target, parse_date(text), span, text)
                self.pending_date = None
            elif kind == "SESSION":
                self.set("session", text, span)
            elif kind == "DISTRIBUTION":
                self.set("distribution", re.sub(r"^Distr\.?\s*:?\s*", "", text), span, text)
            elif kind == "ORIGINAL_LANGUAGE":
                self.set("original_language", text.split(":", 1)[1].strip(), span, text)
            elif kind == "AGENDA_ITEM":
                self.set("agenda_item", _agenda_number(text), span, text)
                self.take_agenda_title()

    def take_cell_text(self, cell: list[Piece], beside_field: bool) -> None:
        text = plain_text(cell)
        span = Span(cell[0].start, cell[-1].end)
        if (repaired := self.repaired_symbol(text)) is not None:
            self.set("symbol", repaired, span, text)
        elif self.organ.match(text):
            self.set("organ" if "organ" not in self.fields else "body", text, span)
        elif RESOLUTION_NUMBER.match(text):
            self.header_lines.append(HeaderLine("number", text, span))
        elif text == "United Nations":
            self.header_lines.append(HeaderLine("other", text, span))
            self.issuer_un = beside_field and not self.issuer
        elif beside_field:
            self.take_issuer(text, span)
        else:
            self.title_cells.append((text, span))
            self.title_open = self.lines[self.index].blanks == 0

    def take_issuer(self, text: str, span: Span) -> None:
        """Read a piece of the issuer's name, wrapped in the letterhead's left column.

        "United Nations" / "Environment Assembly of the" / "United Nations Environment" /
        "Programme", beside the symbol, distribution, date and language.
        """
        self.issuer.append(text)
        self.header_lines.append(HeaderLine("issuer", text, span))
        self.issuer_open = self.lines[self.index].blanks == 0

    def issuer_name(self) -> str | None:
        if not self.issuer:
            return None
        return join_lines((["United Nations"] if self.issuer_un else []) + self.issuer)

    def take_text(self, line: Line, text: str, emphasised: bool) -> bool:
        """Read a line of plain text; False when it is not a header line."""
        span = Span(line.content_start, line.eol)
        if not text:
            return False
        if (repaired := self.repaired_symbol(text)) is not None:
            self.set("symbol", repaired, span, text)
            return True
        if (split := self.organ_prefix.match(text)) and self.cells is not None:
            rest = split.group(2)
            kind = self.cells.whole(rest)
            if kind is not None:
                name = split.group(1)
                if name != "United Nations":
                    self.set("organ" if "organ" not in self.fields else "body", name, span)
                self.take_fields([Piece(kind, rest, span.start, span.end)])
                return True
        if self.take_glued(line, text, span):
            return True
        if self.pending_date and parse_date(text) and len(text) < 40:
            self.set(self.pending_date, parse_date(text), span, text)
            self.pending_date = None
            return True
        if self.organ.match(text) and not emphasised:
            self.set("organ" if "organ" not in self.fields else "body", text, span)
            return True
        if text == "United Nations" and not emphasised:
            self.header_lines.append(HeaderLine("other", text, span))
            return True
        if self.fields and DATE_RANGE.match(text):
            self.header_lines.append(HeaderLine("session_dates", text, span))
            return True
        if (found := dateline(text)) is not None:
            place, date = found
            self.set("place", place, span, text)
            if date is not None and "date" not in self.fields:
                self.fields["date"] = date
            return True
        if self.fields and _BODY.match(text) and not emphasised and "body" not in self.fields and len(text) < 120:
            text, span = self.wrapped_name(line, text, span)
            self.set("body", text, span)
            return True
        return self.take_formal_line(text, span) or self.take_numbered_title(line, text, span)

    def take_glued(self, line: Line, text: str, span: Span) -> bool:
        """Read a masthead line whose cells lost their gaps, as some PDF extractors join them.

        "General Assembly Distr.: General 15 October 2025", "Eightieth session Agenda item 140
        Scale of assessments ...": the line is cut, longest piece first, into fields, organs and
        "United Nations"; it is a header line when two pieces or more are read so, and nothing is
        left over but an agenda item's title after it.
        """
        if self.cells is None or len(text) > _GLUED_LENGTH:
            return False
        words = [(match.start(), match.end()) for match in _WORD.finditer(text)]
        found: list[tuple[str, int, int]] = []
        index = 0
        while index < len(words):
            for end in range(min(len(words), index + _GLUED_WORDS), index, -1):
                start, stop = words[index][0], words[end - 1][1]
                kind = self.glued_kind(text[start:stop])
                if kind is not None:
                    found.append((kind, start, stop))
                    index = end
                    break
            else:
                if not found or found[-1][0] != "AGENDA_ITEM":
                    return False
                found.append(("agenda_title", words[index][0], len(text)))
                break
        if len(found) < 2 or all(kind in ("organ", "United Nations") for kind, _, _ in found):
            return False
        # Each piece's own span where the line is one run of text, as extracted; else the line's.
        exact = len(line.pieces) == 1 and line.pieces[0].text == text
        for kind, start, stop in found:
            piece = text[start:stop]
            where = Span(line.pieces[0].start + start, line.pieces[0].start + stop) if exact else span
            if kind == "organ":
                self.set("organ" if "organ" not in self.fields else "body", piece, where)
            elif kind in ("United Nations", "agenda_title"):
                self.header_lines.append(HeaderLine("other" if kind == "United Nations" else kind, piece, where))
            else:
                self.take_fields([Piece(kind, piece, where.start, where.end)], where)
        return True

    def glued_kind(self, text: str) -> str | None:
        if self.organ.match(text):
            return "organ"
        if text == "United Nations":
            return text
        return self.cells.whole(text) if self.cells is not None else None

    def repaired_symbol(self, text: str) -> str | None:
        """Read a symbol that a stray space broke ("A/RES/77/ 12" is A/RES/77/12)."""
        if "/" not in text or self.cells is None or _BROKEN_SYMBOL.match(text) is None:
            return None
        joined = re.sub(r"\s*/\s*", "/", text)
        return joined if joined != text and self.cells.whole(joined) == "SYMBOL" else None

    def wrapped_name(self, line: Line, text: str, span: Span) -> tuple[str, Span]:
        """Join a body's name wrapped after a connecting word with the line that finishes it.

        "United Nations Environment Assembly of the" / "United Nations Environment Programme".
        """
        following = self.lines[self.index + 1] if self.index + 1 < len(self.lines) else None
        if (
            _WRAPPED.search(text) is None
            or following is None
            or line.blanks > 0
            or following.kind != "text"
            or following.role != "content"
            or any(piece.kind in FIELDS for piece in following.pieces)
        ):
            return text, span
        self.index += 1
        return join_lines([text, following.plain()]), Span(span.start, following.eol)

    def take_formal_line(self, text: str, span: Span) -> bool:
        """Read the formal lines of UN documents: adoption, resolution numbers, brackets."""
        if (head := head_number(text)) is not None:  # "Decision 12/CP.24", "Resolution 242 (1967)"
            self.set("symbol", head[1], span, text)
            self.fields.setdefault("kind", head[0])
            if (dated := head_date(text)) is not None:  # "... of 22 November 1967", "(Adopted on ...)"
                self.fields.setdefault(*dated)
            return True
        if match := DATED_HEAD.match(text):
            self.set("symbol", f"{match.group(1)} ({match.group(2)})", span, text)  # its body's symbol rules apply
            self.fields.setdefault("kind", "resolution")
            if (date := parse_date(match.group(3))) is not None:
                self.fields.setdefault("date", date)
            return True
        if match := _OF_DATE.match(text):
            target = self.pending_date or ("date" if "date" not in self.fields else "adopted")
            self.set(target, parse_date(match.group(1)), span, text)
            self.pending_date = None
            return True
        if match := _ADOPTED.match(text):
            organ = match.group("organ") or match.group("organ2")
            self.fields.setdefault("organ", organ)
            target = "adopted" if match.group("organ") else ("date" if "date" not in self.fields else "adopted")
            when = match.group("date") or match.group("date2")
            if when and parse_date(when):
                self.set(target, parse_date(when), span, text)
            else:
                self.header_lines.append(HeaderLine(target, text, span))
                self.pending_date = target
            return True
        if _BRACKETED.match(text) and self.fields:
            self.header_lines.append(HeaderLine("other", text, span))
            return True
        if RESOLUTION_NUMBER.match(text):
            self.header_lines.append(HeaderLine("number", text, span))
            return True
        if found := self.conventions.titled_symbol(text):  # "WHA66.12 Neglected tropical diseases"
            symbol, title, organ = found
            self.set("symbol", symbol, span, text)
            if organ is not None:
                self.fields.setdefault("organ", organ)
            self.title_cells.append((title, span))
            self.title_open = self.lines[self.index].blanks == 0
            return True
        return False

    def take_numbered_title(self, line: Line, text: str, span: Span) -> bool:
        """Read "73/7. Report of the International Criminal Court" (number, then the title)."""
        found = split_numbered_title(text)
        if found is not None:
            number, rest = found
            self.header_lines.append(HeaderLine("number", number, span))
            self.title_cells.append((rest, span))
            self.title_open = line.blanks == 0
            return True
        return False

    def take_agenda_title(self) -> None:
        """Read the agenda item's title and a draft's sponsor list, printed right after it."""
        lines = self.lines
        start = self.index + 1
        if lines[self.index].blanks > 0:
            return
        run = self.run_from(start)
        if not run:
            return
        ends_sponsors = _SPONSORS_END.search(lines[run[-1]].plain()) is not None
        if not ends_sponsors and len(run) > 4:
            return  # no title (seen before the texts are made: a run of such lines costs one look each)
        texts = [lines[i].plain() for i in run]
        # A sponsor list (names and commas, ending "draft resolution") may follow the title.
        sponsors_at = (
            next((k for k, t in enumerate(texts) if t.count(",") >= 2), len(texts)) if ends_sponsors else len(texts)
        )
        if ends_sponsors:
            sponsors_at = min(sponsors_at, len(texts) - 1)  # one sponsor: "Ghana: draft resolution"
        title_part = run[:sponsors_at]
        if title_part:
            self.add_lines("agenda_title", title_part)
        if ends_sponsors:
            self.add_lines("sponsors", run[sponsors_at:])
            self.index = run[-1]
        elif title_part:
            self.index = title_part[-1]

    def take_sponsors(self) -> bool:
        """Read a draft's sponsor list: a paragraph of names ending "...:* draft resolution"."""
        run = self.run_from(self.index)
        if not run or _SPONSORS_END.search(self.lines[run[-1]].plain()) is None:
            return False
        fields = self.run_last_field >= run[0]
        if fields or "," not in self.lines[run[0]].plain():
            return False  # a run of header fields, not a list of names
        self.add_lines("sponsors", run)
        self.index = run[-1]
        return True

    def run_from(self, start: int) -> range:
        """Return the indices of the content lines from ``start`` up to the next blank line.

        Every line of a run ends where the run does: that end is found once per run, not once
        per line that asks (a header of a thousand field lines asked a thousand times).
        """
        if not self.run_first <= start < self.run_end:
            lines = self.lines
            end, last_field = start, -1
            for position in range(start, len(lines)):
                line = lines[position]
                if line.role != "content" or line.kind != "text":
                    break
                end = position + 1
                if any(piece.kind in FIELDS for piece in line.pieces):
                    last_field = position
                if line.blanks > 0:
                    break
            self.run_first, self.run_end, self.run_last_field = start, end, last_field
        return range(start, self.run_end)

    def add_lines(self, field: str, indices: Sequence[int]) -> None:
        lines = [self.lines[i] for i in indices]
        text = join_lines([line.plain() for line in lines])
        self.header_lines.append(HeaderLine(field, text, Span(lines[0].content_start, lines[-1].eol)))
        self.used.update(indices)

    def set(self, field: str, value: object, span: Span, text: str | None = None) -> None:
        if field in _HEADER_ATTRIBUTES and field not in self.fields and value is not None:
            self.fields[field] = value
        else:
            field = "other" if field not in ("adopted", "date") or field in self.fields else field
        self.header_lines.append(HeaderLine(field, text if text is not None else str(value), span))


def split_numbered_title(text: str) -> tuple[str, str] | None:
    """Split "73/7. Report of the Court" (or "73/7 Report ...") into its number and its title."""
    number, _, rest = text.partition(" ")
    rest = rest.strip()
    if rest and RESOLUTION_NUMBER.match(number):
        return number, rest
    bare = _BARE_RESOLUTION_NUMBER.match(text)
    return (bare.group(1), bare.group(2)) if bare else None


def _is_logo_word(text: str) -> bool:
    return text.isupper() and len(text) <= _LOGO_LENGTH


def _cells(pieces: list[Piece]) -> list[list[Piece]]:
    """Split a line's pieces at column gaps (three spaces or more)."""
    cells: list[list[Piece]] = [[]]
    for piece in pieces:
        if piece.kind == "GAP":
            if cells[-1]:
                cells.append([])
        else:
            cells[-1].append(piece)
    return [cell for cell in cells if cell]


def _has_field(cell: list[Piece]) -> bool:
    return any(piece.kind in FIELDS for piece in cell)


def _is_furniture(cell: list[Piece]) -> bool:
    return all(piece.kind in FURNITURE for piece in cell)


def _agenda_number(text: str) -> str:
    match = re.search(r"[0-9]+(?:\s*\([a-z]\))?(?:(?:,|\s+and)\s+[0-9]+(?:\s*\([a-z]\))?)*", text)
    return match.group(0) if match else text
