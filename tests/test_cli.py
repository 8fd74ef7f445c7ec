"""The command line and the examples a newcomer runs first."""

from __future__ import annotations

import json
import os
import runpy
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import resolutions
from resolutions import cli
from resolutions.cli import main
from resolutions.schema import TABLES
from tests.conftest import EXAMPLES, ROOT, SEEDS


def test_outline_of_a_seed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(EXAMPLES / "002_5927ce86d9264869.txt")]) == 0
    out = capsys.readouterr().out
    assert "organ              Economic and Social Council" in out
    assert "OP    1. Are fully aware (italic)" in out
    assert "duplicate-number" in out


def test_source_output_is_the_file(capsys: pytest.CaptureFixture[str]) -> None:
    path = EXAMPLES / "004_b3be5a33b20825bd.txt"
    assert main([str(path), "--to", "source"]) == 0
    assert capsys.readouterr().out == path.read_text(encoding="utf-8")


def test_errors_go_to_stderr_with_status_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(EXAMPLES / "missing.txt")]) == 1
    assert "cannot read" in capsys.readouterr().err


def test_python_dash_m() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "resolutions", str(EXAMPLES / "000_0d417f45fc5c217a.txt")],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    assert "Tehran International Conference" in done.stdout


@pytest.mark.parametrize("script", ["quickstart.py", "add_a_body/parse_ipu.py"])
def test_examples_run(script: str, capsys: pytest.CaptureFixture[str]) -> None:
    runpy.run_path(str(EXAMPLES / script), run_name="__main__")
    assert capsys.readouterr().out


# ---------------------------------------------------------------------------------- many files


def _run(
    *args: str, stdin: bytes | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "resolutions", *args], input=stdin, capture_output=True, cwd=ROOT, env=env
    )


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, folder / seed.name)
    return folder


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"resolutions {resolutions.__version__}"


def test_formats_are_matched_whatever_their_case(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(SEEDS[4]), "--to", "JSON"]) == 0
    assert json.loads(capsys.readouterr().out)["type"] == "Document"


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(SEEDS[4]), "--to", "pdf"]) == 2
    assert "invalid choice" in capsys.readouterr().err
    assert main(["parse", str(SEEDS[4]), "-j", "0"]) == 2


def test_an_empty_file_is_an_error_not_success(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main([str(empty)]) == 1
    assert "empty" in capsys.readouterr().err


def test_hints_name_the_command_lines_flags(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("The General Assembly,\n\n1. D\xe9cide.\n".encode("latin-1"))
    assert main([str(latin)]) == 1
    err = capsys.readouterr().err
    assert "--encoding" in err and "encoding=" not in err
    assert main([str(latin), "--encoding", "latin-1", "--to", "source"]) == 0
    assert capsys.readouterr().out == latin.read_bytes().decode("latin-1")


def test_several_files_to_stdout_in_order(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", *map(str, SEEDS), "--to", "source", "-j", "2"]) == 0
    assert capsys.readouterr().out == "".join(p.read_text(encoding="utf-8") for p in SEEDS)


def test_parse_to_a_folder_mirrors_the_inputs(corpus: Path, tmp_path: Path) -> None:
    (corpus / "sub").mkdir()
    shutil.copy(SEEDS[0], corpus / "sub" / "again.txt")
    out = tmp_path / "out"
    assert main(["parse", str(corpus), "--to", "json", "-o", str(out), "-q"]) == 0
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert written == sorted([f"{p.name}.json" for p in SEEDS] + ["sub/again.txt.json"])
    assert resolutions.from_json((out / "sub" / "again.txt.json").read_text(encoding="utf-8")) == (
        resolutions.parse_file(SEEDS[0])
    )


def test_two_inputs_that_would_write_the_same_output_are_refused(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(SEEDS[0], tmp_path / folder / "same.txt")
    args = ["parse", str(tmp_path / "a" / "same.txt"), str(tmp_path / "b" / "same.txt"), "-o", str(tmp_path / "o")]
    assert main(args) == 2
    assert not (tmp_path / "o").exists()


def test_names_that_give_no_file_are_errors_not_outputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    args = ["parse", str(tmp_path / "*.none"), str(tmp_path / "*.nothing"), str(SEEDS[4]), "-o", str(out)]
    assert main(args) == 1
    assert capsys.readouterr().err.count("no-match") == 2
    assert [p.name for p in out.iterdir()] == [f"{SEEDS[4].name}.outline.txt"]
    assert main(["parse", str(SEEDS[4]), "--resume"]) == 2  # nothing to resume without -o


def test_an_interrupted_run_resumes_where_it_stopped(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    args = ["parse", str(corpus), "--to", "markdown", "-o", str(out), "-q", "-j", "1"]
    real = cli._write_outputs
    calls = []

    def interrupted(target: object, texts: list[str]) -> None:
        if len(calls) == 2:
            raise KeyboardInterrupt
        calls.append(target)
        real(target, texts)  # type: ignore[arg-type]

    monkeypatch.setattr(cli, "_write_outputs", interrupted)
    assert main(args) == 130
    monkeypatch.setattr(cli, "_write_outputs", real)
    first = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    assert len(first) == 2 and not any(name.endswith(".partial") for name in first)

    assert main([*args, "--resume"]) == 0
    after = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    assert {name: after[name] for name in first} == first  # done before: not written again
    assert sorted(after) == sorted(f"{p.name}.md" for p in SEEDS)
    fresh = tmp_path / "fresh"
    assert main(["parse", str(corpus), "--to", "markdown", "-o", str(fresh), "-q"]) == 0
    for path in fresh.iterdir():
        assert (out / path.name).read_bytes() == path.read_bytes()


def test_resume_redoes_an_input_changed_since_its_output(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["parse", str(corpus), "--to", "text", "-o", str(out), "-q", "--resume"]
    assert main(args) == 0
    changed = corpus / SEEDS[1].name
    output = out / f"{SEEDS[1].name}.txt"
    os.utime(changed, ns=(output.stat().st_mtime_ns + 10**9,) * 2)
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    os.utime(output, ns=(before[output.name] - 10**9,) * 2)  # older than its input
    assert main(args) == 0
    assert output.stat().st_mtime_ns > before[output.name] - 10**9
    others = {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p != output}
    assert others == {name: t for name, t in before.items() if name != output.name}


def test_a_bad_file_among_good_ones(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (corpus / "zz_empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    assert main(["parse", str(corpus), "-o", str(out), "-q"]) == 1
    assert "zz_empty.txt" in capsys.readouterr().err
    assert len(list(out.iterdir())) == len(SEEDS)


def test_table_writes_the_five_tables(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("pyarrow")
    pytest.importorskip("pandas")
    out = tmp_path / "tables"
    assert main(["table", str(corpus), "-o", str(out), "-j", "2"]) == 0
    assert sorted(p.name for p in out.iterdir()) == [f"{name}.parquet" for name in sorted(TABLES)]
    assert len(resolutions.read_parquet(out).documents) == len(SEEDS)
    stamp = (out / "documents.parquet").stat().st_mtime_ns
    assert main(["table", str(corpus), "-o", str(out), "--resume"]) == 0
    assert "up to date" in capsys.readouterr().err
    assert (out / "documents.parquet").stat().st_mtime_ns == stamp
    (corpus / "zz_empty.txt").write_bytes(b"")
    assert main(["table", str(corpus), "-o", str(out), "--resume", "-q"]) == 1
    assert "zz_empty.txt" in capsys.readouterr().err
    assert resolutions.read_parquet(out).errors["kind"].tolist() == ["empty"]


def test_check_reports_problems_and_exits_1_on_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text("The General Assembly,\n\n1. Decides to remain seized of the matter.\n", encoding="utf-8")
    assert main(["check", str(clean)]) == 0
    assert "ok" in capsys.readouterr().out
    doubled = tmp_path / "doubled.txt"
    doubled.write_text("The General Assembly,\n\n1. Decides one.\n\n1. Decides two.\n", encoding="utf-8")
    assert main(["check", str(clean), str(doubled), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert [entry["file"] for entry in report] == [str(clean), str(doubled)]
    assert report[0]["problems"] == []
    codes = {p["code"]: p for p in report[1]["problems"]}
    assert codes["duplicate-number"]["severity"] == "error" and codes["duplicate-number"]["line"] == 5


def test_check_notices_what_no_parser_rule_does(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("Some narrative text about nothing in particular.\n", encoding="utf-8")
    assert main(["check", str(plain), "--json"]) == 0  # warnings only
    codes = [p["code"] for p in json.loads(capsys.readouterr().out)[0]["problems"]]
    assert "no-formula" in codes and "no-operative" in codes


def test_dash_reads_standard_input_whole() -> None:
    data = SEEDS[2].read_bytes()
    done = _run("-", "--to", "source", stdin=data)
    assert done.returncode == 0, done.stderr
    assert done.stdout == data


def test_a_closed_stdout_ends_quietly_with_141() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "resolutions", "parse", *map(str, SEEDS * 4), "--to", "json", "-q"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(100)
    process.stdout.close()  # as `| head -c 100` does
    err = process.stderr.read()
    assert process.wait(timeout=60) == 141
    assert b"Traceback" not in err and b"Exception ignored" not in err


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
def test_a_full_disk_is_an_output_error_with_3() -> None:
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "resolutions", str(SEEDS[2])], stdout=full, stderr=subprocess.PIPE, cwd=ROOT
        )
    assert done.returncode == 3
    assert b"No space left" in done.stderr and b"Traceback" not in done.stderr


def test_no_progress_bar_when_output_is_not_a_terminal(corpus: Path) -> None:
    done = _run("check", str(corpus))
    assert b"file/s" not in done.stderr and b"%|" not in done.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process is a POSIX affair")
def test_ctrl_c_stops_the_workers_quietly_with_130(tmp_path: Path) -> None:
    import signal
    import time

    corpus = tmp_path / "many"
    corpus.mkdir()
    text = SEEDS[2].read_text(encoding="utf-8")
    for number in range(300):
        (corpus / f"{number:03}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "resolutions", "parse", str(corpus), "--to", "json", "-o", str(out), "-j", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        start_new_session=True,  # its own process group, as a terminal's job is
    )
    deadline = time.monotonic() + 60
    while not (out.is_dir() and any(out.iterdir())) and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.01)
    os.killpg(process.pid, signal.SIGINT)  # Ctrl-C reaches the whole group: the workers too
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert b"Traceback" not in err
    assert not list(out.glob("*.partial"))
    done = subprocess.run(
        [sys.executable, "-m", "resolutions", "parse", str(corpus), "--to", "json", "-o", str(out), "--resume", "-q"],
        capture_output=True,
        cwd=ROOT,
    )
    assert done.returncode == 0 and len(list(out.iterdir())) == 300
