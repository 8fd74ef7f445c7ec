"""Sub-items: how "(a)", "(i)", "(1)" and bullets nest under a paragraph.

The first kind of label under a paragraph makes the first level; a new kind opens a level
below, and a kind seen before closes the levels below it. Two ambiguities are settled from the
neighbours: "(i)" after "(h)" is a letter, not a roman one; "(ii)" after "(1)" is a roman
numeral that an OCR engine misread as "(1)", so they are siblings.
"""

from __future__ import annotations

import re

_ROMAN = re.compile(r"^(?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii|xiii|xiv|xv|xvi|xvii|xviii|xix|xx)$")
_LOOKS_LIKE_ONE = ("1", "l", "I")
_DOTTED = re.compile(r"[0-9]{1,3}(?:\.[0-9]{1,3})+")


def family(label: str, previous: str | None) -> str:
    """Return the kind of a label: "digit", "letter", "roman", "LETTER", "ROMAN" or "bullet".

    Args:
        label: The label as written ("(a)", "(iv)", "-").
        previous: The label of the item before it at the same level, if any.
    """
    inner = label.strip().strip("()").strip(".")
    if _DOTTED.fullmatch(inner):  # "5.1", "5.1.1": a level per dot
        return f"dotted{inner.count('.')}"
    if not inner or not inner.isalnum():
        return "bullet"
    if inner.isdigit():
        return "digit"
    before = previous.strip().strip("()") if previous else ""
    if inner.islower():
        if _ROMAN.match(inner) and not (len(inner) == 1 and before and ord(inner) == ord(before[-1]) + 1):
            return "roman"
        return "letter"
    if _ROMAN.match(inner.lower()) and not (len(inner) == 1 and before and ord(inner) == ord(before[-1]) + 1):
        return "ROMAN"
    return "LETTER"


class Nesting:
    """Tracks the open levels of sub-items under one paragraph."""

    def __init__(self) -> None:
        self.levels: list[tuple[str, str]] = []  # (family, last label) per open level

    def place(self, label: str) -> int:
        """Return the level (0 = directly under the paragraph) of the next item."""
        previous = self.levels[-1][1] if self.levels else None
        kind = family(label, previous)
        if self.levels and kind == "roman" and label.strip("() ") == "ii":
            top_family, top_label = self.levels[-1]
            if top_family == "digit" and top_label.strip("() ") in _LOOKS_LIKE_ONE:
                self.levels[-1] = ("roman", top_label)  # "(1)" then "(ii)": an OCR slip for "(i)"
        for depth, (open_family, _) in enumerate(self.levels):
            if open_family == kind:
                del self.levels[depth + 1 :]
                self.levels[depth] = (open_family, label)
                return depth
        self.levels.append((kind, label))
        return len(self.levels) - 1
