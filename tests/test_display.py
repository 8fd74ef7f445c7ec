"""Short reprs: every node of every example shows as one short line, never as the whole tree."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
from attrs import frozen
from hypothesis import given

import resolutions
from resolutions.nodes import Document, Node, Paragraph, SubItem, Text
from resolutions.serialise.json import NODE_CLASSES
from tests import strategies
from tests.conftest import SEEDS, STYLES, corpus_texts

#: The longest repr any node may have: a line of a wide terminal.
LIMIT = 200
EXAMPLES = SEEDS + STYLES + corpus_texts()
#: ``<ClassName ...>`` on one line.
SHAPE = re.compile(r"<([A-Z][A-Za-z]*)( [^\n]*)?>")


def nodes_of(value: object) -> Iterator[Node]:
    """Every node in a tree, depth first (attrs fields, tuples of children)."""
    if isinstance(value, Node):
        yield value
        for field in attrs.fields(type(value)):  # type: ignore[arg-type]
            yield from nodes_of(getattr(value, field.name))
    elif isinstance(value, tuple):
        for child in value:
            yield from nodes_of(child)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.parent.name + "/" + path.name)
def test_every_node_of_every_example_has_a_short_one_line_repr(path: Path) -> None:
    document = resolutions.parse_file(path)
    seen = set()
    for node in nodes_of(document):
        shown = repr(node)
        assert len(shown) <= LIMIT, shown
        match = SHAPE.fullmatch(shown)
        assert match is not None and match.group(1) == type(node).__name__, shown
        seen.add(type(node))
    assert Document in seen and len(seen) > 3


def test_a_document_repr_does_not_grow_with_the_document() -> None:
    text = SEEDS[2].read_text(encoding="utf-8")
    small, large = resolutions.parse(text), resolutions.parse(text * 20)
    assert len(repr(large)) <= LIMIT
    assert len(repr(large)) - len(repr(small)) < 10  # only the counts' digits differ


def test_a_document_repr_counts_what_records_count() -> None:
    for path in SEEDS:
        document = resolutions.parse_file(path)
        rows = document.records()
        shown = repr(document)
        for kind in ("preambular", "operative"):
            assert f" {kind}={sum(row['kind'] == kind for row in rows)}" in shown, shown
        if document.footnotes:
            assert f" footnotes={len(document.footnotes)}" in shown
        if document.header.symbol:
            assert document.header.symbol[:10] in shown


def test_a_paragraph_repr_names_its_kind_number_verb_and_first_words() -> None:
    for path in SEEDS:
        for paragraph in resolutions.parse_file(path).paragraphs():
            shown = repr(paragraph)
            assert shown.startswith(f"<Paragraph {paragraph.kind} ")
            if paragraph.label is not None:
                assert f" {paragraph.label} " in shown
            if paragraph.verb is not None:
                assert f"verb={paragraph.verb.phrase.split()[0]}"[:12] in shown.replace("'", "")
            assert paragraph.text.split()[0] in shown


def test_long_texts_and_strange_labels_keep_the_repr_short_and_on_one_line() -> None:
    long = "word " * 5000
    paragraph = Paragraph("operative", "1.\n2.", None, (Text(long),), (SubItem("(a)", (Text(long),)),))
    document = Document(
        header=resolutions.parse(f"{long}\n").header,
        preamble=attrs.evolve(Document().preamble, paragraphs=(paragraph,) * 50),
    )
    for node in nodes_of(document):
        shown = repr(node)
        assert len(shown) <= LIMIT and "\n" not in shown, shown
    assert "<Paragraph operative '1. 2.' " in repr(paragraph)  # a label that is no token is quoted


@given(strategies.node_trees())
def test_any_tree_shows_one_line_per_node(document: Document) -> None:
    for node in nodes_of(document):
        shown = repr(node)
        assert SHAPE.fullmatch(shown) is not None and len(shown) <= LIMIT, shown


def test_every_node_class_uses_the_short_repr() -> None:
    for cls in NODE_CLASSES:
        assert issubclass(cls, Node) and cls.__repr__ is Node.__repr__, cls.__name__


def test_a_node_class_of_ones_own_gets_a_summary_of_its_short_fields() -> None:
    @frozen(repr=False)
    class Vote(Node):
        result: str
        counts: tuple[int, ...] = ()
        note: str | None = None

    assert repr(Vote("adopted without a vote " * 10, (1, 2, 3))).startswith("<Vote result='adopted without a vote")
    assert repr(Vote("adopted", (1, 2, 3))) == "<Vote result='adopted' counts=3>"


def test_rich_shows_the_summary_not_the_tree() -> None:
    pretty = pytest.importorskip("rich.pretty")
    document = resolutions.parse_file(SEEDS[2])
    shown = pretty.pretty_repr(document, max_width=400)
    assert shown.startswith("<Document ") and len(shown) <= 2 * LIMIT
    assert f"operative={len(document.operative)}" in shown
    assert pretty.pretty_repr(document.operative[0], max_width=400).startswith("<Paragraph operative 1. verb=")


@pytest.mark.parametrize("name", resolutions.bodies())
def test_a_grammar_and_what_it_holds_have_short_reprs(name: str) -> None:
    from resolutions.grammar import load_grammar

    grammar = load_grammar(name)
    for thing in (grammar, grammar.lexicon, grammar.conventions, grammar.compiled()):
        shown = repr(thing)
        assert len(shown) <= LIMIT and "\n" not in shown, shown
    assert repr(grammar).startswith(f"<Grammar {name!r}")
