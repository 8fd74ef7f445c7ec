"""The text the readers write: the Markdown flavour the parser reads best (the seeds' flavour).

The PDF, web page and Word readers each turn a file into blocks of styled text. They all write
it the same way: one block per paragraph (or heading, or table cell), blocks separated by blank
lines; italic runs as ``*...*``; footnote references as ``<sup>n</sup>`` right after their word;
the footnote bodies after the text, below a ``---`` rule, one ``<sup>n</sup> text`` block each.
Characters the parser reads as markup are escaped when the file has them as text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from attrs import frozen

#: Characters the parser reads as markup, escaped when a file prints them as text.
_MARKUP = re.compile(r"[*\\]|<(?=[A-Za-z/])|\[(?=\^)")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


@frozen
class Span:
    """A stretch of a block's text in one style, or a footnote reference.

    Attributes:
        text: The text (for a reference, its marker).
        italic: Set in italics.
        reference: A footnote reference: ``text`` is its marker.
    """

    text: str
    italic: bool = False
    reference: bool = False


def escape(text: str) -> str:
    """Escape the characters the parser would read as markup ("*", "\\", "<b", "[^")."""
    return _MARKUP.sub(lambda match: "\\" + match.group(0), text)


def block_text(spans: Sequence[Span], *, keep_lines: bool = False, preformatted: bool = False) -> str:
    """Write a block: italics marked where they carry meaning, references glued to their word.

    A block italic from end to end (an opening formula, a closing line) carries no verb phrase,
    so it is written plain; italics inside a block are marked. White space runs become one
    space, and the block is stripped (line breaks are kept with ``keep_lines``; spaces too,
    with ``preformatted``).
    """
    words = [span for span in spans if not span.reference and any(ch.isalpha() for ch in span.text)]
    marked = any(span.italic for span in words) and not all(span.italic for span in words)
    out: list[str] = []
    for span in spans:
        if span.reference:
            while out and out[-1].endswith((" ", "\n")):  # a reference belongs to the word before it
                out[-1] = out[-1].rstrip(" \n")
            out.append(f"<sup>{span.text.replace('*', chr(92) + '*')}</sup>")
        elif span.italic and marked and span.text.strip():
            core = span.text.strip()
            lead = span.text[: len(span.text) - len(span.text.lstrip())]
            tail = span.text[len(span.text.rstrip()) :]
            out.append(f"{lead}*{escape(core)}*{tail}")
        else:
            out.append(escape(span.text))
    joined = "".join(out)
    if preformatted:
        return "\n".join(line.rstrip() for line in joined.split("\n")).strip("\n")
    lines = [_SPACES.sub(" ", line).strip() for line in joined.split("\n")]
    if keep_lines:
        return "\n".join(line for line in lines if line)
    return " ".join(line for line in lines if line)


def document_text(blocks: Sequence[str], notes: Sequence[tuple[str, str]]) -> str:
    """Join blocks and footnotes ``(marker, text)`` into the text the parser reads."""
    out = [block for block in blocks if block]
    rendered = [f"<sup>{marker.replace('*', chr(92) + '*')}</sup> {text}" if marker else text for marker, text in notes]
    if rendered:
        out += ["---", *rendered]
    return "\n\n".join(out) + "\n" if out else ""
