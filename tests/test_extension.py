"""Extending the grammar for another body: a small .lark file, a lexicon phrase, a builder."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

import resolutions
from resolutions import Grammar, GrammarError
from resolutions.builder import Token
from resolutions.lines import Line
from tests.conftest import EXAMPLES

ACHPR = EXAMPLES / "add_a_body"


@pytest.fixture(scope="module")
def achpr() -> Iterator[Grammar]:
    from resolutions import grammar

    saved = dict(grammar._REGISTRY)
    spec = importlib.util.spec_from_file_location("parse_achpr", ACHPR / "parse_achpr.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["parse_achpr"] = module
    spec.loader.exec_module(module)
    yield module.achpr_grammar()
    grammar._REGISTRY.clear()
    grammar._REGISTRY.update(saved)


def test_extension_reads_its_body(achpr: Grammar) -> None:
    doc = resolutions.parse_file(ACHPR / "achpr_resolution.txt", body="achpr")
    assert doc.header.symbol == "ACHPR/Res.345 (LVIII) 2016"
    assert doc.preamble.formula is not None
    assert doc.title == "Resolution on the Situation of Human Rights Defenders in Africa"
    assert [(r["kind"], r["number"], r["verb"]) for r in doc.records()] == [
        ("preambular", None, "Recalling"),
        ("preambular", None, "Concerned about"),
        ("operative", "1", "Takes cognizance"),
        ("operative", "2", "Calls on"),
        ("operative", "3", "Requests"),
    ]
    assert doc.closing is not None and doc.closing.place is None


def test_grammar_object_works_without_registering(achpr: Grammar) -> None:
    doc = resolutions.parse_file(ACHPR / "achpr_resolution.txt", body=achpr)
    assert doc.header.symbol == "ACHPR/Res.345 (LVIII) 2016"
    assert "achpr" in resolutions.available_bodies()


def test_extending_leaves_other_bodies_alone(achpr: Grammar) -> None:
    doc = resolutions.parse_file(ACHPR / "achpr_resolution.txt", body="un")
    assert doc.header.symbol is None  # the UN grammar does not know the Commission's symbols


def test_broken_grammar_is_a_grammar_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.lark"
    broken.write_text("%import un (start, _cell)\n%extend _cell: UNDEFINED_TERMINAL\n", encoding="utf-8")
    with pytest.raises(GrammarError, match="broken"):
        resolutions.parse("x", body=resolutions.register_grammar("broken", broken))


MOTTO_GRAMMAR = r"""
%import un (start, _more_lines)
%import terminals (EOL)
%extend _more_lines: motto_line
motto_line: MOTTO MOTTO_TEXT EOL
MOTTO.6: /MOTTO:[ \t]*/
MOTTO_TEXT: /[^\n]+/
"""


class MottoBuilder(resolutions.Builder):
    """A body whose mottos are lines of their own; the test reads a motto as a header symbol."""

    aliases: ClassVar[dict[str, str]] = {"MOTTO_TEXT": "SYMBOL"}

    def motto_line(self, tokens: list[Token]) -> Line:
        line = self.make_line("text", tokens)
        line.pieces = [piece for piece in line.pieces if piece.kind != "MOTTO"]
        return line


def test_a_grammar_may_add_line_kinds(tmp_path: Path) -> None:
    path = tmp_path / "motto.lark"
    path.write_text(MOTTO_GRAMMAR, encoding="utf-8")
    grammar = resolutions.register_grammar("motto", path, builder=MottoBuilder)
    doc = resolutions.parse("MOTTO: Unity in diversity\n\nThe Council,\n\n1. Decides.\n", body=grammar)
    assert doc.header.symbol == "Unity in diversity"
    assert doc.records()[0]["verb"] == "Decides"
    assert doc.to_source() == "MOTTO: Unity in diversity\n\nThe Council,\n\n1. Decides.\n"
