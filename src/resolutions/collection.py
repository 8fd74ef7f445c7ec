"""Files that hold many documents: conference reports, annual volumes, compilations.

:func:`resolutions.parse_all` reads such a file into a :class:`Collection`: one
:class:`~resolutions.nodes.Document` per resolution, decision or declaration, in order, and the
preface (a cover, a masthead, a contents table) that stands before the first of them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import overload

import attrs

from resolutions.nodes import Document, Header, Node, Span


@attrs.frozen(repr=False)
class Preface(Node):
    """What stands before the first document of a collection: a cover, a masthead, contents.

    The preface is the opening of the first document's source, kept there as furniture (kind
    "preface"), so that the documents' sources put end to end give the file back.

    Attributes:
        text: The preface as written.
        header: The masthead's fields (the report's symbol, distribution, date ...).
        span: Its range in the file.
    """

    text: str
    header: Header = attrs.field(factory=Header)
    span: Span = attrs.field(default=Span(0, 0), eq=False)


@attrs.frozen
class Collection(Sequence[Document]):
    """The documents of one file, in order: a sequence of :class:`~resolutions.nodes.Document`.

    Made by :func:`resolutions.parse_all` and :func:`resolutions.parse_all_file`.

    Examples:
        >>> import resolutions
        >>> docs = resolutions.parse_all(
        ...     "Decision 1/CP.21\\n\\nAdoption of the Paris Agreement\\n\\nThe Conference of the Parties,\\n\\n"
        ...     "1. Decides to adopt the Agreement.\\n\\n"
        ...     "Decision 2/CP.21\\n\\nLoss and damage\\n\\nThe Conference of the Parties,\\n\\n"
        ...     "1. Requests the secretariat to report.\\n"
        ... )
        >>> docs
        <Collection of 2 documents: 1/CP.21, 2/CP.21>
        >>> [doc.title for doc in docs]
        ['Adoption of the Paris Agreement', 'Loss and damage']
        >>> docs[1]
        <Document '2/CP.21' 'Loss and damage' preambular=0 operative=1>
        >>> docs.to_source() == docs.source
        True

    Attributes:
        documents: The documents.
        offsets: Where each document's source starts in the file.
        preface: What stands before the first document, or None.
        source: The whole file.
    """

    documents: tuple[Document, ...]
    offsets: tuple[int, ...] = attrs.field(eq=False)
    preface: Preface | None = None
    source: str = attrs.field(default="", eq=False, repr=False)

    @overload
    def __getitem__(self, index: int) -> Document: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Document]: ...

    def __getitem__(self, index: int | slice) -> Document | Sequence[Document]:
        return self.documents[index]

    def __len__(self) -> int:
        return len(self.documents)

    def __iter__(self) -> Iterator[Document]:
        return iter(self.documents)

    def __repr__(self) -> str:
        symbols = [d.header.symbol or "?" for d in self.documents[:6]]
        more = ", ..." if len(self.documents) > 6 else ""
        return f"<Collection of {len(self.documents)} documents: {', '.join(symbols)}{more}>"

    def to_source(self) -> str:
        """Return the file: the documents' sources end to end."""
        return "".join(document.to_source() for document in self.documents)
