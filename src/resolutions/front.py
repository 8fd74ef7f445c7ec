"""The front matter: what stands between the header block and the body, the title above all.

UN documents put the title right before the opening formula ("Report of the International
Criminal Court" / "The General Assembly,"); the line above it may be an agenda item's title,
which is not the document's. Conference outcomes and web pages have no formula: their title is
the last title-like line before the body begins, and a first such line above it names the body
that issued the text ("Islamic Republic of Iran" / "Paris Pact Initiative").
"""

from __future__ import annotations

import datetime
import functools
import re

import attrs

from resolutions.blocks import CLOSING, PART_LABEL, SUBMITTED, Block, ends_sentence
from resolutions.dates import MONTH, dateline, parse_date
from resolutions.header import split_numbered_title
from resolutions.lines import VERBS
from resolutions.nodes import HeaderLine, Span, Title
from resolutions.split import decision_opening, head_number

#: A plain block longer than this is prose, not a title.
_TITLE_LENGTH = 250
#: An emphasised or heading block longer than this is still prose.
_MARKED_TITLE_LENGTH = 600
#: An adoption line among the titles, in brackets or not: "(Adopted at the fourth plenary
#: session, held on October 7, 2022)", "[Adopted without a vote]", "(adopted on 11 November
#: 2020)", "Resolution adopted by consensus by the 146th IPU Assembly".
_ADOPTION = re.compile(
    r"^[(\[]?\s*(?:(?:Resolution|Decision|Declaration|Recommendation|Text)\s+)?(?:[Aa]dopted|ADOPTED)\s+"
    r"(?:at|by|on|without|unanimously|in)\b.*$",
    re.DOTALL,
)
#: A title that says when the text was adopted: "European Parliament resolution of 5 May 2022 on".
_ADOPTED_IN_TITLE = re.compile(
    rf"^.{{0,80}}\b(?:resolution|decision|recommendation|declaration|opinion)\s+of\s+([0-9]{{1,2}}\s+{MONTH}\s+[0-9]{{4}})\b",
    re.IGNORECASE,
)
#: The heading of a preamble: a part's name, not a title.
_PREAMBLE_HEADING = re.compile(r"^(?:preamble|pr[eé]ambule|preámbulo)\s*:?$", re.IGNORECASE)
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
    kind: str | None = None
    adopted: datetime.date | None = None
    consumed: int = 0


def read_front(
    blocks: list[Block],
    title_cells: list[tuple[str, Span]],
    has_organ: bool,
    after_header: bool = False,
    organs: tuple[str, ...] = (),
) -> Front:
    """Read the front matter at the start of ``blocks``.

    Args:
        blocks: The content blocks after the header block.
        title_cells: Title text the header block found beside its fields ("73/7.   Report ...").
        has_organ: Whether the header already names the organ.
        after_header: Whether a header block came first: then, without a formula, the first
            title-like block is the title and what follows is the body.
        organs: The body's organs: a line that names one among the titles is the organ's.
    """
    front = Front()
    candidates: list[tuple[str, Span, bool]] = [(text, span, False) for text, span in title_cells]
    formula_at = _formula_index(blocks)
    limit = len(blocks) if formula_at is None else formula_at
    first_text_block: int | None = None
    index = 0
    while index < limit:
        block = blocks[index]
        text = block.plain()
        span = _block_span(block)
        if (found := dateline(text)) is not None:
            place, date = found
            front.place = front.place or place
            front.date = front.date or date
            front.header_lines.append(HeaderLine("place", text, span))
            index += 1
            continue
        if _ADOPTION.match(text):  # "(Adopted at the fourth plenary session, held on ...)"
            front.adopted = front.adopted or parse_date(text)
            front.header_lines.append(HeaderLine("adopted", text, span))
            index += 1
            continue
        if _is_organ(text, organs):  # "Parliamentary Assembly" among the titles
            _take_organ(front, text, span)
            index += 1
            continue
        if (head := head_number(text)) is not None:  # "Resolution A.1006(25)" among the titles
            front.symbol = front.symbol or head[1]
            front.kind = front.kind or head[0]
            front.header_lines.append(HeaderLine("symbol", text, span))
            index += 1
            continue
        if _PREAMBLE_HEADING.match(text):  # "Preamble" above the formula is not the title
            front.header_lines.append(HeaderLine("heading", text, span))
            index += 1
            continue
        if SUBMITTED.match(text) and len(text) < _TITLE_LENGTH:  # "Resolution submitted by Fiji"
            front.header_lines.append(HeaderLine("sponsors", text, span))
            index += 1
            continue
        if formula_at is not None and PART_LABEL.match(text):
            break  # "A" / its title / its formula: the first part of a resolution in parts
        if formula_at is None and decision_opening(text, organs) is not None:
            break  # "The Executive Board elected ...": a decision's sentence opens the body
        long_title = index == limit - 1 if formula_at is not None else after_header and not candidates
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if block.opener() in VERBS and block.kind == "text" and not ends_sentence(text) and "," in text:
            break  # a preamble that comes before the formula: "Whereas the Council ..., and"
        if not _title_like(block, long_title) or (following is not None and _goes_on(following)):
            break  # not a title: prose, or the first half of a paragraph cut by the page
        h1 = _is_h1(block)
        if formula_at is None and block.kind == "heading" and candidates and not h1:
            break  # a heading below the title: the body's first section
        if first_text_block is None:
            first_text_block = index
        if (numbered := split_numbered_title(text)) is not None:  # "77/126. Oceans and the law of the sea"
            front.header_lines.append(HeaderLine("number", numbered[0], span))
            text = numbered[1]
        candidates.append((text, span, h1))
        if (adopted := _ADOPTED_IN_TITLE.match(text)) is not None:  # "... resolution of 5 May 2022 on ..."
            front.adopted = front.adopted or parse_date(adopted.group(1))
        index += 1
        if formula_at is None and (after_header or h1):
            while index < limit and _is_organ(blocks[index].plain(), organs):  # "Parliamentary Assembly"
                _take_organ(front, blocks[index].plain(), _block_span(blocks[index]))
                index += 1
            break  # the title comes first; the rest is the body
    front.consumed = index
    if formula_at is not None and not has_organ and candidates and not title_cells:
        named = organ_of_formula(blocks[formula_at].plain())
        if named is not None and candidates[0][0] == named:  # "General Conference" / ... / "The General Conference,"
            front.organ = named
            front.header_lines.append(HeaderLine("organ", named, candidates[0][1]))
            candidates.pop(0)
    if candidates:
        _choose(front, candidates, formula_at is None and not has_organ and not title_cells and first_text_block == 0)
    return front


def _is_organ(text: str, organs: tuple[str, ...]) -> bool:
    return bool(organs) and text.upper() in _upper(organs)


@functools.cache
def _upper(organs: tuple[str, ...]) -> frozenset[str]:
    """The organs' names in capitals, once per body (every front block is compared with them)."""
    return frozenset(organ.upper() for organ in organs)


def _take_organ(front: Front, text: str, span: Span) -> None:
    front.organ = front.organ or text
    front.header_lines.append(HeaderLine("organ", text, span))


def _choose(front: Front, candidates: list[tuple[str, Span, bool]], organ_first: bool) -> None:
    """Choose the title among candidates: a Markdown H1, else the last; the first may be the organ."""
    h1 = [position for position, (_, _, is_h1) in enumerate(candidates) if is_h1]
    chosen = h1[-1] if h1 else len(candidates) - 1
    start = 0
    if organ_first and chosen > 0:
        organ_text, organ_span, _ = candidates[0]
        front.organ = organ_text
        front.header_lines.append(HeaderLine("organ", organ_text, organ_span))
        start = 1
    for position in range(start, len(candidates)):
        text, span, _ = candidates[position]
        front.titles.append(Title(text, "title" if position == chosen else "subtitle", span))


def _block_span(block: Block) -> Span:
    if not block.marks:
        return Span(block.first.content_start, block.lines[-1].eol)
    return Span(
        min([block.first.content_start] + [mark.content_start for mark in block.marks]),
        max([block.lines[-1].eol] + [mark.eol for mark in block.marks]),
    )


def _is_h1(block: Block) -> bool:
    label = block.label
    return block.kind == "heading" and label is not None and label.text.strip() == "#"


def _formula_index(blocks: list[Block]) -> int | None:
    """Return the index of the opening formula, if it comes before the body proper."""
    for index, block in enumerate(blocks[:_FORMULA_REACH]):
        opener = block.opener()
        if opener in ("FORMULA", "WE"):
            return index
        if block.kind in ("numbered", "item", "section") or (opener in VERBS and not _title_like(block)):
            return None
    return None


def _title_like(block: Block, long: bool = False) -> bool:
    """Tell a block that may be a title: a heading, an emphasised line, a short plain line.

    Args:
        block: The block.
        long: Whether a plain block may be as long as an emphasised one (where the position
            leaves no doubt: just above the formula, or first after the header block).
    """
    if block.kind not in ("text", "heading"):
        return False
    text = block.plain()
    if not text or CLOSING.match(text):
        return False
    if block.kind == "heading" or _emphasised(block):
        return len(text) <= _MARKED_TITLE_LENGTH
    if len(text) > (_MARKED_TITLE_LENGTH if long else _TITLE_LENGTH) or len(block.lines) > (8 if long else 4):
        return False
    return not ends_sentence(text)


def _goes_on(block: Block) -> bool:
    """Tell a block that continues the one before it: plain text opening in lower case."""
    return block.kind == "text" and block.plain()[:1].islower()


def _emphasised(block: Block) -> bool:
    """Tell a block set wholly in bold or italics ("**Round-table discussions ...**")."""
    pieces = block.pieces()
    if not pieces or pieces[0].kind not in ("STAR", "TAG"):
        return False
    last = [piece for piece in pieces if piece.kind != "GAP" and piece.text.strip()][-1]
    return last.kind in ("STAR", "TAG")


_SMALL_WORDS = frozenset({"of", "the", "and", "on", "for", "to", "in", "at"})
_ORDINAL = re.compile(r"^(?:(?:[A-Z][a-z]+-)?[A-Za-z]+|[0-9]{1,3})(?:st|nd|rd|th)\s+", re.IGNORECASE)


_MEETING_CLAUSE = re.compile(
    r"(?:\s*\([^()]{1,60}\))?"
    r"(?:,\s+(?:meeting|having met|assembled|gathered|convened|at its|under the terms of)\s.*)?[,;:]?\s*$",
    re.DOTALL,
)


def organ_of_formula(text: str) -> str | None:
    """Name the organ of a formula: "The Sixty-sixth World Health Assembly," -> World Health Assembly.

    Where and when it met, and its short name in brackets, are not its name: "The General
    Conference of UNESCO (UNESCO), meeting in Paris ..." -> "General Conference of UNESCO".
    """
    text = _MEETING_CLAUSE.sub("", text.strip())
    text = text.strip().rstrip(",;:").strip()
    if text.isupper():  # "THE GENERAL ASSEMBLY," -> General Assembly
        text = " ".join(w.lower() if w.lower() in _SMALL_WORDS else w.capitalize() for w in text.split())
    match = re.match(r"^(?:(?:Therefore|Accordingly),?\s+)?[Tt]he\s+(.+)$", text, re.IGNORECASE)
    if not match:
        return None
    name = _ORDINAL.sub("", match.group(1))
    return name if name[:1].isupper() else None
