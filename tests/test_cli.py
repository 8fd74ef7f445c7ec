"""The command line and the examples a newcomer runs first."""

from __future__ import annotations

import runpy
import subprocess
import sys

import pytest

from resolutions.cli import main
from tests.conftest import EXAMPLES, ROOT


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
