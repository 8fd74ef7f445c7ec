"""pandas DataFrames (the ``pandas`` extra): the paragraphs table, or the citations table."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from resolutions.citations.tree import CITATION_COLUMNS, citation_records
from resolutions.records import COLUMNS, records

if TYPE_CHECKING:
    from resolutions.nodes import Document

Table = Literal["paragraphs", "citations"]


def to_frame(document: Document, table: Table = "paragraphs") -> Any:
    """Return a table of the document as a ``pandas.DataFrame``.

    Args:
        document: A parsed document.
        table: "paragraphs" for :func:`resolutions.records.records` (one row per paragraph and
            sub-item), "citations" for :func:`resolutions.citations.citation_records` (one row
            per citation: who cites what, where, and with which verb).

    Raises:
        ImportError: When pandas is not installed (``pip install resolutions[pandas]``).
        ValueError: When ``table`` is neither.
    """
    rows, columns = table_rows(document, table)
    try:
        import pandas
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(
            "to_frame() needs pandas: pip install 'resolutions[pandas]' (in a checkout: pip install -e '.[pandas]')"
        ) from exc
    return pandas.DataFrame.from_records(rows, columns=list(columns))


def table_rows(document: Document, table: str) -> tuple[list[dict[str, Any]], tuple[str, ...]]:
    """Return the rows and the columns of one of the document's tables."""
    if table == "paragraphs":
        return records(document), COLUMNS
    if table == "citations":
        return citation_records(document), CITATION_COLUMNS
    raise ValueError(f"no table named {table!r}: the tables are 'paragraphs' and 'citations'")
