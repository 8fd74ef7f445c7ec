"""parse_files: many files, in order, in worker processes; bad files become error results."""

from __future__ import annotations

import doctest
import io
import os
import shutil
from pathlib import Path
from typing import Any

import attrs
import pytest

import resolutions
from resolutions import batch as batch_module
from resolutions.batch import Options, Result, parse_files
from resolutions.collection import Collection
from resolutions.errors import ResolutionsError
from resolutions.paths import Input
from tests.conftest import EXAMPLES, ROOT, SEEDS


@pytest.fixture
def mixed(tmp_path: Path) -> tuple[Path, Path]:
    """A folder with good text, Markdown and PDF files and four bad ones; and an empty folder."""
    folder = tmp_path / "corpus"
    (folder / "nested" / ".hidden").mkdir(parents=True)
    shutil.copy(SEEDS[0], folder / "a_good.txt")
    shutil.copy(SEEDS[2], folder / "nested" / "b_good.md")
    (folder / "nested" / ".hidden" / "skipped.txt").write_text("The General Assembly,\n", encoding="utf-8")
    (folder / "c_corrupt.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <</Type /Catalog>> garbage\n")
    (folder / "d_undecodable.txt").write_bytes(b"The General Assembly,\n\n1. Decides \x81\x82\xfe.\n")
    (folder / "e_empty.txt").write_bytes(b"")
    (folder / "f_blank.md").write_text("  \n\n", encoding="utf-8")
    (folder / "notes.json").write_text("{}", encoding="utf-8")  # not a document suffix: left out
    empty = tmp_path / "empty_folder"
    empty.mkdir()
    return folder, empty


def _outcomes(results: list[Result]) -> list[tuple[str, str]]:
    return [(Path(r.file).name, r.error.kind if r.error else "ok") for r in results]


def test_a_folder_gives_every_document_in_order_and_each_bad_file_an_error(mixed: tuple[Path, Path]) -> None:
    folder, empty = mixed
    results = list(parse_files([folder, empty, folder / "missing.txt"], workers=2))
    assert _outcomes(results) == [
        ("a_good.txt", "ok"),
        ("c_corrupt.pdf", "pdf"),
        ("d_undecodable.txt", "encoding"),
        ("e_empty.txt", "empty"),
        ("f_blank.md", "empty"),
        ("b_good.md", "ok"),
        ("empty_folder", "no-match"),
        ("missing.txt", "not-found"),
    ]
    assert results[0].document == resolutions.parse_file(SEEDS[0])
    assert results[5].document == resolutions.parse_file(SEEDS[2])
    assert results[5].file == str(folder / "nested" / "b_good.md")
    for result in results:
        assert result.ok == (result.error is None)
        if result.error is not None:
            assert result.error.message
    assert "d_undecodable.txt" in results[2].error.message  # type: ignore[union-attr]


def test_one_worker_and_two_give_the_same_results() -> None:
    one = list(parse_files(SEEDS, workers=1))
    two = list(parse_files(SEEDS, workers=2))
    assert one == two
    assert [r.file for r in two] == [str(p) for p in SEEDS]
    assert [r.document for r in two] == [resolutions.parse_file(p) for p in SEEDS]


def test_a_pdf_among_text_files(tmp_path: Path) -> None:
    pytest.importorskip("pdfminer")
    pytest.importorskip("fpdf")
    from tests.test_pdf import un_document

    pdf = un_document(tmp_path / "resolution.pdf")
    results = list(parse_files([SEEDS[1], pdf, SEEDS[4]], workers=2))
    assert [r.ok for r in results] == [True, True, True]
    assert results[1].document == resolutions.parse_file(pdf)
    assert results[1].document is not None and results[1].document.header.symbol == "A/RES/99/1"


def test_glob_patterns_and_a_pattern_that_matches_nothing(tmp_path: Path) -> None:
    results = list(parse_files([str(EXAMPLES / "00[13]_*.txt"), str(tmp_path / "*.nothing")], workers=1))
    assert [Path(r.file).name for r in results] == [SEEDS[1].name, SEEDS[3].name, "*.nothing"]
    assert results[2].error is not None and results[2].error.kind == "no-match"


def test_on_error_raise_stops_with_the_files_own_error(mixed: tuple[Path, Path]) -> None:
    folder, _ = mixed
    seen = []
    with pytest.raises(ResolutionsError, match=r"c_corrupt\.pdf"):
        for result in parse_files(folder, workers=2, on_error="raise"):
            seen.append(result)
    assert [Path(r.file).name for r in seen] == ["a_good.txt"]
    with pytest.raises(ResolutionsError, match="holds no text"):
        list(parse_files(folder / "e_empty.txt", on_error="raise"))


def test_a_special_file_is_refused_not_waited_on(tmp_path: Path) -> None:
    if not hasattr(__import__("os"), "mkfifo"):
        pytest.skip("no FIFOs here")
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # no writer: opening it would block for ever
    [result] = parse_files(fifo, workers=1)
    assert result.error is not None and result.error.kind == "not-a-file"
    assert "'-'" in result.error.message


def test_standard_input_is_read_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    data = SEEDS[2].read_bytes()
    assert len(data) > 4096  # more than one buffer: nothing may be lost at the start
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    [result] = parse_files("-", workers=2)
    assert result.file == "-"
    assert result.document is not None and result.document.to_source().encode("utf-8") == data


def test_results_stream_a_few_files_ahead_not_the_whole_corpus(tmp_path: Path) -> None:
    from resolutions.workers import AHEAD, CHUNK

    text = SEEDS[4].read_text(encoding="utf-8")
    # Until the first result is taken, at most AHEAD groups per worker are sent: the files past
    # them cannot be read yet. (Forty files ahead, fewer than that bound, made the test depend
    # on how fast the workers ran.)
    ahead = 2 * AHEAD * CHUNK
    paths = [tmp_path / f"{n:03}.txt" for n in range(ahead + 40)]
    for path in paths[:ahead]:
        path.write_text(text, encoding="utf-8")
    results = parse_files(paths, workers=2)
    assert next(results).ok
    for path in paths[ahead:]:  # written only now: they cannot have been read before the first result
        path.write_text(text, encoding="utf-8")
    rest = list(results)
    assert len(rest) == len(paths) - 1 and all(r.ok for r in rest)


def _split_on_form_feeds(text: str, **options: object) -> Collection:
    """A stand-in for the splitter of parse_all: one document per form-feed-separated part."""
    parts = text.split("\f")
    offsets, start = [], 0
    for part in parts:
        offsets.append(start)
        start += len(part) + 1
    documents = [resolutions.parse(part + ("\f" if i < len(parts) - 1 else "")) for i, part in enumerate(parts)]
    return Collection(tuple(documents), offsets=tuple(offsets), source=text)


def test_a_file_holding_several_documents_gives_one_result_each(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batch_module, "parse_all", _split_on_form_feeds)
    first = "The General Assembly,\n\n1. Decides one.\n"
    second = "The Security Council,\n\n1. Decides two.\n\n2. Decides three.\n"
    path = tmp_path / "volume.txt"
    path.write_text(first + "\f" + second, encoding="utf-8")
    results = list(parse_files(path, workers=1))
    assert [(r.position, r.offset, r.line) for r in results] == [(0, 0, 1), (1, len(first) + 1, 4)]
    assert [r.document.header.organ for r in results if r.document] == ["General Assembly", "Security Council"]


def read_or_die(item: Input, options: Options) -> list[Result]:
    """A job whose worker dies on files named "crash*", as one killed for memory would."""
    if Path(item.name).name.startswith("crash") and item.problem is None:
        os._exit(9)
    return batch_module.read_input(item, options)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the test job reaches the workers by forking")
def test_a_worker_that_dies_costs_its_file_only(tmp_path: Path) -> None:
    names = [f"{n:02}.txt" for n in range(10)]
    names[3] = "crash_a.txt"
    names[8] = "crash_b.txt"
    for name in names:
        shutil.copy(SEEDS[4], tmp_path / name)
    batch = parse_files([tmp_path / name for name in names], workers=2)
    results = [result for results in batch.map(read_or_die) for result in results]
    assert [Path(r.file).name for r in results] == names
    assert [r.error.kind if r.error else "ok" for r in results] == [
        "crashed" if name.startswith("crash") else "ok" for name in names
    ]
    assert all(r.document == resolutions.parse_file(SEEDS[4]) for r in results if r.ok)


@pytest.mark.parametrize("broken_at", [1, 3])
def test_a_pool_found_broken_when_a_group_is_sent_is_started_again(
    monkeypatch: pytest.MonkeyPatch, broken_at: int
) -> None:
    """A worker may die between two results: the pool is then broken when the next group is sent.

    (CI met it: the send raised BrokenProcessPool out of the batch.) At the first send, nothing is
    pending and the pool is started again; later, the pending groups' futures tell what was lost.
    """
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    from resolutions import workers

    class Pool:
        sent = 0
        restarts = 0

        def __init__(self, count: int, body: object) -> None:
            self.broken = False

        def submit(self, function: Any, *args: Any) -> Future[Any]:
            Pool.sent += 1
            if Pool.sent == broken_at:
                raise BrokenProcessPool("a child process terminated abruptly")
            future: Future[Any] = Future()
            future.set_result(function(*args))
            return future

        def restart(self) -> None:
            Pool.restarts += 1

        def shutdown(self, *, wait: bool) -> None:
            pass

    monkeypatch.setattr(workers, "_Pool", Pool)
    inputs = [Input(f"{i}.txt") for i in range(60)]
    done = list(workers.execute(inputs, _name_of, None, 2, body=None))
    assert done == [item.name for item in inputs]
    assert Pool.restarts == (1 if broken_at == 1 else 0)


def _name_of(item: Input, options: object) -> str:
    return item.name


def test_files_go_to_the_workers_in_order_in_groups_smaller_towards_the_end() -> None:
    """The last groups are small, so that no worker is left alone with a whole group at the end."""
    from resolutions.workers import CHUNK, chunked

    inputs = [Input(f"{i}.txt") for i in range(318)]
    groups = chunked(inputs, 2)
    assert [item for group in groups for item in group] == inputs
    assert max(len(g) for g in groups) == CHUNK
    assert [len(g) for g in groups][-3:] == [1, 1, 1]
    assert chunked([], 2) == []


def test_arguments_are_checked() -> None:
    with pytest.raises(ValueError, match="on_error"):
        parse_files(SEEDS, on_error="ignore")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="workers"):
        list(parse_files(SEEDS, workers=0))
    batch = parse_files(SEEDS, workers=1)
    next(batch)
    with pytest.raises(RuntimeError, match="read already"):
        batch.map(batch_module.read_input)


def test_results_are_plain_values() -> None:
    [result] = parse_files(SEEDS[4], workers=1)
    assert attrs.evolve(result) == result
    assert "document" not in repr(result.error)


def test_the_docstring_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the examples name files under examples/
    from resolutions import parquet, tabular

    for module in (batch_module, tabular, parquet):
        if module is parquet:
            pytest.importorskip("pyarrow")
        failed, attempted = doctest.testmod(module, raise_on_error=False)
        assert attempted and not failed, module.__name__


def test_a_worker_is_started_for_every_eight_files_up_to_the_number_asked() -> None:
    count = batch_module._worker_count
    assert batch_module.FILES_PER_WORKER == 8
    assert [count(4, files) for files in (0, 1, 8, 9, 16, 17, 24, 25, 1000)] == [1, 1, 1, 2, 2, 3, 3, 4, 4]
    assert count(1, 1000) == 1
    with pytest.raises(ValueError, match="workers must be 1 or more"):
        count(0, 10)
