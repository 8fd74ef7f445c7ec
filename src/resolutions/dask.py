"""Beyond one machine: the tables of a collection as Dask DataFrames (the ``dask`` extra).

:func:`tables` is :func:`resolutions.tables` for Dask: the paths become a ``dask.bag`` of files,
one partition per group of files; each partition is read and parsed where it runs and gives the
rows of the six tables, with the same schema and dtypes as :func:`resolutions.tables`. Nothing
is read until the tables are computed, so the same code runs on a laptop (Dask's local
scheduler) and on a ``dask.distributed`` cluster: only the ``Client`` changes.

Every worker needs ``resolutions`` installed and the files at the same paths (a shared file
system, or paths on object storage mounted alike).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

import attrs

from resolutions.batch import Options
from resolutions.grammar import Grammar
from resolutions.paths import Input, expand
from resolutions.schema import TABLES, Rows, empty_rows

try:
    import dask
    import dask.bag
    import dask.dataframe
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError('resolutions.dask needs Dask: pip install "resolutions[dask]"') from exc

__all__ = ["Tables", "tables"]


@attrs.frozen
class Tables:
    """The six tables of a collection as Dask DataFrames (columns as in :class:`resolutions.Tables`).

    Computing several tables at once (``dask.compute(t.documents, t.paragraphs)``) reads each
    file once; computing them one by one reads the files again for each.
    """

    documents: Any
    paragraphs: Any
    footnotes: Any
    citations: Any
    diagnostics: Any
    errors: Any


def tables(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    files_per_partition: int = 16,
    body: str | Grammar | None = None,
    encoding: str = "utf-8",
    strict: bool = False,
) -> Tables:
    """Return the tables of the documents in ``paths`` as Dask DataFrames, computed lazily.

    Args:
        paths: Files, folders and glob patterns, as for :func:`resolutions.parse_files` (found
            now, on this machine; read later, where the partitions run).
        files_per_partition: Files per partition: a partition's rows are made by one task.
        body: The body whose grammar to use.
        encoding: The text files' encoding.
        strict: Treat a document's first problem as an error.

    Returns:
        The tables. ``.compute()`` gives the same rows as :func:`resolutions.tables` (with an
        index that restarts in each partition).
    """
    if files_per_partition < 1:
        raise ValueError(f"files_per_partition must be 1 or more, not {files_per_partition}")
    inputs = expand(paths)
    options = Options(body, encoding, strict)
    bag = dask.bag.from_sequence(inputs, partition_size=files_per_partition)  # type: ignore[no-untyped-call]
    parts = bag.map_partitions(_partition_rows, options).to_delayed()
    frames = {}
    with dask.config.set({"dataframe.convert-string": False}):  # keep the schema's dtypes, as tables() does
        for name in TABLES:
            pieces = [dask.delayed(_frame)(part, name) for part in parts]  # type: ignore[attr-defined]
            frames[name] = dask.dataframe.from_delayed(pieces, meta=_frame([empty_rows()], name), verify_meta=False)
    return Tables(**frames)


def _partition_rows(inputs: Iterable[Input], options: Options) -> list[Rows]:
    """Read and parse a partition's files: the rows of every table, as one item."""
    from resolutions.tabular import file_rows

    rows = empty_rows()
    for item in inputs:
        for name, table_rows in file_rows(item, options)[0].items():
            rows[name].extend(table_rows)
    return [rows]


def _frame(part: list[Rows], name: str) -> Any:
    from resolutions.tabular import frame

    return frame(name, [row for rows in part for row in rows[name]])
