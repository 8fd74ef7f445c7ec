"""Read web pages: turn a page holding a resolution into the text the parser reads best.

Needs the optional extra: ``pip install "resolutions[html]"`` (selectolax, whose Lexbor engine
parses HTML as browsers do, by the WHATWG HTML5 algorithm).

>>> from resolutions.html import read_html                                     # doctest: +SKIP
>>> read_html(b"<p><i>The General Assembly</i>,</p><p>1. <i>Decides</i> to act.</p>")  # doctest: +SKIP
'*The General Assembly*,\\n\\n1. *Decides* to act.\\n'

See docs/html.md for what is read and what is left out.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import TYPE_CHECKING

from resolutions.errors import DecodeError, ParseError
from resolutions.flavour import document_text
from resolutions.reading import Extracted, decode, read_path_bytes

if TYPE_CHECKING:
    from selectolax.lexbor import LexborHTMLParser, LexborNode

__all__ = ["HtmlSupportMissingError", "extract_html", "read_html"]

#: The page's own statement of its encoding: <meta charset="..."> or http-equiv content.
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)
_INSTALL_HINT = 'install the HTML extra: pip install "resolutions[html]" (in a checkout: pip install -e ".[html]")'


class HtmlSupportMissingError(ParseError, ImportError):
    """The HTML extra (selectolax) is not installed. Both a ParseError and an ImportError."""


def read_html(source: str | Path | bytes, *, encoding: str = "utf-8") -> str:
    """Read a web page and return its text, in the Markdown flavour :func:`resolutions.parse` reads.

    Args:
        source: The page: a path, or its bytes.
        encoding: The encoding of a page that does not declare one (a byte order mark or a
            ``<meta charset>`` says otherwise).

    Returns:
        The text. ``resolutions.parse(text).to_source()`` gives it back exactly.

    Raises:
        ParseError: The page holds no text a document could be read from, or is not HTML.
        DecodeError: The bytes are not text (a binary file named .html).
        HtmlSupportMissingError: The ``html`` extra is not installed.
    """
    if isinstance(source, bytes):
        data, name = source, "<bytes>"
    else:
        data, name = read_path_bytes(source), str(source)
    return extract_html(data, name=name, encoding=encoding).text


def extract_html(data: bytes, *, name: str, encoding: str = "utf-8") -> Extracted:
    """Read a page's bytes into the text the parser reads (see :func:`read_html`)."""
    try:
        from selectolax.lexbor import LexborHTMLParser

        from resolutions.html.notes import find_notes
        from resolutions.html.walk import Walker
    except ImportError as exc:
        raise HtmlSupportMissingError(
            "reading web pages needs the optional 'html' extra (selectolax), which is not installed",
            expected="selectolax, importable",
            hint=_INSTALL_HINT,
        ) from exc
    tree = LexborHTMLParser(_markup(data, name, encoding))
    content, framed = _content(tree)
    if content is None:
        raise _no_text(name)
    walker = Walker(find_notes(tree))
    walker.walk(content, framed=framed)
    walker.finish()
    blocks = _unquote(_trim_rules(walker.blocks))
    if not any(any(ch.isalnum() for ch in block) for block in blocks):
        raise _no_text(name)
    return Extracted(document_text(blocks, walker.note_texts))


def _markup(data: bytes, name: str, encoding: str) -> str:
    """Decode a page: as it declares, else as asked.

    Undeclared bytes that are not UTF-8 are read as windows-1252, as browsers do, unless they
    hold NUL bytes (a binary file).
    """
    declared = _declared(data)
    try:
        return decode(data, name=name, encoding=declared or encoding)
    except DecodeError as exc:
        if declared is None and codecs.lookup(encoding).name == "utf-8" and b"\x00" not in data:
            return decode(data, name=name, encoding="cp1252")
        exc.hint = (
            "this is not a web page but binary data (an image, a PDF, an archive?) named like one"
            if b"\x00" in data
            else exc.hint
        )
        raise


def _declared(data: bytes) -> str | None:
    """Return the encoding the page declares in its first kilobytes, if Python knows it."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None  # a byte order mark overrides a declaration (WHATWG)
    match = _META_CHARSET.search(data[:4096])
    if match is None:
        return None
    label = match.group(1).decode("ascii").lower()
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # WHATWG: a page that says latin-1 or ascii means windows-1252; a UTF-16 declaration in
    # bytes that decode as ASCII is a mistake, read as UTF-8.
    return {"latin-1": "cp1252", "iso8859-1": "cp1252", "ascii": "cp1252", "utf-16": "utf-8"}.get(name, name)


def _content(tree: LexborHTMLParser) -> tuple[LexborNode | None, bool]:
    """Return the page's main content (<main>, <article>, role=main, else <body>) and whether it is framed."""
    for query in ("main", "[role=main]", "article"):
        found = tree.css(query)
        if len(found) == 1:
            return found[0], True
    return tree.body, False


def _trim_rules(blocks: list[str]) -> list[str]:
    """Drop rules that separate nothing (a footnote section's own rule, a rule at either end)."""
    while blocks and blocks[-1] == "---":
        blocks.pop()
    while blocks and blocks[0] == "---":
        blocks.pop(0)
    return [block for index, block in enumerate(blocks) if block != "---" or blocks[index - 1] != "---"]


def _unquote(blocks: list[str]) -> list[str]:
    """Take off the quotation marks of a document quoted in full, paragraph by paragraph.

    A page that quotes a whole resolution (a press release) opens each quoted paragraph with a
    quotation mark and closes only the last: punctuation of the page, not of the document.
    """
    out = list(blocks)
    start = 0
    while start < len(out):
        end = start
        while end < len(out) and out[end].startswith(_OPENING) and not out[end].endswith(_CLOSING):
            end += 1
        if end < len(out) and out[end].startswith(_OPENING) and out[end].endswith(_CLOSING):
            end += 1  # the last paragraph closes the quotation
            if end - start >= _QUOTED:
                for index in range(start, end):
                    out[index] = out[index][1:].lstrip()
                out[end - 1] = out[end - 1][:-1].rstrip()
        start = max(end, start + 1)
    return out


#: Quotation marks that open and close a quoted paragraph, and the fewest paragraphs that make a
#: quoted document.
_OPENING = ("\u201c", '"', "\u00ab")
_CLOSING = ("\u201d", '"', "\u00bb", "\u201d.", '".')
_QUOTED = 3


def _no_text(name: str) -> ParseError:
    return ParseError(
        f"{name} holds no text a document could be read from",
        expected="a web page with the text of a resolution",
        hint="check that the page is the document and not a frame, a search page or a script that loads it "
        "(save the page from a browser after it has loaded)",
    )
