"""The layout stage: what on the page is content, and what is furniture or footnotes.

Text pulled out of PDFs interleaves the document with its page layout: job numbers, barcodes,
page numbers and running headers at page edges, and footnote blocks at page bottoms, often in
the middle of a paragraph. This stage gives each line a role, so that later stages read the
content lines as one stream and paragraphs cut by a page break can be joined again.

Roles: "content", "furniture", "footnote", "symbol" (a line holding only a document symbol:
the header's, or a running header), "markup" (an HTML line such as ``<details>``),
"front_matter" (the metadata block that static-site tools and extraction scripts put at the top
of a Markdown file, between "---" lines), "page_separator" (a converter's line between pages).
"""

from __future__ import annotations

import re

from resolutions.footnotes import MARKED_BODY
from resolutions.language import is_other_language, may_hold_other_languages
from resolutions.lines import FURNITURE, VERBS, Line, Piece
from resolutions.split import runs_on

#: HTML elements whose tags frame content without being content ("<details>", "<summary>").
_STRUCTURE_TAGS = frozenset(
    "details summary div section article header footer table thead tbody tr td th ul ol hr br "
    "html head body title meta link style script center font".split()
)
_TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)")
#: A footnote that begins with its marker on the same line: "12 See ...", "* Any changes ...".
#: How footnotes usually begin, after their marker: "Ibid." (or its OCR misreadings "[bid.",
#: "lbid."), "See ...", "Official Records ...", "General Assembly resolution 217 A (III).".
_NOTE_OPENING = re.compile(
    r"\s*(?:[IlT\[]bid\b|See\b|Official Records\b|Documents?\b|Resolutions?\b|Decisions?\b|"
    r"United Nations(?:,| Treaty| publication)|(?:A|S|E)/[0-9A-Z]|"
    r"(?:[A-Z][\w-]*\s+){1,5}(?:resolutions?|decisions?)\s+[0-9A-Z])"
)
#: A paragraph number alone: "4", "12.", "3)".
_BARE_NUMBER = re.compile(r"^[ \t]*[0-9]{1,3}[.)]?[ \t]*$")
#: The label of a footnote numbered in brackets: "(1) ".
_BRACKETED_LABEL = re.compile(r"^\(([0-9]{1,2})\)\s*$")
#: Front matter: YAML between "---" lines (its end may be "..."), or TOML between "+++" lines.
_FRONT_MATTER_FENCES = {"---": ("---", "..."), "+++": ("+++",)}
#: A line of front matter: a key and its value, a list item, a continuation, a comment.
_FRONT_MATTER_LINE = re.compile(r"^(?:[A-Za-z_][\w .-]{0,60}[ \t]*[:=](?:[ \t]|$)|[ \t]+\S|-[ \t]|#|[ \t]*$)")
#: The most lines a front matter block may take.
_MAX_FRONT_MATTER_LINES = 200
#: A converter's line between pages: "--- [page 2](x.pdf#page=2) ---", "=== Page 3 ===",
#: "-- 4 of 9 --".
_PAGE_SEPARATOR = re.compile(
    r"[ \t]*(?:-{2,}|={2,})[ \t]*(?:\[?(?:page|p\.)[ \t]*[0-9]{1,5}\b[^\n]{0,300}?|[0-9]{1,5}[ \t]+of[ \t]+[0-9]{1,5})"
    r"[ \t]*(?:-{2,}|={2,})[ \t]*$",
    re.IGNORECASE,
)
_SEPARATOR_LENGTH = 400
_SEPARATOR_STARTS = ("--", "==")
#: Roles of lines that are layout: each is kept as furniture of the kind its role names.
LAYOUT_ROLES = ("rule", "markup", "editorial", "front_matter", "page_separator")
#: The most lines a page-bottom footnote without a rule takes (its marker line excluded).
_MAX_TAIL_NOTE_LINES = 5


def annotate(lines: list[Line], source: str = "") -> None:
    """Set ``page`` and ``role`` on every line (``source``: the text, for a first look at it)."""
    separators = _page_separators(lines, source) if "-" in source or "=" in source else set()
    pages = _assign_pages(lines, separators)
    _number_headings(lines)
    front = _front_matter(lines, source)
    for line in lines[:front]:
        line.role = "front_matter"
    if "<!--" in source:
        _mark_comments(lines, source, front)
    for index, line in enumerate(lines[front:], start=front):
        if line.role != "content":
            continue  # an HTML comment
        if index in separators:
            line.role = "page_separator"
        elif line.kind == "blank":
            line.role = "blank" if line.tags is None else "markup"  # "<p>" alone: layout
        elif line.pieces and line.pieces[0].kind in _LAYOUT_OPENERS and _is_furniture(line):
            line.role = "furniture"
        elif line.pieces and line.pieces[0].kind in _LAYOUT_OPENERS and _is_symbol_only(line):
            line.role = "content" if index and _ends_sentence_above(line, lines[index - 1]) else "symbol"
        elif line.pieces and line.pieces[0].kind == "TAG" and _is_markup(line):
            line.role = "markup"
        elif line.kind == "rule":
            line.role = "rule"
    if may_hold_other_languages(source):
        _mark_editorial_notes(lines)
    _mark_footnote_lines(lines)
    _mark_bracketed_footnotes(lines)
    _mark_ruled_footnote_blocks(lines, pages)
    _mark_page_tail_footnotes(lines, pages)
    _mark_running_headers(lines, pages)


def _front_matter(lines: list[Line], source: str) -> int:
    """Count the lines of the metadata block that opens a Markdown file, if there is one.

    ``---`` / ``symbol: A/RES/80/2`` / ``title: "..."`` / ``---``: the block holds key-value
    lines only, and it stands at the very top of the file (a byte order mark aside).
    """
    if not lines or not source:
        return 0
    first = source[lines[0].start : lines[0].eol].lstrip("\ufeff").rstrip()
    ends = _FRONT_MATTER_FENCES.get(first)
    if ends is None:
        return 0
    keys = 0
    for index, line in enumerate(lines[1 : _MAX_FRONT_MATTER_LINES + 1], start=1):
        text = source[line.start : line.eol]
        if text.rstrip() in ends:
            return index + 1 if keys else 0
        if not _FRONT_MATTER_LINE.match(text):
            return 0
        keys += text[:1].isalpha() or text[:1] == "_"
    return 0


def _number_headings(lines: list[Line]) -> None:
    """Read a heading that holds only a number ("### 4", "###1") as a paragraph's number.

    Databases that convert to Markdown number paragraphs so; the text follows on the next line.
    """
    for line in lines:
        if line.kind != "heading" or line.label is None or len(line.pieces) != 1:
            continue
        piece = line.pieces[0]
        if piece.kind == "TEXT" and _BARE_NUMBER.match(piece.text):
            line.kind = "numbered"
            line.label = Piece("NUM_LABEL", piece.text.strip(), line.label.start, piece.end)
            line.pieces = []
            line._plain = None


def _page_separators(lines: list[Line], source: str) -> set[int]:
    """Find the lines that converters write between pages: "--- [page 2](doc.pdf#page=2) ---"."""
    return {
        index
        for index, line in enumerate(lines)
        if line.eol - line.content_start < _SEPARATOR_LENGTH
        and source.startswith(_SEPARATOR_STARTS, line.content_start)
        and _PAGE_SEPARATOR.match(source, line.content_start, line.eol) is not None
    }


def _mark_comments(lines: list[Line], source: str, start: int) -> None:
    """Mark HTML comments that take whole lines ("<!-- source: x.pdf -->") as markup, not text.

    A comment may run over several lines; one that never closes is left as text.
    """
    opened: int | None = None
    for index in range(start, len(lines)):
        line = lines[index]
        text = source[line.content_start : line.eol].strip()
        if opened is None:
            if not text.startswith("<!--"):
                continue
            if text.endswith("-->") and len(text) >= 7:
                line.role = "markup"
                continue
            if "-->" in text:
                continue  # text after the comment: a line of content
            opened = index
        elif text.endswith("-->"):
            for position in range(opened, index + 1):
                lines[position].role = "markup"
            opened = None
        elif "-->" in text:
            opened = None


def _assign_pages(lines: list[Line], separators: set[int] | frozenset[int] = frozenset()) -> list[tuple[int, int]]:
    """Number the pages (cut at form feeds and page separators) and return each page's lines.

    Returns each page's (first, last + 1) line index.
    """
    pages = []
    page = 0
    first = 0
    for index, line in enumerate(lines):
        if (line.page_break or index in separators) and index > 0:
            pages.append((first, index))
            page += 1
            first = index
        line.page = page
    pages.append((first, len(lines)))
    return pages


#: What a line of furniture, or of a symbol alone, opens with (most lines open otherwise, and
#: are told so without a look at their other pieces).
_LAYOUT_OPENERS = FURNITURE | {"GAP", "SYMBOL"}


def _is_furniture(line: Line) -> bool:
    """Tell a line made only of page furniture cells: "18-18142 (E)   021118", "2/5"."""
    found = False
    for piece in line.pieces:
        if piece.kind in FURNITURE:
            found = True
        elif piece.kind != "GAP":
            return False
    return found and line.label is None


def _ends_sentence_above(symbol: Line, above: Line) -> bool:
    """Tell a symbol alone on its line that ends the sentence of the line above it.

    "... contained in document" / "S/4122.": the line above runs on (see
    :func:`~resolutions.split.runs_on`), and the symbol closes the sentence with its stop. A
    page's running symbol under its running title ("... Trafficking in Persons" / "A/RES/80/9")
    has no stop.
    """
    return symbol.plain().rstrip()[-1:] in ".;," and runs_on(above)


def _is_symbol_only(line: Line) -> bool:
    """Tell a line that is one document symbol and nothing else (spaces aside)."""
    found = False
    for piece in line.pieces:
        if piece.kind == "GAP":
            continue
        if found or piece.kind != "SYMBOL":
            return False
        found = True
    return found and line.label is None


def _is_markup(line: Line) -> bool:
    """Tell a line framed by structural HTML tags: "<details>", "<summary>Text</summary>"."""
    pieces = line.pieces
    if line.label is not None or not pieces or pieces[0].kind != "TAG":
        return False
    match = _TAG_NAME.match(pieces[0].text)
    if not match or match.group(1).lower() not in _STRUCTURE_TAGS:
        return False
    last = [piece for piece in pieces if piece.kind != "GAP" and piece.text.strip()][-1]
    return last.kind == "TAG"


def _mark_editorial_notes(lines: list[Line]) -> None:
    """Mark lines in another language than the document's: notes of who republished it.

    A paragraph number whose text is such a note goes with it ("### 1" / "Wijzigt de ...").
    """
    content = [line for line in lines if line.role == "content" and line.pieces]
    notes = [line for line in content if is_other_language(line.plain())]
    if not notes or len(notes) * 2 > len(content):
        return  # none, or the document itself is in that language
    for line in notes:
        line.role = "editorial"
    label: Line | None = None
    for line in lines:
        if line.role == "content" and line.kind == "numbered" and not line.pieces:
            label = line
        elif line.role == "editorial" and label is not None:
            label.role = "editorial"
            label = None
        elif line.role != "blank":
            label = None


def _mark_footnote_lines(lines: list[Line]) -> None:
    """Mark footnotes that open with their marker ("¹ ...", "<sup>2</sup> ...", "\\* ...")."""
    inside = False
    for line in lines:
        opens = line.kind == "footnote" and line.role == "content"
        goes_on = inside and line.kind == "text" and line.role == "content" and not line.page_break
        if opens or goes_on:
            line.role = "footnote"
            inside = line.blanks == 0
        else:
            inside = False


def _mark_bracketed_footnotes(lines: list[Line]) -> None:
    """Mark footnotes numbered in brackets, "(1) Including ...", cited above as "UNESCO,(1)".

    Lines labelled "(1)", "(2)" ... are sub-items, unless their numbers run from 1, each is
    cited in the text above the first (glued to a word, or after a comma: "beliefs, (2)"), and
    nothing but their own wrapped lines stands between them: then they are a block of footnotes.
    """
    index = 0
    cited = _BracketCitations(lines)
    while index < len(lines):
        line = lines[index]
        if line.kind != "item" or line.label is None or not line.label.text.startswith("(1)"):
            index += 1
            continue
        if _bracketed_number(line) != 1:
            index += 1
            continue
        run = [index]
        position = index + 1
        while position < len(lines):
            line = lines[position]
            if _bracketed_number(line) == len(run) + 1:
                run.append(position)
            elif line.role == "content" and (line.kind != "text" or lines[position - 1].blanks > 0):
                break
            position += 1
        numbers = cited.above(index)
        if all(number in numbers for number in range(1, len(run) + 1)):
            for line in lines[index:position]:
                if line.role == "content":
                    line.role = "footnote"
        index = position


def _bracketed_number(line: Line) -> int | None:
    if line.kind != "item" or line.role != "content" or line.label is None:
        return None
    match = _BRACKETED_LABEL.match(line.label.text)
    return int(match.group(1)) if match else None


#: "(n)" cited as a footnote: glued to a word, or after a comma (the line before may end with it);
#: two digits at most, like the labels of such footnotes.
_CITED_BRACKET = re.compile(r"(?:(?<=[^\s(0-9])|(?<=[,;.:]\s))\(([1-9][0-9]?)\)(?=\s|$|[,;.:])")


class _BracketCitations:
    """The numbers "(n)" cited in the content lines above a line, read once each.

    Joining all the text above each "(1)" and searching it for every number took time in the
    square of the text. The lines above a run are settled when it is judged (runs are marked
    in order, below the lines read), so each line is read once, when the first run below it is.
    """

    __slots__ = ("last", "lines", "numbers", "read")

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self.numbers: set[int] = set()
        self.read = 0  # lines before this one are read
        self.last: str | None = None  # the text of the last content line read (None: no line yet)

    def above(self, index: int) -> set[int]:
        """Return the numbers cited in the content lines before ``index``."""
        while self.read < index:
            line = self.lines[self.read]
            self.read += 1
            if line.role != "content":
                continue
            text = line.text()
            # What stands before the line where the lines are joined by line breaks: the last
            # character of the line before and a line break (the look-behind may see both).
            before = "" if self.last is None else (self.last[-1:] or "\n") + "\n"
            for match in _CITED_BRACKET.finditer(before + text, len(before)):
                self.numbers.add(int(match.group(1)))
            self.last = text
        return self.numbers


def _mark_ruled_footnote_blocks(lines: list[Line], pages: list[tuple[int, int]]) -> None:
    """Mark what follows a footnote rule ("__________") down to the bottom of its page.

    Where the text has no form feeds (one "page"), each rule's notes run down to the next line
    that opens content: every page's rule counts, not the first one only.
    """
    bounded = len(pages) > 1
    for first, last in pages:
        index = first
        while index < last:
            line = lines[index]
            index += 1
            if line.role != "rule" or line.label is None or "_" not in line.label.text:
                continue
            line.role = "furniture"
            while index < last:
                following = lines[index]
                if not bounded and _opens_content(following) and not _starred(following):
                    break
                if following.role in ("content", "symbol"):  # "A/73/334." is a footnote's text here
                    following.role = "footnote"
                index += 1
            if bounded:
                break


def _opens_content(line: Line) -> bool:
    """Tell a line that cannot be part of a footnote block: a numbered paragraph, a heading ..."""
    if line.kind in ("numbered", "heading", "section", "item", "bullet"):
        return True
    first = line.pieces[0].kind if line.pieces else ""
    return first in VERBS or first in ("FORMULA", "WE")


def _mark_page_tail_footnotes(lines: list[Line], pages: list[tuple[int, int]]) -> None:
    """Mark footnotes printed at a page bottom without a rule, as pdftotext gives them.

    From the bottom of each page upwards: a marker alone on its line followed by a few lines of
    text ("3" / "Documents A66/8 ..."), or a line that opens with its marker after a blank line
    ("* Any changes to the list of sponsors ...", "12 See Official Records ..."). Only page
    bottoms are searched: the last page always, the others when the text has form feeds.
    """
    citations = _Citations(lines)
    for first, last in pages:
        citations.page(first, last)
        _mark_tail(lines, first, last, citations)


def mark_document_ends(lines: list[Line], ends: list[tuple[int, int]]) -> None:
    """Mark the footnotes that close each document of a volume, as at a page's foot.

    A volume's text (the Security Council's resolutions of a year, say) prints each document's
    notes right after it, with no form feed to tell a page's bottom: without this, only the last
    document's notes, at the text's end, were found. ``ends``: each document's first line and
    the line after its last.
    """
    citations = _Citations(lines)
    for first, last in ends:
        citations.page(first, last)
        _mark_tail(lines, first, last, citations)


def _mark_tail(lines: list[Line], first: int, last: int, citations: _Citations) -> None:
    index = _skip_up(lines, last - 1, first)
    while index > first:
        body_end = index
        while (
            index >= first
            and lines[index].role == "content"
            and ((lines[index].kind == "text" and not _opens_content(lines[index])) or _starred(lines[index]))
            and body_end - index < _MAX_TAIL_NOTE_LINES
        ):
            index -= 1
        opener = lines[index] if index >= first else None
        if opener is not None and _marker_heads_note(lines, index, body_end, citations):
            marked = range(index, body_end + 1)
        else:
            start = _marked_body_start(lines, index + 1, body_end, citations)
            if start is None:
                return
            marked = range(start, body_end + 1)
            index = start
        for position in marked:
            if lines[position].role == "content":
                lines[position].role = "footnote"
        index = _skip_up(lines, index - 1, first)


def _marker_heads_note(lines: list[Line], index: int, body_end: int, citations: _Citations) -> bool:
    """Tell a marker alone on its line that heads a footnote's text below it.

    The text must read as a footnote, ending as a sentence does and opening as footnotes do
    ("Documents A66/8 ..."), or the marker must be cited above on the page; a marker that is a
    reference left on its own line ("1" / "Having considered ...") heads nothing.
    """
    opener = lines[index]
    if opener.kind != "marker" or opener.role != "content" or body_end <= index or opener.label is None:
        return False
    body = " ".join(line.plain() for line in lines[index + 1 : body_end + 1]).strip()
    if not body or body[-1] not in ".;)]":
        return False
    marker = opener.label.text.strip()
    return _NOTE_OPENING.match(body) is not None or citations.above(index, marker)


def _marked_body_start(lines: list[Line], start: int, end: int, citations: _Citations) -> int | None:
    """Find, in a page's last text lines, a footnote that opens with its marker after a blank.

    The marker must be cited above it on the page ("... Court, 12" / "12 See ..."), so that a
    line that merely starts with a number ("16 January 2000 ...") is not taken for a footnote.
    """
    for position in range(start, end + 1):
        line = lines[position]
        previous = lines[position - 1] if position > 0 else None
        after_blank = previous is None or previous.blanks > 0 or previous.role != "content"
        after_note = previous is not None and MARKED_BODY.match(previous.plain()) is not None
        if not (after_blank or after_note) or position == 0:
            continue
        if _starred(line):
            marker = "*"
        elif line.kind == "text" and line.pieces and line.pieces[0].kind == "TEXT":
            match = MARKED_BODY.match(line.plain())
            if match is None:
                continue
            marker = match.group(0).strip()
        else:
            continue
        if citations.above(position, marker) or _NOTE_OPENING.match(line.plain(), len(marker)) is not None:
            return position
    return None


#: A marker cited in running text: digits after a letter or a mark ("Court,12", "Text1") or
#: after a word and one space ("Court 12"), and not followed by more digits; stars, daggers and
#: section signs the same way. A lone star is cited after any character but a space ("Text*").
_CITED_NUMBER = re.compile(r"(?:(?<=[^\s0-9])|(?<=\S\s))([0-9]{1,3})(?![0-9])")
_SIGNS = "*\u2020\u2021\u00a7"
_SIGN_RUN = re.compile(f"[{_SIGNS}]+")
_CITED_STAR = re.compile(r"\S\*")


class _Citations:
    """Where footnote markers are cited in the content above a line, on the same page.

    A page's citations are indexed once, at the first question about the page: each marker
    with the first line that cites it. Asking line by line, up the page each time, took time
    in the square of the page's length. The index is exact though the layout stage marks
    footnote lines as it goes: it works up from a page's bottom, so the lines above the one
    asked about are never changed before the question. A lone star is rare enough to be looked
    for up the whole document: in the pages before, whose roles are settled, and on this one.
    """

    __slots__ = ("first", "index", "last", "lines", "scanned", "star_before")

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self.first = self.last = 0
        self.index: dict[str, int] | None = None
        self.scanned = 0  # the lines before this one are searched for a lone star's citation
        self.star_before = False  # one of them cites it

    def page(self, first: int, last: int) -> None:
        """Move to the page of lines ``first`` to ``last`` (exclusive)."""
        self.first, self.last, self.index = first, last, None

    def above(self, position: int, marker: str) -> bool:
        """Tell whether ``marker`` is cited in a content line above ``position`` on its page."""
        if marker == "*" and self._star_before_page():
            return True
        if self.index is None:
            self.index = self._build()
        found = self.index.get(marker)
        return found is not None and found < position

    def _build(self) -> dict[str, int]:
        index: dict[str, int] = {}
        for position in range(self.first, self.last):
            line = self.lines[position]
            if line.role != "content":
                continue
            text = "".join(piece.text for piece in line.pieces)
            for match in _CITED_NUMBER.finditer(text):
                index.setdefault(match.group(1), position)
            if any(sign in text for sign in _SIGNS):
                for marker in _cited_signs(text):
                    index.setdefault(marker, position)
        return index

    def _star_before_page(self) -> bool:
        lines = self.lines
        while not self.star_before and self.scanned < self.first:
            line = lines[self.scanned]
            if line.role == "content" and _CITED_STAR.search("".join(piece.text for piece in line.pieces)):
                self.star_before = True
            self.scanned += 1
        return self.star_before


def _cited_signs(text: str) -> set[str]:
    """Return the markers of stars, daggers and section signs that ``text`` cites."""
    found = set()
    for run in _SIGN_RUN.finditer(text):
        start, end = run.span()
        for position in range(start, end):
            char = text[position]
            if char == "*" and position > 0 and not text[position - 1].isspace():
                found.add("*")  # a lone star's own rule: after anything but a space
            for length in range(1, 4):
                stop = position + length
                if stop > end:
                    break
                if _cited_at(text, position, stop) and (length > 1 or char != "*"):
                    found.add(text[position:stop])
    return found


def _cited_at(text: str, start: int, end: int) -> bool:
    """Tell whether a marker at ``text[start:end]`` stands where a citation does."""
    if end < len(text) and text[end] in "0123456789":
        return False
    before = text[start - 1] if start > 0 else ""
    if before and not before.isspace() and before not in "0123456789":
        return True
    return start > 1 and before.isspace() and not text[start - 2].isspace()


def _starred(line: Line) -> bool:
    """Tell a line opened by a star and a space: a footnote at a page bottom ("* Any changes")."""
    return line.kind == "bullet" and line.label is not None and line.label.text.startswith("*")


def _skip_up(lines: list[Line], index: int, first: int) -> int:
    """Move up past blank lines, furniture and symbol lines."""
    while index >= first and lines[index].role in ("blank", "furniture", "symbol", "footnote"):
        index -= 1
    return index


def _mark_running_headers(lines: list[Line], pages: list[tuple[int, int]]) -> None:
    """Mark lines repeated at the top or bottom of two pages or more: running headers."""
    if len(pages) < 3:
        return
    seen: dict[str, set[int]] = {}
    edges: list[tuple[str, Line]] = []
    for number, (first, last) in enumerate(pages[1:], start=1):
        content = [line for line in lines[first:last] if line.role == "content"]
        for line in content[:3] + content[-3:]:
            key = line.plain().lower()
            if key:
                seen.setdefault(key, set()).add(number)
                edges.append((key, line))
    for key, line in edges:
        if len(seen[key]) >= 2:
            line.role = "furniture"
