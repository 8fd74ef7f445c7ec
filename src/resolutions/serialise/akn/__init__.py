"""Akoma Ntoso 3.0: a document as AKN XML after the AKN4UN conventions, and back.

:func:`to_akn` writes a ``statement`` (named "resolution", "declaration" ...) with its FRBR
metadata, a ``preface`` from the header and titles, a ``preamble`` with the opening formula and
the preambular paragraphs as ``recitals``, a ``mainBody`` of ``paragraph`` and ``section``
elements, ``conclusions`` from the closing lines, and each annex as an ``attachment``. Footnotes
become ``authorialNote`` at their first reference. docs/akn.md has the whole mapping.

:func:`from_akn` reads AKN back, ours or another tool's. The modules: ``writer`` (the body),
``meta`` (FRBR identity and ``meta``), ``preface`` (``preface`` and ``conclusions``), ``names``
(what the writer and the reader share: names, escaping, eIds); ``reader`` (structure), ``text``
(mixed content, verb phrases, footnotes) and ``values`` (the header's and closing's fields).
Only the reading side imports lxml.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from resolutions.nodes import Document

__all__ = ["from_akn", "to_akn"]


def to_akn(document: Document) -> str:
    """Return the document as Akoma Ntoso 3.0 XML (valid against the strict OASIS schema).

    Args:
        document: A parsed document.

    Returns:
        The XML, with its declaration, as text.

    Examples:
        >>> import resolutions
        >>> doc = resolutions.parse("The Security Council,\\n\\n1. Decides to remain seized of the matter.\\n")
        >>> '<inline name="operativeVerb">Decides</inline>' in doc.to_akn()
        True
    """
    from resolutions.serialise.akn.writer import Writer

    return Writer(document).write()


def from_akn(xml: str | bytes) -> Document:
    """Read Akoma Ntoso XML into a document (needs lxml: ``pip install 'resolutions[akn]'``).

    Reads our own output back to the same tree, and AKN from other tools as well as it can.
    The XML is parsed safely: a DTD, and so any entity declaration, is refused, and nothing is
    fetched. The document has no source text, and its nodes no spans.

    Examples:
        >>> import resolutions
        >>> doc = resolutions.parse("The Security Council,\\n\\n1. *Decides* to remain seized of the matter.\\n")
        >>> again = resolutions.from_akn(doc.to_akn())
        >>> resolutions.same_content(again, doc), again.records()[0]["verb"]
        (True, 'Decides')

    Raises:
        ParseError: When the XML is malformed, has a DTD, or holds no AKN document.
        ImportError: When lxml is not installed; the message names the extra.
    """
    try:
        from resolutions.serialise.akn.reader import read
    except ModuleNotFoundError as exc:
        if exc.name != "lxml":
            raise
        raise ImportError(
            "from_akn() needs lxml: pip install 'resolutions[akn]' (in a checkout: pip install -e '.[akn]')",
            name="lxml",
        ) from exc
    return read(xml)
