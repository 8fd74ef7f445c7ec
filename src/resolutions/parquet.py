"""A collection as Parquet files, written as results stream in (the ``parquet`` extra: pyarrow).

Each table goes to its own file, ``<folder>/<table>.parquet``, with the Arrow schema fixed before
the first row (docs/tables.md): a column's type never depends on the data, so ``parent`` is an
``int64`` column with nulls, never ``double``, and an empty table has the same columns as a full
one. Rows are written in row groups as they come, so memory stays flat however large the
collection. Files are written under a temporary name and renamed when complete: a run that is
interrupted leaves no truncated table behind.
"""

from __future__ import annotations

import importlib.util
import itertools
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from resolutions.schema import SCHEMA_VERSION, TABLES, Column, Rows, empty_rows

if TYPE_CHECKING:
    from resolutions.batch import Result
    from resolutions.tabular import Tables

#: Paragraph rows gathered before a row group is written (other tables flush with it).
ROW_GROUP_ROWS = 20_000


def arrow_schema(name: str) -> Any:
    """Return the ``pyarrow.Schema`` of a table."""
    pa = _pyarrow()
    fields = [pa.field(c.name, _arrow_type(pa, c), nullable=c.nullable) for c in TABLES[name]]
    metadata = {"resolutions.table": name, "resolutions.schema_version": str(SCHEMA_VERSION)}
    return pa.schema(fields, metadata=metadata)


def write_parquet(results: Iterable[Result], folder: str | os.PathLike[str]) -> dict[str, Path]:
    """Write the tables of a collection to ``folder`` as Parquet files, one per table.

    Args:
        results: Results of :func:`resolutions.parse_files` (given as it comes, its rows are
            made in the worker processes).
        folder: The folder to write ``documents.parquet``, ``paragraphs.parquet``,
            ``footnotes.parquet``, ``citations.parquet``, ``diagnostics.parquet`` and ``errors.parquet`` in (made
            when missing; files already there are replaced).

    Returns:
        The path of each table's file.

    Raises:
        ImportError: When pyarrow is not installed (``pip install "resolutions[parquet]"``).

    Example:
        >>> import tempfile, resolutions
        >>> folder = tempfile.mkdtemp()
        >>> written = resolutions.write_parquet(resolutions.parse_files("examples/00[24]*.txt", workers=1), folder)
        >>> sorted(written)
        ['citations', 'diagnostics', 'documents', 'errors', 'footnotes', 'paragraphs']
        >>> resolutions.read_parquet(folder).documents["organ"].tolist()
        ['Economic and Social Council', 'Islamic Republic of Iran']
    """
    from resolutions.tabular import iter_rows

    if importlib.util.find_spec("pyarrow") is None:  # fail before any work; import it later
        _pyarrow()
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    paths = {name: target / f"{name}.parquet" for name in TABLES}
    partial = {name: path.with_name(path.name + ".partial") for name, path in paths.items()}
    # The workers start (fork) with the first rows, before pyarrow.parquet is loaded here: they
    # are then smaller copies of this process.
    stream = iter_rows(results)
    first = next(stream, None)
    pq = _parquet()
    writers = {name: pq.ParquetWriter(partial[name], arrow_schema(name)) for name in TABLES}
    try:
        pending = empty_rows()
        for rows in itertools.chain([first] if first is not None else [], stream):
            for name, table_rows in rows.items():
                pending[name].extend(table_rows)
            if len(pending["paragraphs"]) >= ROW_GROUP_ROWS:
                _flush(writers, pending)
                pending = empty_rows()
        _flush(writers, pending)
    except BaseException:
        for writer in writers.values():
            writer.close()
        for path in partial.values():
            path.unlink(missing_ok=True)
        raise
    for name, writer in writers.items():
        writer.close()
        os.replace(partial[name], paths[name])
    return paths


def read_parquet(folder: str | os.PathLike[str]) -> Tables:
    """Read the tables :func:`write_parquet` wrote, with the same dtypes as :func:`resolutions.tables`."""
    from resolutions.tabular import Tables, conform

    pq = _parquet()
    frames = {name: conform(name, pq.read_table(Path(folder) / f"{name}.parquet").to_pandas()) for name in TABLES}
    return Tables(**frames)


def _flush(writers: dict[str, Any], pending: Rows) -> None:
    pa = _pyarrow()
    for name, rows in pending.items():
        if not rows:
            continue
        columns = TABLES[name]
        schema = writers[name].schema
        cells = zip(*rows, strict=True)
        arrays = [pa.array(list(next(cells)), type=schema.field(c.name).type) for c in columns]
        writers[name].write_table(pa.Table.from_arrays(arrays, schema=schema))


def _arrow_type(pa: Any, column: Column) -> Any:
    return {
        "string": pa.string(),
        "int": pa.int64(),
        "date": pa.date32(),
    }[column.type]


def _pyarrow() -> Any:
    try:
        import pyarrow
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError('Parquet needs pyarrow: pip install "resolutions[parquet]"') from exc
    return pyarrow


def _parquet() -> Any:
    _pyarrow()
    import pyarrow.parquet

    return pyarrow.parquet
