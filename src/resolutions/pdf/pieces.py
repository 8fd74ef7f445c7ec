"""Pieces: the text a PDF draws, cut where the font or the words change, with the facts the reader needs.

A PDF keeps what plain text loses: each character's font, size and position. The reader works
from these facts alone (italic runs mark verb phrases, raised or smaller text marks footnote
references, a smaller font at the foot of a page marks footnote bodies). It does not need them
for every character: a word drawn in one font is one piece, with the box from its first to its
last character. That keeps the work per page proportional to the words, not the characters.
"""

from __future__ import annotations

import re
import unicodedata

from attrs import define

#: Font names that say italic: "TimesNewRomanPS-ItalicMT", "Times New Roman,Italic",
#: "Helvetica-Oblique", "MinionPro-It", "Arial-BoldItalicMT", "Calibri-BoldIt".
_ITALIC = re.compile(r"italic|oblique|slanted|[-,](?:bold|semibold|medium|light)?it(?:[A-Z]|$)", re.IGNORECASE)
#: Font names that say bold: "TimesNewRomanPS-BoldMT", "Times New Roman,Bold", "Arial-Black".
_BOLD = re.compile(r"bold|black|heavy|semibold|demi|[-,]bd(?:[A-Z]|$)", re.IGNORECASE)
#: Control characters, which some fonts map glyphs to.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
#: Ligature glyphs ("ﬁ"), which stand for their letters.
_LIGATURE = re.compile("[\ufb00-\ufb06]")


@define(slots=True)
class Piece:
    """Text drawn in one font on one line with no space inside: a word, or part of one.

    Coordinates are in points on the page as it is read (origin at the top left, y down).

    Attributes:
        text: The characters.
        x0: Left edge.
        x1: Right edge.
        top: Top of the font box.
        bottom: Bottom of the font box.
        baseline: Where the text sits: raised text (superscripts) has a smaller baseline than
            the text of its line.
        size: Font size as drawn.
        font: Font name without its subset prefix ("ABCDEF+").
        italic: The font is italic or oblique, or the drawing slants it.
        bold: The font is bold.
        space_before: The PDF writes a space before this piece (a gap may also make one).
    """

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    baseline: float
    size: float
    font: str
    italic: bool
    bold: bool
    space_before: bool


def clean(text: str) -> str:
    """Return a piece's text with ligatures spelt out and control characters made spaces.

    PDFium writes a hyphen that ends a line as U+FFFE (it takes it for a soft hyphen): it is
    given back as the hyphen the page shows; the renderer decides whether the word is whole.
    """
    if "\ufffe" in text:
        text = text.replace("\ufffe", "-")
    if _LIGATURE.search(text):
        text = _LIGATURE.sub(lambda match: unicodedata.normalize("NFKC", match.group(0)), text)
    # A form feed or line break inside a piece would cut the text's lines.
    return _CONTROL.sub(" ", text) if _CONTROL.search(text) else text


def font_style(name: str, *, flags: int, weight: int, angle: int) -> tuple[str, bool, bool]:
    """Return (name without subset prefix, italic, bold) from what the PDF says of a font.

    The name is the most reliable witness ("Times New Roman,Italic"); the font descriptor's
    italic flag, italic angle and weight say the same for fonts whose names do not.
    """
    font = name.split("+", 1)[1] if "+" in name[:8] else name
    italic = bool(_ITALIC.search(font)) or bool(flags & 0x40) or angle != 0
    bold = bool(_BOLD.search(font)) or weight >= 600 or bool(flags & 0x40000)
    return font, italic, bold
