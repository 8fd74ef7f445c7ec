"""Glyphs: the characters a PDF draws, with the font facts the reader needs.

A PDF keeps what plain text loses: each character's font, size and position. The reader works
from these facts alone (italic runs mark verb phrases, raised or smaller characters mark
footnote references, a smaller font at the foot of a page marks footnote bodies), so the
glyph is the one place where a library's character record becomes ours.
"""

from __future__ import annotations

import re
import unicodedata

from attrs import frozen

#: A PDF matrix: (a, b, c, d, e, f).
Matrix = tuple[float, float, float, float, float, float]

#: Font names that say italic: "TimesNewRomanPS-ItalicMT", "Times New Roman,Italic",
#: "Helvetica-Oblique", "MinionPro-It", "Arial-BoldItalicMT", "Calibri-BoldIt".
_ITALIC = re.compile(r"italic|oblique|slanted|[-,](?:bold|semibold|medium|light)?it(?:[A-Z]|$)", re.IGNORECASE)
#: Font names that say bold: "TimesNewRomanPS-BoldMT", "Times New Roman,Bold", "Arial-Black".
_BOLD = re.compile(r"bold|black|heavy|semibold|demi|[-,]bd(?:[A-Z]|$)", re.IGNORECASE)
#: Control characters, which some fonts map glyphs to.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
#: A slant larger than this in the text matrix (shear over scale) is a synthetic italic.
_SLANT = 0.1


@frozen(slots=True)
class Glyph:
    """One drawn character, in page coordinates (points, origin at the top left).

    Attributes:
        text: The character (a ligature may give two or three).
        x0: Left edge.
        x1: Right edge.
        top: Top of the glyph box.
        bottom: Bottom of the glyph box.
        baseline: Where the glyph sits: raised glyphs (superscripts) have a smaller baseline
            than the glyphs of their line.
        size: Font size.
        font: Font name without its subset prefix ("ABCDEF+").
        italic: The font is italic or oblique, or the text matrix slants it.
        bold: The font is bold.
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

    @property
    def is_space(self) -> bool:
        """Tell a blank glyph (a space the producer wrote), which separates words."""
        return not self.text.strip()


def make_glyph(
    text: str, box: tuple[float, float, float, float], baseline: float, size: float, fontname: str, matrix: Matrix
) -> Glyph:
    """Make a glyph from what the PDF says of one character.

    Args:
        text: The character(s).
        box: ``(x0, x1, top, bottom)`` in top-down page coordinates.
        baseline: The baseline, text rise included, in top-down page coordinates.
        size: The font size as drawn.
        fontname: The font's name, subset prefix ("ABCDEF+") included or not.
        matrix: The text rendering matrix: a slant in it is a synthetic italic.
    """
    font = fontname.split("+", 1)[1] if "+" in fontname[:8] else fontname
    _, b, c, d = matrix[:4]
    slanted = abs(b) < 1e-6 and abs(d) > 1e-6 and abs(c / d) > _SLANT
    text = _CONTROL.sub(" ", text)  # a form feed or line break inside a glyph would cut the text's lines
    if "\ufb00" <= text <= "\ufb06":  # a ligature glyph ("ﬁ"): the letters it stands for
        text = unicodedata.normalize("NFKC", text)
    x0, x1, top, bottom = box
    return Glyph(
        text=text,
        x0=x0,
        x1=x1,
        top=top,
        bottom=bottom,
        baseline=baseline,
        size=round(size, 2),
        font=font,
        italic=bool(_ITALIC.search(font)) or slanted,
        bold=bool(_BOLD.search(font)),
    )
