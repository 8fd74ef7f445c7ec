"""The library against the gold annotations, through the shared scoring tool (when present)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT, shared


def score(*args: str) -> subprocess.CompletedProcess[str]:
    tool = shared("tools", "score.py")
    return subprocess.run([sys.executable, str(tool), *args], capture_output=True, text=True, cwd=ROOT, check=False)


def test_every_check_of_every_seed_is_right() -> None:
    done = score(str(shared("seeds", "gold")), "--min", "1.0")
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("variant", ["as-is", "layout"])
def test_development_corpus(variant: str) -> None:
    done = score(str(shared("corpus")), "--variant", variant, "--min", "0.90")
    assert done.returncode == 0, done.stdout + done.stderr
