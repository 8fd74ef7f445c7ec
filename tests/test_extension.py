"""Extending the grammar for another body: a small .lark file, a lexicon phrase, a builder."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

import resolutions
from resolutions import Grammar, GrammarError
from tests.conftest import EXAMPLES

ACHPR = EXAMPLES / "add_a_body"


@pytest.fixture(scope="module")
def achpr() -> Grammar:
    spec = importlib.util.spec_from_file_location("parse_achpr", ACHPR / "parse_achpr.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["parse_achpr"] = module
    spec.loader.exec_module(module)
    return module.achpr_grammar()  # type: ignore[no-any-return]


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
    assert doc.preamble.formula is None  # the UN grammar does not know the Commission's formula
    assert [r["verb"] for r in doc.records()][2] != "Takes cognizance"


def test_broken_grammar_is_a_grammar_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.lark"
    broken.write_text("%import un (start, _cell)\n%extend _cell: UNDEFINED_TERMINAL\n", encoding="utf-8")
    with pytest.raises(GrammarError, match="broken"):
        resolutions.parse("x", body=resolutions.register_grammar("broken", broken))
