"""Which body wrote a text: the signs each layer declares, weighed on the text's opening.

Every body's ``body.toml`` lists signs (regular expressions) with weights: its symbols
("AG/RES. 2908"), its formulas ("THE GENERAL ASSEMBLY,", "The European Parliament,"), its
letterheads. The body whose signs weigh most reads the text; a tie goes to the default body,
the UN's, which the others build on. A text that shows no body's signs is read as the UN's, and
a diagnostic says so.
"""

from __future__ import annotations

import re

from resolutions.grammar import DEFAULT_BODY, Grammar, available_bodies, load_grammar

#: How much of a text's opening is weighed: headers, titles and formulas stand there.
OPENING = 4000
#: Marks that converters leave at line starts (byte order and direction marks), which would
#: hide a line's first word from a sign anchored there.
_INVISIBLE = re.compile("[\ufeff\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069]")
#: The least weight of signs that makes a body fit a text.
FITS = 1.0


def detect(text: str) -> tuple[Grammar, bool]:
    """Choose the body that wrote ``text``.

    Returns:
        The body's grammar, and whether its signs were found (False: no body's were, and the
        default body reads the text).
    """
    opening = _INVISIBLE.sub("", text[:OPENING])
    best_name, best_score = DEFAULT_BODY, 0.0
    default_score = 0.0
    for name in available_bodies():
        score = load_grammar(name).conventions.score(opening)
        if name == DEFAULT_BODY:
            default_score = score
        if score > best_score or (score == best_score and name == DEFAULT_BODY):
            best_name, best_score = name, score
    if best_name != DEFAULT_BODY and best_score <= default_score:
        best_name = DEFAULT_BODY
    return load_grammar(best_name), best_score >= FITS
