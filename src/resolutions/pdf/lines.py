"""Lines: glyphs gathered into the lines of a page, and lines into styled runs.

A PDF has no lines, only glyphs at positions. Glyphs that share a baseline make a row; a
short row of raised glyphs just above another row (a footnote reference set as a superscript,
which pdftotext prints on a line of its own) joins that row, flagged as raised. A row is cut
into cells where a wide gap separates two stretches of text (the two columns of a header
block), except after a paragraph number: a number in the left margin belongs to the text
beside it.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Iterable, Sequence

from attrs import define, frozen

from resolutions.pdf.glyphs import Glyph

#: Glyphs whose baselines differ by less than this share of their size sit on one row.
_ROW_TOLERANCE = 0.2
#: A glyph whose baseline is above its row's by more than this share of the row's size is raised.
_RAISE = 0.18
#: A row of at most this many glyphs, raised above the next row, is that row's superscripts.
_SHORT_ROW = 8
#: How far (share of the lower row's size) a superscript may sit above its row's baseline.
_REACH = 0.9
#: A gap wider than this share of the font size between glyphs is a word space.
_WORD_GAP = 0.22
#: A gap wider than this many font sizes (and _MIN_COLUMN_GAP points) separates two cells.
_COLUMN_GAP = 3.0
_MIN_COLUMN_GAP = 24.0
#: A paragraph or item number that may stand apart from its text: "12.", "(a)", "iv)", "A.".
LABEL = re.compile(
    r"^(?:\(?[0-9]{1,3}[.)]?|\(?[a-z]{1,2}[.)]|\([a-z]{1,2}\)|\(?[ivxlc]{1,6}[.)]|[A-Z]\.|[IVXLC]{1,6}\.)$"
)


@frozen(slots=True)
class Run:
    """Consecutive text of one style within a line.

    Attributes:
        text: The text, word spaces included.
        italic: Every letter of the run is italic.
        bold: Every letter of the run is bold.
        raised: The run sits above the baseline (a superscript).
    """

    text: str
    italic: bool = False
    bold: bool = False
    raised: bool = False


@define(slots=True)
class TextLine:
    """One line (or one cell of a line) of a page, in reading order.

    Attributes:
        page: 0-based page index.
        x0: Left edge of the first visible glyph.
        x1: Right edge of the last visible glyph.
        top: Top of the line's main glyphs (superscripts left out).
        bottom: Bottom of the line's main glyphs.
        baseline: The baseline of the line's main glyphs.
        size: The main font size.
        runs: The text in styled runs.
        fonts: The font names used.
        text_x0: Where the text starts after a leading number ("1.", "(a)"), else ``x0``: the
            edge of a hanging indent.
        lead: Width of the first word, which tells whether it would have fitted on the line
            before (if it would, that line was ended on purpose, not wrapped).
        role: What the line is: "body", "furniture", "note" or "rule" (set by later stages).
    """

    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    baseline: float
    size: float
    runs: list[Run]
    fonts: frozenset[str]
    text_x0: float = 0.0
    lead: float = 0.0
    role: str = "body"

    @property
    def text(self) -> str:
        """The line's text, superscripts included as they are printed."""
        return "".join(run.text for run in self.runs).strip()

    @property
    def bold(self) -> bool:
        """Tell a line whose every letter (superscripts aside) is bold."""
        letters = [run for run in self.runs if _has_letters(run.text) and not run.raised]
        return bool(letters) and all(run.bold for run in letters)

    @property
    def italic(self) -> bool:
        """Tell a line whose every letter (superscripts aside) is italic."""
        letters = [run for run in self.runs if _has_letters(run.text) and not run.raised]
        return bool(letters) and all(run.italic for run in letters)

    @property
    def opens_raised(self) -> bool:
        """Tell a line that begins with a superscript: a footnote body with its marker."""
        first = next((run for run in self.runs if run.text.strip()), None)
        return first is not None and first.raised


def _has_letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def page_lines(glyphs: Sequence[Glyph], page: int) -> list[TextLine]:
    """Gather a page's glyphs into lines (cells), top to bottom, left to right."""
    rows = _rows(glyphs)
    rows = _attach_superscripts(rows)
    lines: list[TextLine] = []
    for row in rows:
        for cell in _cells(row):
            line = _make_line(cell, page)
            if line is not None:
                lines.append(line)
    lines.sort(key=lambda line: (round(line.baseline), line.x0))
    return lines


def _rows(glyphs: Iterable[Glyph]) -> list[list[Glyph]]:
    """Cluster glyphs by baseline; each row is in x order."""
    rows: list[list[Glyph]] = []
    anchor = 0.0
    for glyph in sorted(glyphs, key=lambda g: g.baseline):
        if rows and glyph.baseline - anchor <= _ROW_TOLERANCE * max(glyph.size, 1.0):
            rows[-1].append(glyph)
        else:
            rows.append([glyph])
            anchor = glyph.baseline
    return [sorted(row, key=lambda g: g.x0) for row in rows if any(not g.is_space for g in row)]


def _attach_superscripts(rows: list[list[Glyph]]) -> list[list[Glyph]]:
    """Move short raised rows into the row below them when they sit beside its text."""
    kept: list[list[Glyph]] = []
    for index, row in enumerate(rows):
        visible = [g for g in row if not g.is_space]
        target = _host_row(visible, rows[index + 1 : index + 3]) if len(visible) <= _SHORT_ROW else None
        if target is None:
            kept.append(row)
        else:
            target.extend(visible)
            target.sort(key=lambda g: g.x0)
    return kept


def _host_row(visible: list[Glyph], below: list[list[Glyph]]) -> list[Glyph] | None:
    for row in below:
        size = _main_size(row)
        base = _main_baseline(row)
        rise = base - max(g.baseline for g in visible)
        if not 0 < rise <= _REACH * size:
            continue
        x0 = min(g.x0 for g in row if not g.is_space)
        x1 = max(g.x1 for g in row if not g.is_space)
        if all(x0 - 2 * size <= g.x0 <= x1 + 2 * size for g in visible):
            return row
    return None


def _main_size(glyphs: Sequence[Glyph]) -> float:
    sizes = [g.size for g in glyphs if not g.is_space] or [g.size for g in glyphs]
    return statistics.mode(sizes)


def _main_baseline(glyphs: Sequence[Glyph]) -> float:
    size = _main_size(glyphs)
    return statistics.median(g.baseline for g in glyphs if abs(g.size - size) < 0.5)


def _cells(row: list[Glyph]) -> list[list[Glyph]]:
    """Cut a row where a wide gap separates two stretches of text, keeping labels with their text.

    A gap is a column gap when it is wide in itself and also much wider than the row's word
    spaces: the spaces of a justified line with few words are all wide, and all alike.
    """
    visible = [g for g in row if not g.is_space]
    gaps = [b.x0 - a.x1 for a, b in itertools.pairwise(visible)]
    spaces = sorted(gap for gap, g in zip(gaps, visible[1:], strict=True) if gap > _WORD_GAP * g.size)[:-1]
    usual = statistics.median(spaces) if spaces else 0.0  # the widest gap left out: it may be the column gap
    cells: list[list[Glyph]] = [[visible[0]]] if visible else []
    for glyph, gap in zip(visible[1:], gaps, strict=True):
        last = cells[-1][-1]
        wide = gap > max(_COLUMN_GAP * max(glyph.size, last.size), _MIN_COLUMN_GAP, _COLUMN_GAP * usual)
        if wide and not LABEL.match("".join(g.text for g in cells[-1]).strip()):
            cells.append([])
        cells[-1].append(glyph)
    blanks = [g for g in row if g.is_space]
    for cell in cells:
        x0, x1 = cell[0].x0, cell[-1].x1
        cell.extend(g for g in blanks if x0 < g.x0 < x1)
        cell.sort(key=lambda g: g.x0)
    return cells


def _make_line(cell: list[Glyph], page: int) -> TextLine | None:
    visible = [g for g in cell if not g.is_space]
    if not visible:
        return None
    size = _main_size(visible)
    base = _main_baseline(visible)
    main = [g for g in visible if g.baseline >= base - _RAISE * size]
    return TextLine(
        page=page,
        x0=visible[0].x0,
        x1=max(g.x1 for g in visible),
        top=min(g.top for g in main),
        bottom=max(g.bottom for g in main),
        baseline=base,
        size=size,
        runs=_runs(cell, base, size),
        fonts=frozenset(g.font for g in visible),
        text_x0=_text_start(visible),
        lead=_lead_width(cell),
    )


def _text_start(visible: list[Glyph]) -> float:
    """Return where the text starts after a leading number, or where the line starts."""
    for index in range(1, len(visible)):
        gap = visible[index].x0 - visible[index - 1].x1
        if gap > _WORD_GAP * visible[index].size:
            label = "".join(g.text for g in visible[:index])
            return visible[index].x0 if LABEL.match(label) else visible[0].x0
    return visible[0].x0


def _lead_width(cell: list[Glyph]) -> float:
    """Measure the first word: from the first visible glyph to the glyph before the first gap."""
    start: Glyph | None = None
    end: Glyph | None = None
    for glyph in cell:
        if glyph.is_space:
            if start is not None:
                break
            continue
        if end is not None and glyph.x0 - end.x1 > _WORD_GAP * glyph.size:
            break
        start = start or glyph
        end = glyph
    return 0.0 if start is None or end is None else end.x1 - start.x0


def _runs(cell: list[Glyph], base: float, size: float) -> list[Run]:
    """Turn a cell's glyphs into styled runs, putting word spaces where the producer or the gaps say."""
    runs: list[Run] = []
    text: list[str] = []
    style: tuple[bool, bool, bool] | None = None
    last: Glyph | None = None
    space = False
    for glyph in cell:
        if glyph.is_space:
            space = last is not None
            continue
        raised = glyph.baseline < base - _RAISE * size
        if last is not None and glyph.x0 - last.x1 > _WORD_GAP * min(glyph.size, last.size):
            space = True
        current = (glyph.italic, glyph.bold, raised)
        if space:
            text.append(" ")
            space = False
        if current != style and style is not None:
            runs.append(_run(text, style))
            text = []
        style = current
        text.append(glyph.text)
        last = glyph
    if style is not None:
        runs.append(_run(text, style))
    return runs


def _run(text: list[str], style: tuple[bool, bool, bool]) -> Run:
    """Make a run; a leading space belongs between runs, so it stays with the text before it."""
    joined = "".join(text)
    return Run(joined, italic=style[0], bold=style[1], raised=style[2])
