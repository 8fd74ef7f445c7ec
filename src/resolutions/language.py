"""Editorial notes in another language: what a database added to the text it republished.

Treaty databases and national gazettes republish resolutions with notes and titles of their own
in their own language ("##Resolutie 1.9 houdende wijziging van Bijlage 3 ...", "Wijzigt de
Overeenkomst inzake ..."). In a document written in English, a line whose words are those of
another language is such a note: it is kept apart as furniture, not read as a title or a
paragraph. The test is by function words, the commonest and surest sign of a language.
"""

from __future__ import annotations

import re

#: English function words.
_ENGLISH = frozenset(
    "the of and to in on for with by that is are be as at its their this which from or an it not has have "
    "all was were will shall should may been these those such any each".split()
)
#: Function words of the other languages resolutions are republished in (Dutch, German, French,
#: Spanish, Portuguese, Italian), leaving out those English uses too ("die", "an", "a", "do").
_OTHER = frozenset(
    "de het een van en bij tot inzake houdende voor met zijn worden niet wijzigt "
    "und der das den dem des ist nicht von mit zur zum auf ein eine "
    "les le la du et une pour dans sur aux est sont par au "
    "los las del y el por para con una que es "
    "dos das os em uma pelo pela na no "
    "della delle degli il che per gli".split()
)
#: The commonest function words of those languages ("de" is Dutch, French, Spanish, Portuguese;
#: "der" and "und" German), which English texts use only in names and phrases ("van der
#: Stoel", "de facto"): a document without any skips the per-line test. Looked for as
#: substrings between spaces, many times faster than a regular expression's alternation.
_SURELY_OTHER = (" de ", " der ", " und ")
_WORD = re.compile(r"[^\W\d_]+")
#: The fewest function words of another language that make a line one of its.
_MIN_WORDS = 3


def may_hold_other_languages(text: str) -> bool:
    """Tell whether a text may hold lines in another language (a quick look at the whole)."""
    return any(word in text for word in _SURELY_OTHER)


def is_other_language(text: str) -> bool:
    """Tell a line written in another language than English by its function words."""
    words = [word.lower() for word in _WORD.findall(text)]
    other = sum(1 for word in words if word in _OTHER)
    english = sum(1 for word in words if word in _ENGLISH)
    return other >= _MIN_WORDS and other > 3 * english
