"""Render the content of a PDF as the Markdown flavour the parser reads best.

Body lines become blocks (paragraphs, header lines, headings) separated by blank lines; the
lines of a paragraph are joined into one line where the PDF wrapped them, hyphenated words
are repaired, and a paragraph cut by a page break (or by the footnotes at the foot of a page)
is joined again. Inside a line, italic runs become ``*...*`` and footnote references
``<sup>n</sup>``. The footnotes follow the text after a ``---`` rule, each on its own line as
``<sup>n</sup> text``.

Whether a line was wrapped is read from the page: it was if the next line's first word would
not have fitted in the room left at its end. A line that ends with room to spare was ended on
purpose (the last line of a paragraph, a header line, a line of a title).
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence

from attrs import frozen

from resolutions.pdf.lines import Run, TextLine
from resolutions.pdf.notes import Note

#: A line further below the one before than this many (size-scaled) pitches starts a block.
_GAP = 1.3
#: A change of font size larger than this share starts a block (a title, a heading, a note);
#: smaller ones are the jitter of OCR text layers, where each line gets the size of its scan.
_SIZE_STEP = 0.12
#: A line that ends this share of the measure short of the right edge, or nearer, may be wrapped.
_WRAPPED_ROOM = 0.15
#: A paragraph or item label that opens a block: "12.", "(a)", "(iv)", "1)", "A.", "IV.".
_OPENING_LABEL = re.compile(
    r"^(?:[0-9]{1,3}\.|\(?[0-9]{1,3}\)|\(?[a-z]{1,2}\)|\(?[ivxlc]{1,6}\)|[A-Z]\.|[IVXLC]{1,6}\.)$"
)
#: A raised run that is a footnote reference, with punctuation raised along with it.
_RAISED_MARK = re.compile(r"^(\W*?)([0-9]{1,3}|[*\u2020\u2021\u00a7]{1,3}|[a-z])([^\w*\u2020\u2021\u00a7]*)$")
#: Words after which a line-end hyphen is a suspended one ("low- and middle-income").
_SUSPENDED = frozenset({"and", "or", "to", "nor"})
_HYPHENS = "-\u2010\u2011"
_DASHES = "\u2013\u2014"
_SOFT_HYPHEN = "\u00ad"
#: Put before a reference while a line is built; the spaces before it go with it.
_GLUE = "\x00"
#: A reference printed on the baseline, glued to the word before it, where the PDF lost the
#: superscript (volumes cut from compilations): "Diseases,1", "indicators1", "States’1".
_GLUED = re.compile(r"(?:(?<=[a-z\u00df-\u00ff\u201d\u2019\"')])([,;:]?)|(?<=[0-9])([,;]))([0-9]{1,2})(?=[\s,;.:]|$)")
#: Characters the parser reads as markup, escaped when the PDF prints them as text.
_MARKUP = re.compile(r"[*\\]|<(?=[A-Za-z/])|\[(?=\^)")
#: Quick tests that spare most runs the costlier patterns.
_MARKUP_START = re.compile(r"[*\\<\[]")
_DIGIT = re.compile(r"[0-9]")
_BEFORE_GLUE = re.compile(r"\s*" + _GLUE)


@frozen
class Metrics:
    """The measures of the document's text, taken from its body lines.

    Attributes:
        size: The body font size.
        pitch: The distance between the baselines of two lines of a paragraph.
        left: The left edge of the text.
        right: The right edge of the text (where justified lines end).
    """

    size: float
    pitch: float
    left: float
    right: float


def measure(lines: Iterable[TextLine], page_width: float) -> Metrics:
    """Take the body measures from the lines of the document.

    The right edge is where most long lines end; a short document may have too few of those,
    so the edge is taken no further left than the mirror of the left edge (text blocks are
    centred on the page far more often than not).
    """
    lines = list(lines)
    if not lines:
        return Metrics(10.0, 12.0, 0.0, 600.0)
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[line.size] += len(line.text)
    size = sizes.most_common(1)[0][0]
    body = [line for line in lines if abs(line.size - size) < 0.5] or lines
    left = statistics.mode(round(line.x0) for line in body)
    rights = sorted(line.x1 for line in body)
    right = max(rights[int(0.8 * (len(rights) - 1))], page_width - left)
    pairs = [
        (a, b)
        for a, b in itertools.pairwise(body)
        if a.page == b.page and 0.8 * size < b.baseline - a.baseline < 2.5 * size
    ]
    # The pitch is the step under a line that runs to the right edge, which a paragraph's next
    # line follows: in a text of short paragraphs set apart (one or two lines each, as the World
    # Health Assembly's are), the commonest step of all is the one between paragraphs.
    near_edge = right - _WRAPPED_ROOM * (right - left)
    wrapped = [round(b.baseline - a.baseline, 1) for a, b in pairs if a.x1 >= near_edge]
    steps = wrapped or [round(b.baseline - a.baseline, 1) for a, b in pairs]
    pitch = statistics.mode(steps) if steps else 1.2 * size
    return Metrics(size, pitch, float(left), right)


def render(body: Sequence[TextLine], notes: Sequence[Note], metrics: Metrics) -> str:
    """Return the document's text: its blocks, then its footnotes."""
    vocabulary = _vocabulary(body)
    note_markers = {note.marker for note in notes}
    paragraphs = [_block_text(block, metrics, vocabulary, note_markers) for block in _blocks(body, metrics)]
    out = [text for text in paragraphs if text]
    seen: set[str] = set()
    rendered_notes = []
    for note in notes:
        text = _note_text(note, metrics, vocabulary, note_markers)
        if text not in seen:
            seen.add(text)
            rendered_notes.append(text)
    if rendered_notes:
        out += ["---", *rendered_notes]
    return "\n\n".join(out) + "\n"


# ---------------------------------------------------------------------------------- blocks


def _blocks(lines: Sequence[TextLine], metrics: Metrics) -> list[list[TextLine]]:
    blocks: list[list[TextLine]] = []
    for line in lines:
        if blocks and not _starts_block(blocks[-1], line, metrics):
            blocks[-1].append(line)
        else:
            blocks.append([line])
    return blocks


def _starts_block(block: list[TextLine], line: TextLine, metrics: Metrics) -> bool:
    """Tell a line that opens a new block rather than going on with ``block``."""
    prev = block[-1]
    if abs(prev.size - line.size) > max(_SIZE_STEP * max(prev.size, line.size), 0.5):
        return True
    wrapped = wraps(prev, line, metrics)
    if _opening_label(line) and not wrapped:
        return True
    if line.page != prev.page:
        return not wrapped or not _continues_at(block, line, metrics)
    step = line.baseline - prev.baseline
    if step < 0.5 * line.size:  # another cell of the same row
        return True
    # A superscript makes a word processor open the line's spacing by the height it adds.
    if step - line.raised > _GAP * metrics.pitch * max(prev.size, line.size) / metrics.size:
        return True
    body_text = abs(line.size - metrics.size) < 0.6 and not line.bold
    return body_text and not wrapped and line.x0 > prev.x0 + 0.8 * line.size


def _continues_at(block: list[TextLine], line: TextLine, metrics: Metrics) -> bool:
    """Tell a line that starts where the lines of ``block`` after the first start.

    That is the left edge of the text, or, under a numbered first line, the edge of the text
    after the number (a hanging indent); once the block has a second line, where that one starts.
    """
    left = line.column[0] if line.column else metrics.left
    edges = [block[-1].x0] if len(block) > 1 else [left, block[0].text_x0]
    return any(abs(line.x0 - edge) <= 0.5 * line.size for edge in edges) or line.x0 < left


def wraps(prev: TextLine, line: TextLine, metrics: Metrics) -> bool:
    """Tell whether ``prev`` was wrapped: the first word of ``line`` would not have fitted on it."""
    if prev.text.endswith(_SOFT_HYPHEN):
        return True
    left, right = prev.column or (metrics.left, metrics.right)  # a column's edges, or the page's
    measure = right - left
    if prev.x1 - prev.x0 < 0.5 * measure:  # a short line is ended on purpose (or set right or centred)
        return False
    if line.x0 > prev.text_x0 + 0.5 * line.size and line.x0 > left + 4 * line.size:
        return False  # the next line starts further right than the text of this one: not its continuation
    room = right - prev.x1
    return line.lead + 0.25 * prev.size > room


def _opening_label(line: TextLine) -> bool:
    first = line.text.split(maxsplit=1)
    return bool(first) and bool(_OPENING_LABEL.match(first[0]))


# ---------------------------------------------------------------------------------- text


def _block_text(block: list[TextLine], metrics: Metrics, vocabulary: set[str], note_markers: set[str]) -> str:
    plain = not _mixed_italic(block)
    parts: list[str] = []
    for index, line in enumerate(block):
        text = _inline(line.runs, note_markers, plain_italic=plain)
        if index:
            prev = block[index - 1]
            text = _join(parts.pop(), text, wraps(prev, line, metrics), vocabulary)
        parts.append(text)
    return parts[0].replace(_SOFT_HYPHEN, "") if parts else ""


def _note_text(note: Note, metrics: Metrics, vocabulary: set[str], note_markers: set[str]) -> str:
    text = _inline(note.first, note_markers, plain_italic=False)
    for prev, line in itertools.pairwise(note.lines):
        text = _join(text, _inline(line.runs, note_markers, plain_italic=False), wraps(prev, line, metrics), vocabulary)
    text = " ".join(text.replace(_SOFT_HYPHEN, "").split())
    marker = note.marker.replace("*", "\\*")
    return f"<sup>{marker}</sup> {text}" if note.marker else text


def _mixed_italic(block: list[TextLine]) -> bool:
    """Tell a block with both italic and upright letters: there, italics carry meaning."""
    runs = [run for line in block for run in line.runs if any(ch.isalpha() for ch in run.text) and not run.raised]
    return any(run.italic for run in runs) and not all(run.italic for run in runs)


def _inline(runs: Sequence[Run], note_markers: set[str], *, plain_italic: bool) -> str:
    out: list[str] = []
    for run in runs:
        if run.raised:
            out.append(_raised(run.text, note_markers))
        elif run.italic and not plain_italic and any(ch.isalpha() for ch in run.text):
            out.append(_emphasis(run.text))
        else:
            text = _escape(run.text)
            out.append(_GLUED.sub(_glued, text) if _DIGIT.search(text) else text)
    joined = "".join(out)
    # A reference belongs to the word before it, whatever space the PDF put between them.
    return (_BEFORE_GLUE.sub("", joined) if _GLUE in joined else joined).strip()


def _emphasis(text: str) -> str:
    core = text.strip()
    lead = text[: len(text) - len(text.lstrip())]
    tail = text[len(text.rstrip()) :]
    return f"{lead}*{_escape(core)}*{tail}"


def _raised(text: str, note_markers: set[str]) -> str:
    match = _RAISED_MARK.match(text.strip())
    if match is None or (match.group(2).isalpha() and match.group(2) not in note_markers):
        return _escape(text)  # a raised ordinal ("1st") or exponent: plain text
    before, marker, after = match.groups()
    space = " " if text.endswith(" ") else ""
    return f"{_GLUE}{_escape(before)}<sup>{marker}</sup>{_escape(after)}{space}"


def _glued(match: re.Match[str]) -> str:
    return f"{match.group(1) or match.group(2) or ''}<sup>{match.group(3)}</sup>"


def _escape(text: str) -> str:
    return _MARKUP.sub(lambda m: "\\" + m.group(0), text) if _MARKUP_START.search(text) else text


def _join(before: str, after: str, wrapped: bool, vocabulary: set[str]) -> str:
    """Join two lines of a block: with a space where wrapped, repairing hyphenated words."""
    if not wrapped:
        return before + "\n" + after
    if before.endswith(_SOFT_HYPHEN):
        return before[:-1] + after
    if before and before[-1] in _HYPHENS + _DASHES and after[:1].isalnum():
        head = before.rsplit(None, 1)[-1][:-1]
        word = re.match(r"[\w\u2019']+", after)
        tail = word.group(0) if word else ""
        if tail.lower() in _SUSPENDED:
            return before + " " + after
        if before[-1] in _HYPHENS and _is_word(head + tail, head + "-" + tail, vocabulary):
            return before[:-1] + after
        return before + after
    return before + " " + after


def _is_word(joined: str, hyphenated: str, vocabulary: set[str]) -> bool:
    """Tell a word that the line break hyphenated: the document writes it whole, never hyphenated."""
    return joined.lower() in vocabulary and hyphenated.lower() not in vocabulary


def _vocabulary(lines: Iterable[TextLine]) -> set[str]:
    words: set[str] = set()
    for line in lines:
        words.update(word.lower() for word in re.findall(r"[\w\u2019'-]+", line.text))
    return words
