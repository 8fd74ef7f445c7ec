"""Round trips: renderings parse back to the same content; perturbed copies read the same.

Property 2: for a generated document ``d``, ``parse(d.to_text())`` and ``parse(d.to_markdown())``
have the same content as ``d``, and Markdown rendering is idempotent. Property 4: a seed or
corpus document changed the way copies differ (a page break inside a paragraph, a footnote block
between its halves, CRLF, trailing spaces, extra blank lines, emphasis or not) gives the same
records. Failures Hypothesis found are kept below as explicit examples.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import resolutions
from resolutions.compare import differences, same_content
from resolutions.nodes import Document
from resolutions.serialise.markdown import to_markdown
from resolutions.serialise.text import to_text
from tests.conftest import SEEDS, SHARED, STYLES, corpus_texts
from tests.strategies import documents, perturbed


def records(document: Document) -> list[tuple[object, ...]]:
    return [(r["kind"], r["number"], r["verb"], r["text"]) for r in document.records()]


# ------------------------------------------------------------------ property 2: generated documents


@given(documents())
def test_generated_documents_survive_text_and_markdown(document: Document) -> None:
    for write in (to_text, to_markdown):
        rendered = write(document)
        again = resolutions.parse(rendered)
        assert differences(document, again) == [], rendered
    markdown = to_markdown(document)
    assert to_markdown(resolutions.parse(markdown)) == markdown


# ------------------------------------------------------------------ the seeds and the corpus

DOCUMENTS = SEEDS + STYLES + [p for p in corpus_texts() if p.name != "README.md"]


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: f"{p.parent.name}/{p.name}")
@pytest.mark.parametrize("write", [to_text, to_markdown], ids=["text", "markdown"])
def test_real_documents_survive_their_renderings(path: Path, write: object) -> None:
    document = resolutions.parse_file(path)
    rendered = write(document)  # type: ignore[operator]
    again = resolutions.parse(rendered)
    assert records(again) == records(document)
    assert same_content(again, document), differences(document, again)[:5]
    assert write(again) == rendered  # type: ignore[operator]


# ------------------------------------------------------------------ property 4: perturbed copies


def _sample(path: Path) -> tuple[str, list[tuple[int, int]], list[dict[str, object]]]:
    text = path.read_text(encoding="utf-8")
    document = resolutions.parse(text)
    cuts = [(part.start, part.end) for paragraph in document.paragraphs() for part in paragraph.parts]
    return text, cuts, document.records()


@st.composite
def _copies(draw: st.DrawFn) -> tuple[Path, list[dict[str, object]], str, list[str]]:
    path = draw(st.sampled_from(DOCUMENTS))
    text, cuts, expected = _sample(path)
    changed, done = draw(perturbed(text, cuts))
    return path, expected, changed, done


@given(_copies())
def test_perturbed_copies_read_the_same(copy: tuple[Path, list[dict[str, object]], str, list[str]]) -> None:
    path, expected, changed, done = copy
    got = resolutions.parse(changed).records()
    assert [(r["kind"], r["number"], r["verb"], r["text"], r["footnotes"]) for r in got] == [
        (r["kind"], r["number"], r["verb"], r["text"], r["footnotes"]) for r in expected
    ], (path.name, done)
    assert resolutions.parse(changed).to_source() == changed


def test_the_corpus_is_here_or_the_perturbations_use_the_seeds() -> None:
    assert DOCUMENTS, "no documents to perturb"
    if not (SHARED / "corpus").is_dir():
        pytest.skip("only the seeds here")
