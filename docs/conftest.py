"""The pages' examples run as doctests (pytest --doctest-glob=*.md), from the project folder."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path

import pytest

#: The site's griffe extension needs the docs extra; without it, its doctest is not collected.
collect_ignore = [] if importlib.util.find_spec("griffe") else ["roles.py"]


@pytest.fixture(autouse=True)
def _in_project_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(Path(__file__).resolve().parents[1])


@pytest.fixture(autouse=True)
def _grammar_registry() -> Iterator[None]:
    """Forget the bodies a page registers, so that no other page or test sees them."""
    from resolutions import grammar

    saved = dict(grammar._REGISTRY)
    yield
    grammar._REGISTRY.clear()
    grammar._REGISTRY.update(saved)
