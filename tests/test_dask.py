"""resolutions.dask: the same tables as resolutions.tables(), row for row, on a cluster of processes."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

import resolutions
from resolutions.schema import TABLES
from tests.conftest import SEEDS

dask = pytest.importorskip("dask")
pytest.importorskip("dask.dataframe")
pandas = pytest.importorskip("pandas")
resolutions_dask = pytest.importorskip("resolutions.dask")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for seed in SEEDS:
        shutil.copy(seed, folder / seed.name)
    (folder / "x_empty.txt").write_bytes(b"")
    (folder / "x_undecodable.txt").write_bytes(b"The Security Council,\n\n1. Decides \xff.\n")
    return folder


def _same_rows(computed: dict[str, Any], local: resolutions.Tables) -> None:
    for name in TABLES:
        expected = getattr(local, name)
        assert len(expected) or name in ("errors", "diagnostics")
        pandas.testing.assert_frame_equal(computed[name].reset_index(drop=True), expected, obj=name)


def test_the_local_scheduler_gives_the_rows_of_tables(corpus: Path) -> None:
    lazy = resolutions_dask.tables(corpus, files_per_partition=2)
    assert lazy.paragraphs.npartitions == 4
    computed = dict(zip(TABLES, dask.compute(*(getattr(lazy, name) for name in TABLES)), strict=True))
    _same_rows(computed, resolutions.tables(resolutions.parse_files(corpus, workers=1)))
    assert list(lazy.documents.columns) == list(computed["documents"].columns)


def test_a_cluster_of_two_worker_processes_gives_the_rows_of_tables(corpus: Path) -> None:
    distributed = pytest.importorskip("distributed")
    try:
        cluster = distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=50
        )
    except Exception as exc:  # no sockets or no processes in this sandbox: not our code's fault
        pytest.skip(f"a local Dask cluster cannot start here: {exc!r}")
    with cluster, distributed.Client(cluster) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        lazy = resolutions_dask.tables(corpus, files_per_partition=2)
        computed = dict(zip(TABLES, client.compute([getattr(lazy, n) for n in TABLES], sync=True), strict=True))
    _same_rows(computed, resolutions.tables(resolutions.parse_files(corpus, workers=1)))


def test_to_parquet_runs_from_the_lazy_tables(corpus: Path, tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    lazy = resolutions_dask.tables(corpus, files_per_partition=3)
    lazy.paragraphs.to_parquet(tmp_path / "paragraphs")
    back = pandas.read_parquet(tmp_path / "paragraphs")
    expected = resolutions.tables(resolutions.parse_files(corpus, workers=1)).paragraphs
    assert back["text"].tolist() == expected["text"].tolist()
    assert back["section"].tolist() == expected["section"].tolist()
    assert str(back["parent"].dtype) == "Int64"


def test_partitions_must_hold_a_file() -> None:
    with pytest.raises(ValueError, match="files_per_partition"):
        resolutions_dask.tables(SEEDS, files_per_partition=0)
