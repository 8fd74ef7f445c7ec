"""Lines: pieces of text gathered into the lines of a page, and lines into styled runs.

A PDF has no lines, only text at positions. Pieces that share a baseline make a row; a
short row of raised text just above another row (a footnote reference set as a superscript,
which pdftotext prints on a line of its own) joins that row, flagged as raised. A row is cut
into cells where a wide gap separates two stretches of text (the two columns of a header
block), except after a paragraph number: a number in the left margin belongs to the text
beside it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence

from attrs import define, frozen

from resolutions.pdf.pieces import Piece

#: Pieces whose baselines differ by less than this share of their size sit on one row.
_ROW_TOLERANCE = 0.2
#: A piece whose baseline is above its row's by more than this share of the row's size is raised.
_RAISE = 0.18
#: A row of at most this many characters, raised above the next row, is that row's superscripts.
_SHORT_ROW = 8
#: How far (share of the lower row's size) a superscript may sit above its row's baseline.
_REACH = 0.9
#: How far a footnote's number may sit above the row it ends: some PDFs raise it by almost a
#: line ("... 1 January 2012-31 December 2012;" with its "1" 11.5 pt up, at 11 pt).
_END_MARK_REACH = 1.2
#: What a footnote reference raised at a row's end reads: "1", "12,", "*".
_END_MARK = re.compile(r"^(?:[0-9]{1,3}|[*\u2020\u2021\u00a7]{1,3})[,.;:]?$")
#: A gap wider than this share of the font size between pieces is a word space (the spaces of
#: tightly justified lines are 0.2 em; the gaps PDFium takes for spaces inside words, 0.11-0.14 em).
WORD_GAP = 0.16
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
        x0: Left edge of the first piece.
        x1: Right edge of the last piece.
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
        column: The left and right edges of the line's column on a page set in columns
            (None: the page's text is one column).
        raised: How far the line's superscripts reach above its main text (0 without any).
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
    column: tuple[float, float] | None = None
    raised: float = 0.0

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


def page_lines(pieces: Sequence[Piece], page: int) -> list[TextLine]:
    """Gather a page's pieces into lines (cells), top to bottom, left to right."""
    rows = _rows(pieces)
    rows = _attach_superscripts(rows)
    lines: list[TextLine] = []
    for row in rows:
        for cell in _cells(row):
            lines.append(_make_line(cell, page))
    lines.sort(key=lambda line: (round(line.baseline), line.x0))
    return lines


def _rows(pieces: Iterable[Piece]) -> list[list[Piece]]:
    """Cluster pieces by baseline; each row is in x order."""
    rows: list[list[Piece]] = []
    anchor = 0.0
    for piece in sorted(pieces, key=lambda p: p.baseline):
        if rows and piece.baseline - anchor <= _ROW_TOLERANCE * max(piece.size, 1.0):
            rows[-1].append(piece)
        else:
            rows.append([piece])
            anchor = piece.baseline
    for row in rows:
        row.sort(key=lambda p: p.x0)
    return rows


def _attach_superscripts(rows: list[list[Piece]]) -> list[list[Piece]]:
    """Move short raised rows into the row below them when they sit beside its text."""
    kept: list[list[Piece]] = []
    for index, row in enumerate(rows):
        short = sum(len(piece.text) for piece in row) <= _SHORT_ROW
        target = _host_row(row, rows[index + 1 : index + 3]) if short else None
        if target is None:
            kept.append(row)
        else:
            target.extend(row)
            target.sort(key=lambda p: p.x0)
    return kept


def _host_row(raised: list[Piece], below: list[list[Piece]]) -> list[Piece] | None:
    for row in below:
        size = _main_size(row)
        base = _main_baseline(row, size)
        rise = base - max(p.baseline for p in raised)
        x0 = min(p.x0 for p in row)
        x1 = max(p.x1 for p in row)
        if 0 < rise <= _REACH * size:
            if all(x0 - 2 * size <= p.x0 <= x1 + 2 * size for p in raised):
                return row
        elif 0 < rise <= _END_MARK_REACH * size and _ends_row_with_a_mark(raised, x1, size):
            return row
    return None


def _ends_row_with_a_mark(raised: list[Piece], x1: float, size: float) -> bool:
    """Tell a footnote's number standing right after a row's last word, however high."""
    return _END_MARK.match(_joined(raised).strip()) is not None and all(
        x1 - 0.5 * size <= p.x0 <= x1 + size for p in raised
    )


def _main_size(pieces: Sequence[Piece]) -> float:
    """Return the size most of the row's text is set in (counted in characters)."""
    if len(pieces) == 1:
        return pieces[0].size
    weights: dict[float, int] = {}
    for piece in pieces:
        weights[piece.size] = weights.get(piece.size, 0) + len(piece.text)
    return max(weights, key=weights.__getitem__)


def _main_baseline(pieces: Sequence[Piece], size: float) -> float:
    return _median(sorted(p.baseline for p in pieces if abs(p.size - size) < 0.5))


def _median(ordered: Sequence[float]) -> float:
    """Return the median of sorted values (statistics.median, without its cost per call)."""
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def _cells(row: list[Piece]) -> list[list[Piece]]:
    """Cut a row where a wide gap separates two stretches of text, keeping labels with their text.

    A gap is a column gap when it is wide in itself and also much wider than the row's word
    spaces: the spaces of a justified line with few words are all wide, and all alike.
    """
    if len(row) == 1:
        return [row]
    gaps = [b.x0 - a.x1 for a, b in itertools.pairwise(row)]
    spaces = sorted(gap for gap, p in zip(gaps, row[1:], strict=True) if gap > WORD_GAP * p.size)[:-1]
    usual = _median(spaces) if spaces else 0.0  # the widest gap left out: it may be the column gap
    cells: list[list[Piece]] = [[row[0]]]
    for piece, gap in zip(row[1:], gaps, strict=True):
        last = cells[-1][-1]
        wide = gap > max(_COLUMN_GAP * max(piece.size, last.size), _MIN_COLUMN_GAP, _COLUMN_GAP * usual)
        if wide and not LABEL.match(_joined(cells[-1])):
            cells.append([])
        cells[-1].append(piece)
    return cells


def _joined(pieces: list[Piece]) -> str:
    return "".join(p.text for p in pieces).strip()


def _make_line(cell: list[Piece], page: int) -> TextLine:
    size = _main_size(cell)
    base = _main_baseline(cell, size)
    main = [p for p in cell if p.baseline >= base - _RAISE * size]
    top = min(p.top for p in main)
    return TextLine(
        page=page,
        x0=cell[0].x0,
        x1=max(p.x1 for p in cell),
        top=top,
        bottom=max(p.bottom for p in main),
        baseline=base,
        size=size,
        runs=_runs(cell, base, size),
        fonts=frozenset(p.font for p in cell),
        text_x0=_text_start(cell),
        lead=_lead_width(cell),
        raised=max(0.0, top - min(p.top for p in cell)),
    )


def _spaced(before: Piece, piece: Piece) -> bool:
    """Tell two pieces of a line that a word space separates: the PDF says so, or the gap does."""
    return piece.space_before or piece.x0 - before.x1 > WORD_GAP * min(piece.size, before.size)


def _text_start(cell: list[Piece]) -> float:
    """Return where the text starts after a leading number, or where the line starts."""
    for index in range(1, len(cell)):
        if _spaced(cell[index - 1], cell[index]):
            return cell[index].x0 if LABEL.match(_joined(cell[:index])) else cell[0].x0
    return cell[0].x0


def _lead_width(cell: list[Piece]) -> float:
    """Measure the first word: from the first piece to the piece before the first space."""
    end = cell[0]
    for piece in cell[1:]:
        if _spaced(end, piece):
            break
        end = piece
    return end.x1 - cell[0].x0


def _runs(cell: list[Piece], base: float, size: float) -> list[Run]:
    """Turn a cell's pieces into styled runs, with word spaces where the PDF or the gaps say."""
    runs: list[Run] = []
    text: list[str] = []
    style: tuple[bool, bool, bool] | None = None
    last: Piece | None = None
    for piece in cell:
        current = (piece.italic, piece.bold, piece.baseline < base - _RAISE * size)
        if last is not None and _spaced(last, piece):
            text.append(" ")
        if current != style and style is not None:
            runs.append(_run(text, style))
            text = []
        style = current
        text.append(piece.text)
        last = piece
    if style is not None:
        runs.append(_run(text, style))
    return runs


def _run(text: list[str], style: tuple[bool, bool, bool]) -> Run:
    """Make a run; a leading space belongs between runs, so it stays with the text before it."""
    joined = "".join(text)
    return Run(joined, italic=style[0], bold=style[1], raised=style[2])
