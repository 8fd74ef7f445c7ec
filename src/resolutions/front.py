"""The front matter: what stands between the header block and the body, the title above all.

UN documents put the title right before the opening formula ("Report of the International
Criminal Court" / "The General Assembly,"); the line above it may be an agenda item's title,
which is not the document's. Conference outcomes and web pages have no formula: their title is
the last title-like line before the body begins, and a first such line above it names the body
that issued the text ("Islamic Republic of Iran" / "Paris Pact Initiative").
"""

from __future__ import annotations

import datetime

import attrs

from resolutions.blocks import CLOSING, Block, ends_sentence
from resolutions.dates import dateline
from resolutions.lines import VERBS
from resolutions.nodes import HeaderLine, Span, Title

#: A plain block longer than this is prose, not a title.
_TITLE_LENGTH = 250
#: An emphasised or heading block longer than this is still prose.
_MARKED_TITLE_LENGTH = 600
#: How far into the blocks an opening formula is looked for.
_FORMULA_REACH = 12


@attrs.define
class Front:
    """What the front matter gave."""

    titles: list[Title] = attrs.field(factory=list)
    header_lines: list[HeaderLine] = attrs.field(factory=list)
    organ: str | None = None
    place: str | None = None
    date: datetime.date | None = None
    symbol: str | None = None
    consumed: int = 0


def read_front(blocks: list[Block], title_cells: list[tuple[str, Span]], has_organ: bool) -> Front:
    """Read the front matter at the start of ``blocks``.

    Args:
        blocks: The content blocks after the header block.
        title_cells: Title text the header block found beside its fields ("73/7.   Report ...").
        has_organ: Whether the header already names the organ.
    """
    front = Front()
    candidates: list[tuple[str, Span]] = list(title_cells)
    formula_at = _formula_index(blocks)
    index = 0
    for index, block in enumerate(blocks):
        if formula_at is not None and index >= formula_at:
            break
        text = block.plain()
        span = Span(
            min([block.first.content_start] + [mark.content_start for mark in block.marks]),
            max([block.lines[-1].eol] + [mark.eol for mark in block.marks]),
        )
        if (found := dateline(text)) is not None:
            place, date = found
            front.place = front.place or place
            front.date = front.date or date
            front.header_lines.append(HeaderLine("place", text, span))
            continue
        if not _title_like(block) or (formula_at is None and block.kind == "heading" and candidates):
            break
        candidates.append((text, span))
    else:
        index = len(blocks)
    front.consumed = index
    if not candidates:
        return front
    if len(candidates) >= 2 and formula_at is None and not has_organ and not title_cells:
        organ_text, organ_span = candidates.pop(0)
        front.organ = organ_text
        front.header_lines.append(HeaderLine("organ", organ_text, organ_span))
    *subtitles, (title, span) = candidates
    front.titles = [Title(text, "subtitle", s) for text, s in subtitles] + [Title(title, "title", span)]
    return front


def _formula_index(blocks: list[Block]) -> int | None:
    """Return the index of the opening formula, if it comes before the body proper."""
    for index, block in enumerate(blocks[:_FORMULA_REACH]):
        opener = block.opener()
        if opener in ("FORMULA", "WE"):
            return index
        if block.kind in ("numbered", "item", "section") or (opener in VERBS and not _title_like(block)):
            return None
    return None


def _title_like(block: Block) -> bool:
    """Tell a block that may be a title: a heading, an emphasised line, a short plain line."""
    if block.kind not in ("text", "heading"):
        return False
    text = block.plain()
    if not text or CLOSING.match(text):
        return False
    if block.kind == "heading" or _emphasised(block):
        return len(text) <= _MARKED_TITLE_LENGTH
    if len(text) > _TITLE_LENGTH or len(block.lines) > 4:
        return False
    return not ends_sentence(text)


def _emphasised(block: Block) -> bool:
    """Tell a block set wholly in bold or italics ("**Round-table discussions ...**")."""
    pieces = block.pieces()
    if not pieces or pieces[0].kind not in ("STAR", "TAG"):
        return False
    last = [piece for piece in pieces if piece.kind != "GAP" and piece.text.strip()][-1]
    return last.kind in ("STAR", "TAG")
