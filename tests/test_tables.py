"""tables() and write_parquet(): one schema whatever the data, rows that match the documents."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path
from typing import Any

import pytest

import resolutions
from resolutions.batch import parse_files
from resolutions.schema import SCHEMA_VERSION, TABLES
from tests.conftest import SEEDS, bulk_texts

pandas = pytest.importorskip("pandas")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Seeds and a few bad files: every table has rows, errors included."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, corpus / seed.name)
    (corpus / "z_empty.txt").write_bytes(b"")
    (corpus / "z_latin1.txt").write_bytes("The General Assembly,\n\n1. D\xe9cide.\n".encode("latin-1"))
    return corpus


def _dtypes(frame: Any) -> dict[str, str]:
    return {name: str(dtype) for name, dtype in frame.dtypes.items()}


def test_every_table_has_the_schemas_columns_and_dtypes_whatever_the_data(folder: Path, tmp_path: Path) -> None:
    full = resolutions.tables(parse_files(folder, workers=2))
    nothing = resolutions.tables(parse_files(tmp_path / "no-such-file.txt", workers=1))
    for name, columns in TABLES.items():
        assert list(getattr(full, name).columns) == [c.name for c in columns]
        assert _dtypes(getattr(full, name)) == _dtypes(getattr(nothing, name)), name
    assert len(nothing.documents) == 0 and len(nothing.errors) == 1
    assert str(full.paragraphs["parent"].dtype) == "Int64"  # an integer with nulls, never float
    assert full.paragraphs["parent"].notna().any() and full.paragraphs["parent"].isna().any()
    assert str(full.documents["date"].dtype) == "datetime64[s]"


def test_rows_match_the_documents_they_came_from(folder: Path) -> None:
    results = list(parse_files(folder, workers=1))
    tables = resolutions.tables(results)
    documents = [r for r in results if r.document is not None]
    citing = 0
    assert list(zip(tables.documents["file"], tables.documents["position"], strict=True)) == [
        (r.file, r.position) for r in documents
    ]
    for result in documents:
        document = result.document
        assert document is not None
        rows = tables.paragraphs[tables.paragraphs["file"] == result.file]
        records = document.records()
        assert len(rows) == len(records)
        for column in ("kind", "number", "label", "verb", "text", "parent"):
            expected = [record[column] for record in records]
            assert [None if _na(v) else v for v in rows[column].tolist()] == expected, column
        assert rows["section"].tolist() == [" > ".join(record["section"]) for record in records]
        assert rows["footnotes"].str.split().tolist() == [record["footnotes"] for record in records]
        heads = [p.verb.head for p in document.paragraphs() if p.verb is not None]
        assert rows["verb_head"].dropna().tolist() == heads
        row = tables.documents[tables.documents["file"] == result.file].iloc[0]
        kinds = [p.kind for p in document.paragraphs()]
        assert (row["operative"], row["preambular"]) == (kinds.count("operative"), kinds.count("preambular"))
        assert _value(row["organ"]) == document.header.organ
        assert _value(row["date"]) == document.header.date
        notes = tables.footnotes[tables.footnotes["file"] == result.file]
        assert notes["marker"].tolist() == [f.marker for f in document.footnotes]
        diagnostics = tables.diagnostics[tables.diagnostics["file"] == result.file]
        assert diagnostics["code"].tolist() == [d.code for d in document.diagnostics]
        cited = tables.citations[tables.citations["file"] == result.file]
        expected_citations = document.citation_records()
        assert cited["number"].tolist() == [c["number"] for c in expected_citations]
        assert [None if _na(v) else int(v) for v in cited["record"]] == [c["record"] for c in expected_citations]
        assert cited["where"].tolist() == [c["where"] for c in expected_citations]
        assert rows["citations"].tolist() == ["; ".join(record["citations"]) for record in records]
        assert row["citations"] == len(expected_citations)
        citing += len(expected_citations)
    assert citing > 0  # the seeds cite: the citations table was checked on real rows
    assert sorted(zip(tables.errors["file"].map(lambda f: Path(f).name), tables.errors["kind"], strict=True)) == [
        ("z_empty.txt", "empty"),
        ("z_latin1.txt", "encoding"),
    ]


def _na(value: Any) -> bool:
    return bool(pandas.isna(value))


def _value(cell: Any) -> Any:
    if _na(cell):
        return None
    return cell.date() if isinstance(cell, pandas.Timestamp) else cell


def test_diagnostic_lines_count_from_the_start_of_the_file(folder: Path) -> None:
    tables = resolutions.tables(parse_files(folder, workers=1))
    for row in tables.diagnostics.itertuples():
        text = Path(row.file).read_text(encoding="utf-8")
        assert 1 <= row.line <= text.count("\n") + 1


def test_rows_made_in_the_workers_equal_rows_made_here(folder: Path) -> None:
    in_workers = resolutions.tables(parse_files(folder, workers=2))
    here = resolutions.tables(list(parse_files(folder, workers=1)))
    for name in TABLES:
        pandas.testing.assert_frame_equal(getattr(in_workers, name), getattr(here, name))


def test_a_files_rows_are_made_with_the_collector_paused(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The documents die before the collector runs again (tabular.file_rows): it never walks
    # them. It is enabled again after, and left as it was when something had paused it.
    import gc

    from resolutions import schema, tabular

    seen: list[bool] = []
    made = schema.result_rows

    def result_rows(*args: Any) -> schema.Rows:
        seen.append(gc.isenabled())
        return made(*args)

    monkeypatch.setattr(tabular, "result_rows", result_rows)
    assert gc.isenabled()
    tables = resolutions.tables(parse_files(folder, workers=1))
    assert seen and not any(seen) and len(seen) == len(tables.documents) + len(tables.errors)
    assert gc.isenabled()
    gc.disable()
    try:
        resolutions.tables(parse_files(folder, workers=1))
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_on_error_raise_stops_tables_too(folder: Path) -> None:
    with pytest.raises(resolutions.ResolutionsError):
        resolutions.tables(parse_files(folder, workers=2, on_error="raise"))


def test_parquet_files_have_the_fixed_schema_and_read_back_equal(folder: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    from resolutions.parquet import arrow_schema

    written = resolutions.write_parquet(parse_files(folder, workers=2), tmp_path / "out")
    assert sorted(written) == sorted(TABLES)
    for name, path in written.items():
        schema = pq.read_schema(path)
        assert schema.equals(arrow_schema(name), check_metadata=True), name
        assert schema.metadata[b"resolutions.schema_version"] == str(SCHEMA_VERSION).encode()
    assert str(pq.read_schema(written["paragraphs"]).field("parent").type) == "int64"
    back = resolutions.read_parquet(tmp_path / "out")
    expected = resolutions.tables(parse_files(folder, workers=1))
    for name in TABLES:
        pandas.testing.assert_frame_equal(getattr(back, name), getattr(expected, name))


def test_an_empty_collection_still_writes_every_table_with_its_schema(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    from resolutions.parquet import arrow_schema

    written = resolutions.write_parquet([], tmp_path / "out")
    for name, path in written.items():
        table = pq.read_table(path)
        assert table.num_rows == 0 and table.schema.equals(arrow_schema(name))


def test_row_groups_are_written_as_results_stream(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    from resolutions import parquet

    monkeypatch.setattr(parquet, "ROW_GROUP_ROWS", 50)
    written = resolutions.write_parquet(parse_files(folder, workers=1), tmp_path / "out")
    paragraphs = pq.ParquetFile(written["paragraphs"])
    assert paragraphs.metadata.num_row_groups > 1
    assert paragraphs.metadata.num_rows == len(resolutions.tables(parse_files(folder, workers=1)).paragraphs)


def test_an_interrupted_write_leaves_no_table_behind(folder: Path, tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")

    def interrupted() -> Any:
        yield from list(parse_files(folder, workers=1))[:2]
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        resolutions.write_parquet(interrupted(), tmp_path / "out")
    assert list((tmp_path / "out").iterdir()) == []


@pytest.mark.skipif(not bulk_texts(), reason="the shared bulk corpus is not here")
def test_dates_and_symbols_of_the_bulk_corpus_land_in_their_columns() -> None:
    files = bulk_texts()[:20]
    tables = resolutions.tables(parse_files(files, workers=2))
    assert len(tables.documents) == 20 and tables.errors.empty
    dates = [_value(d) for d in tables.documents["date"]]
    expected = [resolutions.parse_file(f).header.date for f in files]
    assert dates == expected
    assert all(isinstance(d, datetime.date) or d is None for d in dates)


def test_the_documented_schema_is_the_schema() -> None:
    from resolutions.tabular import dtype
    from tests.conftest import ROOT

    page = (ROOT / "docs" / "tables.md").read_text(encoding="utf-8")
    documented: dict[str, list[tuple[str, ...]]] = {}
    table = ""
    for line in page.splitlines():
        if line.startswith("## "):
            table = line[3:].strip()
        elif line.startswith("| `") and table:
            cells = [cell.strip().strip("`") for cell in line.strip("|").split("|")]
            documented.setdefault(table, []).append(tuple(cells[:5]))
    pytest.importorskip("pyarrow")
    from resolutions.parquet import arrow_schema

    expected = {
        name: [
            (c.name, c.type, "yes" if c.nullable else "no", dtype(c), str(arrow_schema(name).field(c.name).type))
            for c in columns
        ]
        for name, columns in TABLES.items()
    }
    assert documented == expected
