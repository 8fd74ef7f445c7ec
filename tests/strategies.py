"""Hypothesis strategies: every strategy of the test suite lives here.

Texts are built from the pieces real documents are made of (labels, verb phrases, header
fields, markup, page furniture, footnote marks) mixed with arbitrary Unicode, line endings,
form feeds, no-break spaces, tabs and NUL, so that the parser meets both the familiar and the
absurd.
"""

from __future__ import annotations

from hypothesis import strategies as st

_FRAGMENTS = [
    "1. ",
    "12. ",
    "(a) ",
    "(iv) ",
    " - (b) ",
    "- ",
    "# ",
    "### ",
    "I. ",
    "B. ",
    "The General Assembly,",
    "The Security Council",
    "We, the Ministers",
    "Recalling ",
    "Recalling also ",
    "*Also recognize* ",
    "**Reaffirm** also ",
    "<i>Demands</i> ",
    "URGES Member States:",
    "Decides to remain seized of the matter.",
    "Distr.: General",
    "31 October 2018",
    "A/RES/73/7",
    "Agenda item 77",
    "Seventy-third session",
    "18-18142 (E)",
    "*1818142*",
    "2/5",
    "021118",
    "__________________",
    "---",
    "***",
    "<sup>1</sup>",
    "\u00b9",
    "\\*",
    "\\_",
    "Court, 2",
    "Court 1",
    "Diseases,1",
    "Annex",
    "28th plenary meeting",
    "(Tehran, 27 February 2017)",
    "<details>",
    "<b>",
    "</b>",
    "   ",
    "\t",
    "\u00a0",
    "\f",
    "\r\n",
    "\n",
    "\n\n",
    "\r",
    "\x00",
    "*",
    "**",
    "<",
    ">",
    "\\",
]

fragments = st.sampled_from(_FRAGMENTS)


def any_text() -> st.SearchStrategy[str]:
    """Arbitrary strings: Unicode, control characters and line breaks of every kind."""
    return st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300)


def document_like_text() -> st.SearchStrategy[str]:
    """Strings assembled from document fragments and arbitrary text, in any order."""
    piece = st.one_of(fragments, fragments, any_text().map(lambda s: s[:40]))
    return st.lists(piece, max_size=60).map("".join)


def texts() -> st.SearchStrategy[str]:
    """Either kind of text: what property 1 (parse never fails, source kept) runs over."""
    return st.one_of(any_text(), document_like_text())
