"""A pandas DataFrame of the records (the ``pandas`` extra): one row per paragraph and sub-item."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from resolutions.records import COLUMNS, records

if TYPE_CHECKING:
    from resolutions.nodes import Document


def to_frame(document: Document) -> Any:
    """Return :func:`resolutions.records.records` as a ``pandas.DataFrame``.

    Raises:
        ImportError: When pandas is not installed (``pip install resolutions[pandas]``).
    """
    try:
        import pandas
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("to_frame() needs pandas: pip install 'resolutions[pandas]'") from exc
    return pandas.DataFrame.from_records(records(document), columns=list(COLUMNS))
