"""A collection as pandas DataFrames: :func:`tables` (the ``pandas`` extra).

The tables and their columns are described once, in :mod:`resolutions.schema`; this module
turns their rows into DataFrames whose dtypes follow the schema whatever the data: text is
``string``, whole numbers ``int64`` (``Int64`` where they may be missing, never ``float``),
dates ``datetime64[s]``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import attrs

from resolutions.api import quiet_collector
from resolutions.batch import Batch, Result, read_input
from resolutions.schema import TABLES, Column, Rows, empty_rows, result_rows

if TYPE_CHECKING:
    import pandas

    from resolutions.batch import Options
    from resolutions.paths import Input


@attrs.frozen
class Tables:
    """The six tables of a collection, as pandas DataFrames (see docs/tables.md).

    Attributes:
        documents: One row per document: its file and position, header fields, counts.
        paragraphs: One row per paragraph and sub-item, as ``Document.records()``.
        footnotes: One row per footnote.
        citations: One row per citation: where it stands, and what it cites.
        diagnostics: One row per diagnostic.
        errors: One row per file that gave no document: its file, the error's kind, the message.
    """

    documents: pandas.DataFrame
    paragraphs: pandas.DataFrame
    footnotes: pandas.DataFrame
    citations: pandas.DataFrame
    diagnostics: pandas.DataFrame
    errors: pandas.DataFrame


def tables(results: Iterable[Result]) -> Tables:
    """Return the tables of a collection, from :func:`resolutions.parse_files`' results.

    Given ``parse_files(...)`` as it comes (not yet read), the rows are made in the worker
    processes and the documents never travel back to this one, which is faster.

    Args:
        results: Results of :func:`resolutions.parse_files` (or any iterable of them).

    Returns:
        The tables; rows in the order of the results.

    Raises:
        ImportError: When pandas is not installed (``pip install "resolutions[pandas]"``).

    Example:
        >>> import resolutions
        >>> t = resolutions.tables(resolutions.parse_files("examples/00[24]*.txt", workers=1))
        >>> list(t.documents["organ"])
        ['Economic and Social Council', 'Islamic Republic of Iran']
        >>> t.paragraphs.loc[0, ["file", "kind", "number", "verb"]].tolist()
        ['examples/002_5927ce86d9264869.txt', 'operative', '1', 'Are fully aware']
    """
    collected = empty_rows()
    for rows in iter_rows(results):
        for name, table_rows in rows.items():
            collected[name].extend(table_rows)
    return Tables(**{name: frame(name, collected[name]) for name in TABLES})


def iter_rows(results: Iterable[Result]) -> Iterator[Rows]:
    """Yield the rows of each file (or result) in turn; made in the workers for a fresh batch."""
    if isinstance(results, Batch) and not results.started:
        for rows, error in results.map(file_rows):
            if error is not None and results.on_error == "raise":
                raise error
            yield rows
        return
    for result in results:
        yield result_rows(result)


def file_rows(item: Input, options: Options) -> tuple[Rows, BaseException | None]:
    """Read one input and return its rows, and the first error's exception (a worker's job).

    The collector stays paused until the file's documents are gone: re-enabled between the
    parse and the rows, its first rounds would walk each document (half a percent of a batch)
    and find nothing to free.
    """
    with quiet_collector():
        return _rows_of(item, options)


def _rows_of(item: Input, options: Options) -> tuple[Rows, BaseException | None]:
    rows = empty_rows()
    error: BaseException | None = None
    for result in read_input(item, options):
        result_rows(result, rows)
        if result.error is not None and error is None:
            error = result.error.exception or _failure_exception(result)
    return rows, error


def _failure_exception(result: Result) -> BaseException:
    from resolutions.errors import ResolutionsError

    return ResolutionsError(result.error.message if result.error is not None else "no document")


def frame(name: str, rows: list[tuple[Any, ...]]) -> pandas.DataFrame:
    """Return a table's rows as a DataFrame with the schema's columns and dtypes."""
    pandas = _pandas()
    columns = TABLES[name]
    values = list(zip(*rows, strict=True)) if rows else [() for _ in columns]
    data = {column.name: _series(pandas, column, list(cells)) for column, cells in zip(columns, values, strict=True)}
    return pandas.DataFrame(data, columns=[c.name for c in columns])


def conform(name: str, table: pandas.DataFrame) -> pandas.DataFrame:
    """Return a DataFrame read back (from Parquet) with the schema's dtypes again."""
    pandas = _pandas()
    data = {}
    for column in TABLES[name]:
        cells = table[column.name].tolist()
        data[column.name] = _series(pandas, column, [None if _missing(pandas, c) else c for c in cells])
    return pandas.DataFrame(data, columns=[c.name for c in TABLES[name]])


def dtype(column: Column) -> str:
    """Return the pandas dtype of a column."""
    if column.type == "string":
        return "string"
    if column.type == "int":
        return "Int64" if column.nullable else "int64"
    return "datetime64[s]"


def _series(pandas: Any, column: Column, cells: list[Any]) -> Any:
    if column.type == "date":
        return pandas.Series(pandas.to_datetime(pandas.Series(cells, dtype=object)), dtype="datetime64[s]")
    return pandas.Series(cells, dtype=dtype(column))


def _missing(pandas: Any, cell: Any) -> bool:
    return cell is None or bool(pandas.isna(cell))


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError('tables need pandas: pip install "resolutions[pandas]"') from exc
    return pandas
