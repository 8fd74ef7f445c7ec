"""Where citations are printed: a node's text searched, and spans mapped back to the source.

A node's text is searched as :func:`~resolutions.inline.inline_text` gives it (footnote
references left out, spaces single); each citation's span is then mapped back to the source
through the text nodes' spans, skipping what the source holds and the text does not (line
breaks, markup, page furniture between a node's parts).
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import TYPE_CHECKING

from resolutions.citations.find import Context, scan
from resolutions.citations.model import Citation, Found, made
from resolutions.nodes import NO_SPAN, Emphasis, Span, Text

if TYPE_CHECKING:
    from resolutions.nodes import Inline


def citations_in(
    content: tuple[Inline, ...], context: Context, source: str = "", parts: tuple[Span, ...] = ()
) -> list[Citation]:
    """Return the citations of inline content, their spans mapped into ``source``.

    Args:
        content: A paragraph's, item's or footnote's inline nodes.
        context: The citing document (see :class:`~resolutions.citations.find.Context`).
        source: The document's source; without it (or with nodes that have no spans) every
            citation's span is ``Span(0, 0)``.
        parts: The source ranges that hold the node's own text, when furniture cuts through it.
    """
    leaves, found = search(content, context)
    if not found:
        return []
    return placed(found, leaves, source, parts)


def search(content: tuple[Inline, ...], context: Context) -> tuple[list[Text], list[Found]]:
    """Return the content's text nodes and its citations found, their offsets into the nodes' joined text."""
    if len(content) == 1 and type(content[0]) is Text:  # most paragraphs: one text node
        only = content[0]
        return [only], scan(only.text, context)
    leaves: list[Text] = []
    _leaves(content, leaves)
    if not leaves:
        return leaves, []
    text = leaves[0].text if len(leaves) == 1 else "".join(leaf.text for leaf in leaves)
    return leaves, scan(text, context)


def _leaves(nodes: tuple[Inline, ...], out: list[Text]) -> None:
    for node in nodes:
        if isinstance(node, Text):
            out.append(node)
        elif isinstance(node, Emphasis):
            _leaves(node.children, out)


def placed(found: list[Found], leaves: list[Text], source: str, parts: tuple[Span, ...]) -> list[Citation]:
    """Make each citation found, with its span in the source (``Span(0, 0)`` where there is none)."""
    length = len(source)
    if not length:
        return [made(c, NO_SPAN) for c in found]
    starts = []
    offset = 0
    for leaf in leaves:  # one loop, not any() and another: a generator costs more than most nodes' one leaf
        own = leaf.span
        if own.end <= own.start or own.end > length:
            return [made(c, NO_SPAN) for c in found]
        starts.append(offset)
        offset += len(leaf.text)
    out = []
    floor = 0
    walked: dict[int, tuple[int, int]] = {}  # per text node, the last character placed and where
    one = len(leaves) == 1
    for citation in found:
        span = _printed(citation, starts, leaves, source, floor, parts, one)
        if span is None:
            first = _position(citation[5], starts, leaves, source, parts, walked)
            last = _position(citation[6] - 1, starts, leaves, source, parts, walked) + 1
            span = Span(first, max(first, last))
        floor = span.end
        out.append(made(citation, span))
    return out


def _printed(
    citation: Found,
    starts: list[int],
    leaves: list[Text],
    source: str,
    floor: int,
    parts: tuple[Span, ...],
    one: bool = False,
) -> Span | None:
    """Find the citation as printed in its text node's source range: the quick way, most often right.

    The source has the citation's text with any run of spaces there, and a line break after a
    hyphen. A character of the text is never earlier in the source than in the node's own text
    (normalising only takes characters out), which bounds where to look. None when the text is
    cut by markup or a footnote reference, or furniture stands inside it: then walk. ``one``:
    the node has one text node (most have), which needs no search for the citation's.
    """
    index = 0 if one else bisect.bisect_right(starts, citation[5]) - 1
    leaf = leaves[index]
    local = citation[5] - starts[index]
    if citation[6] - starts[index] > len(leaf.text):
        return None  # across text nodes
    where = leaf.span
    # The scanner's texts have no whitespace but spaces (see ``model.spaced``).
    found = find_printed(citation[4], source, max(floor, where.start + local), where.end, spaced=True)
    if found is None:
        return None
    if parts and not _within(parts, source, found[0], found[1]):
        return None  # furniture between: the walk skips it
    return Span(*found)


def _within(parts: tuple[Span, ...], source: str, start: int, end: int) -> bool:
    """Tell whether ``start:end`` is the node's own text: in its parts, or across breaks between them.

    Parts are often the node's lines, so a citation printed over a line break spans two: only
    whitespace then stands between them, which the pattern's ``\\s+`` matched, and the walk
    would place both ends where the match did. Anything else between is furniture.
    """
    for part in parts:
        if part.start <= start and end <= part.end:
            return True
    reach = -1
    for part in sorted((p for p in parts if p.end > start and p.start < end), key=lambda p: p.start):
        if reach < 0:
            if part.start > start:
                return False
        elif part.start > reach and source[reach : part.start].strip():
            return False
        reach = max(reach, part.end)
    return reach >= end


def find_printed(text: str, source: str, start: int, end: int, *, spaced: bool = False) -> tuple[int, int] | None:
    """Find ``text`` as printed in ``source[start:end]``: the first place, and where it ends.

    As printed, any run of whitespace may stand for a space of the text, and whitespace may
    follow a hyphen (a line broken after it): this finds what the pattern of the text's words
    joined by ``\\s+``, each hyphen followed by ``\\s*``, finds, without compiling that pattern
    (compiling cost more than all the rest of placing a citation, and most texts are met once).
    ``spaced``: the caller knows the text has no whitespace but spaces (a citation's text, as
    the scanner makes it), so that is not checked again.
    """
    start, end = max(start, 0), max(0, min(end, len(source)))  # as a pattern reads pos and endpos
    # Most often the text is printed as it is where its first piece first stands: then that is
    # the place, found without cutting the text into pieces (most texts are met once, so
    # ``_pieces`` rarely remembers one). See the loop below for why the place is the same.
    # Where the text stands whole, the pattern matches it whole and ends with it, unless a last
    # space or hyphen would take in whitespace after it (see the loop below).
    literal = text[-1:] not in ("", " ", "-")
    if literal and text[0] != " " and (spaced or _OTHER_SPACE.search(text) is None):
        cut = text.find(" ")
        hyphen = text.find("-", 0, cut if cut != -1 else len(text))
        if hyphen != -1:
            cut = hyphen + 1  # a piece ends with its hyphen
        at = source.find(text if cut == -1 else text[:cut], start, end)
        if at == -1:
            return None  # the first piece is nowhere
        if source.startswith(text, at, end):
            return at, at + len(text)
    pieces = _pieces(text)
    if pieces is None:  # whitespace other than spaces in the text: the pattern itself
        match = _printed_pattern(text).search(source, start, end)
        return None if match is None else (match.start(), match.end())
    if not pieces:
        return (start, start) if start <= end else None
    first = pieces[0][0]
    # Most often the text is printed as it is: where it stands whole, the pieces would match it
    # whole (each run of spaces is followed by a piece that opens with no space) and end with it.
    isspace = str.isspace
    at = source.find(first, start, end)
    while at != -1:
        if literal and source.startswith(text, at, end):
            return at, at + len(text)
        position = at + len(first)
        for index, (piece, spaces) in enumerate(pieces):
            if index:
                if not source.startswith(piece, position, end):
                    break
                position += len(piece)
            if spaces is None:
                continue
            skipped = position
            while position < end and isspace(source[position]):
                position += 1
            if position - skipped < spaces:
                break
        else:
            return at, position
        at = source.find(first, at + 1, end)
    return None


#: Whitespace other than the space.
_OTHER_SPACE = re.compile(r"[^\S ]")


@functools.lru_cache(maxsize=4096)
def _pieces(text: str) -> tuple[tuple[str, int | None], ...] | None:
    """Cut the text where printed whitespace may stand, or None if it holds whitespace but spaces.

    Each piece comes with the least whitespace that must follow it, any more being taken in: one
    per space of the text, none after a hyphen; None after the last piece.
    """
    if _OTHER_SPACE.search(text) is not None:
        return None
    cuts: list[tuple[str, int | None]] = []
    piece = ""
    for char in text:
        if char == "-":
            cuts.append((piece + char, 0))
            piece = ""
        elif char != " ":
            piece += char
        elif piece or not cuts:
            cuts.append((piece, 1))
            piece = ""
        else:  # another space after a hyphen or a space: one more
            cuts[-1] = (cuts[-1][0], (cuts[-1][1] or 0) + 1)
    if piece:
        cuts.append((piece, None))
    return tuple(cuts)


@functools.lru_cache(maxsize=256)
def _printed_pattern(text: str) -> re.Pattern[str]:
    """The pattern of a citation's text as printed: any spaces between words, a break after a hyphen."""
    pieces = (re.escape(word).replace("\\-", "-\\s*") for word in text.split(" "))
    return re.compile("\\s+".join(pieces))


def _position(
    offset: int,
    starts: list[int],
    leaves: list[Text],
    source: str,
    parts: tuple[Span, ...],
    walked: dict[int, tuple[int, int]],
) -> int:
    """Map an offset into the joined text of ``leaves`` to an offset into the source.

    ``walked`` remembers, per text node, the last character placed: a later one is found by
    walking on from there, not from the node's start (a paragraph with many citations).
    """
    index = bisect.bisect_right(starts, offset) - 1
    leaf = leaves[index]
    local = offset - starts[index]
    resume = walked.get(index)
    if resume is not None and resume[0] > local:
        resume = None
    position = align(leaf.text, local, source, leaf.span, parts, resume)
    if position < leaf.span.end:
        walked[index] = (local, position)
    return position


def align(
    text: str,
    index: int,
    source: str,
    span: Span,
    parts: tuple[Span, ...] = (),
    resume: tuple[int, int] | None = None,
) -> int:
    """Return where character ``index`` of a node's normalised ``text`` is in ``source``.

    The node's text is its source range with whitespace runs made one space, line-end hyphens
    joined and markup left out; so the two are walked together, skipping source characters
    that the text does not have, and the source ranges outside ``parts``. ``resume``: a
    character at or before ``index`` and where an earlier call placed it, to walk on from.
    """
    first, j = resume if resume is not None else (0, span.start)
    end = span.end
    ranges = sorted((p for p in parts if p.end > span.start and p.start < end), key=lambda p: p.start) if parts else []
    k = 0  # the first range that does not end at or before j
    for i in range(first, index + 1):
        char = text[i]
        while j < end:
            if ranges:
                while k < len(ranges) and ranges[k].end <= j:
                    k += 1
                if k == len(ranges):
                    j = end  # past the node's last part
                    break
                if j < ranges[k].start:
                    j = ranges[k].start  # furniture between the node's parts: skipped whole
                    continue
            here = source[j]
            if here == char or (char == " " and here.isspace()):
                break
            if char == " " and not here.isspace():
                break  # a space the text put where the source has none (a joined line)
            j += 1
        if i == index or j >= end:
            return min(j, end)
        if char == " ":
            while j < end and source[j].isspace():
                j += 1
        else:
            j += 1
    return min(j, end)
