"""The wheel carries the grammars: build it, install it apart, and parse a seed with it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT

pytest.importorskip("hatchling")


def test_wheel_holds_grammars_and_parses(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("resolutions-*.whl"))
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)], check=True
    )
    assert (target / "resolutions" / "grammars" / "bodies" / "un" / "un.lark").is_file()
    assert (target / "resolutions" / "grammars" / "bodies" / "un" / "body.toml").is_file()
    assert (target / "resolutions" / "grammars" / "lexicon" / "operative.txt").is_file()
    script = (
        "import resolutions, resolutions.grammar as g;"
        f"assert str(g.grammar_dir()).startswith({str(target)!r}), g.grammar_dir();"
        f"print(resolutions.parse_file({str(EXAMPLES / '002_5927ce86d9264869.txt')!r}).title)"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env={"PYTHONPATH": str(target)}, check=True
    )
    assert done.stdout.startswith("Joint Ministerial Statement")
