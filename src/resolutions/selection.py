"""Selecting paragraphs by what they are and say: :meth:`Document.find` and the sections.

A selection reads like a filter on a table (``frame[frame.kind == "operative"]`` in pandas):
each keyword is one condition, and a paragraph is kept when it meets them all. Text
conditions are plain strings, matched without regard to case, or compiled regular
expressions for anything finer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator
from typing import TYPE_CHECKING

from resolutions.nodes import Annex, Paragraph, Section

if TYPE_CHECKING:
    from resolutions.nodes import Block, Document

#: A text condition: a string (a case-insensitive match) or a compiled regular expression.
Pattern = str | re.Pattern[str]


def walk(document: Document) -> Iterator[tuple[Paragraph, tuple[Section | Annex, ...]]]:
    """Yield every paragraph in document order with the annex and sections it stands in."""
    for paragraph in document.preamble.paragraphs:
        yield paragraph, ()
    yield from _walk(document.body, ())
    for annex in document.annexes:
        yield from _walk(annex.children, (annex,))


def _walk(
    blocks: tuple[Block, ...], path: tuple[Section | Annex, ...]
) -> Iterator[tuple[Paragraph, tuple[Section | Annex, ...]]]:
    for block in blocks:
        if isinstance(block, Section):
            yield from _walk(block.children, (*path, block))
        else:
            yield block, path


def sections(document: Document) -> tuple[Section, ...]:
    """Return every section at any depth, in document order, those of annexes included."""
    found: list[Section] = []
    for blocks in (document.body, *(annex.children for annex in document.annexes)):
        _collect(blocks, found)
    return tuple(found)


def _collect(blocks: tuple[Block, ...], found: list[Section]) -> None:
    for block in blocks:
        if isinstance(block, Section):
            found.append(block)
            _collect(block.children, found)


def find(
    document: Document,
    kind: str | Collection[str] | None = None,
    *,
    verb: Pattern | None = None,
    text: Pattern | None = None,
    section: Pattern | None = None,
    where: Callable[[Paragraph], bool] | None = None,
) -> tuple[Paragraph, ...]:
    """Return the paragraphs that meet every condition given, in document order.

    Args:
        document: The document to search.
        kind: "preambular", "operative" or "paragraph", or several of them.
        verb: The verb phrase: a string matches the phrase or its head, whatever the case and
            the adverbs ("decides" finds "Decides", "Also decides", "DECIDES"); a regular
            expression is searched for in the phrase.
        text: The paragraph's whole text (:attr:`~resolutions.nodes.Paragraph.text`): a string
            is found in it whatever the case; a regular expression is searched for.
        section: The name of a section or annex the paragraph stands in, at any depth ("A.
            Demand reduction", "Annex"): a string is found in it whatever the case.
        where: Any other condition, as a function of the paragraph.

    Raises:
        ValueError: ``kind`` names no kind of paragraph.
    """
    kinds = _kinds(kind)
    selected = []
    for paragraph, path in walk(document):
        if kinds is not None and paragraph.kind not in kinds:
            continue
        if verb is not None and not _verb_matches(paragraph, verb):
            continue
        if text is not None and not _matches(text, paragraph.text):
            continue
        if section is not None and not any(_matches(section, part.name) for part in path):
            continue
        if where is not None and not where(paragraph):
            continue
        selected.append(paragraph)
    return tuple(selected)


_KINDS = ("preambular", "operative", "paragraph")


def _kinds(kind: str | Collection[str] | None) -> frozenset[str] | None:
    if kind is None:
        return None
    kinds = frozenset((kind,) if isinstance(kind, str) else kind)
    unknown = sorted(kinds.difference(_KINDS))
    if unknown:
        raise ValueError(
            f"no kind of paragraph is called {', '.join(map(repr, unknown))}; the kinds are {', '.join(_KINDS)}"
            + (" (sub-items are rows of records(), not paragraphs)" if "item" in unknown else "")
        )
    return kinds


def _verb_matches(paragraph: Paragraph, verb: Pattern) -> bool:
    phrase = paragraph.verb
    if phrase is None:
        return False
    if isinstance(verb, str):
        wanted = " ".join(verb.split()).casefold()
        return wanted in (phrase.phrase.casefold(), phrase.text.casefold(), phrase.head.casefold())
    return verb.search(phrase.text) is not None


def _matches(pattern: Pattern, text: str) -> bool:
    if isinstance(pattern, str):
        return pattern.casefold() in text.casefold()
    return pattern.search(text) is not None
