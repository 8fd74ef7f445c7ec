"""CSV: the records as a table, for spreadsheets and databases, with no dependency.

Lists become text: a section path is joined with " > " (headings do not contain it), footnote
markers with spaces. A row's ``parent`` is the 0-based row of its paragraph, or empty.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any

from resolutions.records import COLUMNS, records

if TYPE_CHECKING:
    from resolutions.nodes import Document

SECTION_SEPARATOR = " > "


def to_csv(document: Document) -> str:
    """Return the document's records as CSV (RFC 4180, a header row, ``\\r\\n`` line ends)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for row in records(document):
        writer.writerow([_cell(name, row[name]) for name in COLUMNS])
    return out.getvalue()


def _cell(name: str, value: Any) -> str:
    if value is None:
        return ""
    if name == "section":
        return SECTION_SEPARATOR.join(value)
    if name == "footnotes":
        return " ".join(value)
    return str(value)
