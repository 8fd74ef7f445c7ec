"""The source is kept: ``parse(s).to_source() == s`` for every input, and no text is lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given

import resolutions
from resolutions.serialise.source import uncovered
from tests.conftest import SEEDS, SHARED, bulk_texts, corpus_texts
from tests.strategies import texts


def check_exact(text: str) -> None:
    document = resolutions.parse(text)
    assert document.to_source() == text
    assert uncovered(document) == [], "text that no node owns"
    assert "unread-line" not in {d.code for d in document.diagnostics}, "a line the grammar could not read"


@given(texts())
@example("")
@example("\n")
@example("1.")
@example("Annex")
@example("\f\f")
@example("<p>\u00a0\n")  # raised ParseError: a no-break space after block tags opened no token
@example("\r\n\r\n1. Decides\r\n")
@example("The General Assembly,\n\n(a) Resolves\n(b) Requests")
@example("___\n1\nfoo\n\f")
def test_any_text_parses_and_gives_itself_back(text: str) -> None:
    check_exact(text)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_seeds_give_themselves_back(path: Path) -> None:
    check_exact(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", corpus_texts(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_corpus_gives_itself_back(path: Path) -> None:
    check_exact(path.read_text(encoding="utf-8"))


def test_bulk_security_council_gives_itself_back() -> None:
    paths = bulk_texts()
    if not paths:
        pytest.skip("../shared/bulk/unsc is not here")
    for path in paths:
        text = path.read_text(encoding="utf-8")
        document = resolutions.parse(text)
        assert document.to_source() == text, path.name
        assert uncovered(document) == [], path.name


def _other_texts() -> list[Path]:
    """The shared texts nobody annotated, of other bodies and of the Health Assembly."""
    folders = (SHARED / "bodies", SHARED / "bulk" / "wha66")
    return sorted(
        p for f in folders if f.is_dir() for p in f.glob("*") if p.suffix in (".txt", ".md") and p.name != "README.md"
    )


@pytest.mark.parametrize("path", _other_texts(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_unannotated_collections_give_themselves_back(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    documents = resolutions.parse_all(text)
    assert documents.to_source() == text
    for document in documents:
        assert uncovered(document) == []
