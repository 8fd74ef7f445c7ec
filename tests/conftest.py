"""Shared fixtures: the seeds in examples/, and the shared corpora when they are present."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SEEDS = sorted(EXAMPLES.glob("0*.txt"))
#: Short samples of styles the seeds and the corpus do not show (see tests/styles/README.md).
STYLES = sorted(p for p in (ROOT / "tests" / "styles").iterdir() if p.name != "README.md")
#: The shared folder beside the checkout (corpus, bulk, gold); absent in a user's clone.
SHARED = Path(os.environ.get("RESOLUTIONS_SHARED", ROOT.parent / "shared"))

settings.register_profile("ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/*.json from the parser")


@pytest.fixture(autouse=True)
def _grammar_registry() -> Iterator[None]:
    """Forget the bodies a test registers, so no test sees another's grammars."""
    from resolutions import grammar

    saved = dict(grammar._REGISTRY)
    yield
    grammar._REGISTRY.clear()
    grammar._REGISTRY.update(saved)


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def shared(*parts: str) -> Path:
    """Return a path under ../shared, skipping the test when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not here (the shared corpora live beside the project checkout)")
    return path


def corpus_texts() -> list[Path]:
    """Every .txt and .md file of the shared development corpus that holds one document."""
    return [path for path in _corpus_files() if not _is_collection(path)]


def corpus_collections() -> list[Path]:
    """The files of the shared development corpus that hold several documents (see parse_all)."""
    return [path for path in _corpus_files() if _is_collection(path)]


def _corpus_files() -> list[Path]:
    folder = SHARED / "corpus"
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*/*") if p.suffix in (".txt", ".md") and p.name != "README.md")


def _is_collection(path: Path) -> bool:
    """Tell a file its gold annotation marks as a collection of documents."""
    gold = path.parent / "gold.json"
    return gold.is_file() and json.loads(gold.read_text(encoding="utf-8")).get("collection") is True


def bulk_texts() -> list[Path]:
    folder = SHARED / "bulk" / "unsc"
    return sorted(folder.glob("*.txt")) if folder.is_dir() else []
