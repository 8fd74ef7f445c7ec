"""CSV: the records (or the citations) as a table, for spreadsheets and databases, with no dependency.

Lists become text: a section path is joined with " > " (headings do not contain it), footnote
markers with spaces, citations with "; " (a symbol holds no semicolon). A row's ``parent`` is
the 0-based row of its paragraph, or empty.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any

from resolutions.serialise.frame import Table, table_rows

if TYPE_CHECKING:
    from resolutions.nodes import Document

SECTION_SEPARATOR = " > "


def to_csv(document: Document, table: Table = "paragraphs") -> str:
    """Return a table of the document as CSV (RFC 4180, a header row, ``\\r\\n`` line ends).

    ``table`` is "paragraphs" (the records) or "citations" (see ``to_frame``).
    """
    rows, columns = table_rows(document, table)
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(name, row[name]) for name in columns])
    return out.getvalue()


def _cell(name: str, value: Any) -> str:
    if value is None:
        return ""
    if name == "section":
        return SECTION_SEPARATOR.join(value)
    if name == "footnotes":
        return " ".join(value)
    if name == "citations":
        return "; ".join(value)
    return str(value)
