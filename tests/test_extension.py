"""Extending the library to another body: a layer made of a .lark file, lexicon files and body.toml."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import ClassVar

import pytest

import resolutions
from resolutions import GrammarError
from resolutions.builder import Token
from resolutions.lines import Line
from tests.conftest import EXAMPLES

IPU = EXAMPLES / "add_a_body"
LAYER = IPU / "ipu"
TEXT = IPU / "ipu_resolution.txt"


def test_a_layer_is_files_only() -> None:
    """The example layer subclasses nothing: a grammar, phrases and declared conventions."""
    assert sorted(p.name for p in LAYER.rglob("*") if p.is_file()) == ["body.toml", "ipu.lark", "preambular.txt"]


def test_a_registered_layer_reads_its_body() -> None:
    grammar = resolutions.register_body(LAYER)
    assert grammar.builder is None
    doc = resolutions.parse_file(TEXT, body="ipu")
    assert doc.grammar == "ipu"
    assert doc.preamble.formula is not None  # "The 146th Assembly of the Inter-Parliamentary Union,"
    assert doc.title.startswith("Parliamentary strategies")
    assert (doc.header.place, str(doc.header.date)) == ("Manama", "2023-03-15")
    assert [(r["kind"], r["number"], r["verb"]) for r in doc.records()] == [
        ("preambular", "1", "Recognizing"),
        ("preambular", "2", "Expressing alarm"),  # a phrase of the layer's lexicon
        ("preambular", "3", "Reaffirming"),
        ("operative", "1", "Calls on"),
        ("operative", "2", "Urges"),
        ("operative", "3", "Invites"),
    ]
    assert not [d for d in doc.diagnostics if d.severity != "info"]


def test_a_registered_layer_takes_part_in_detection() -> None:
    assert resolutions.parse_file(TEXT).grammar == "un"  # unknown before it is registered
    resolutions.register_body(LAYER)
    assert "ipu" in resolutions.available_bodies() and resolutions.bodies()["ipu"] == "Inter-Parliamentary Union"
    assert resolutions.parse_file(TEXT).grammar == "ipu"


def test_a_layer_works_without_registering() -> None:
    grammar = resolutions.load_body(LAYER)
    assert resolutions.parse_file(TEXT, body=grammar).records()[1]["verb"] == "Expressing alarm"
    assert "ipu" not in resolutions.available_bodies()


class _EntryPoint:
    """What the library reads of an installed package's entry point: its name, and what it loads."""

    def __init__(self, name: str, factory: object) -> None:
        self.name = name
        self.factory = factory

    def load(self) -> object:
        return self.factory


def test_an_installed_layer_is_loaded_once_and_takes_part_in_detection(monkeypatch: pytest.MonkeyPatch) -> None:
    """A body installed as a package (entry point group ``resolutions.grammars``), as docs/extending.md shows."""
    from resolutions import grammar

    made: list[resolutions.Grammar] = []

    def factory() -> resolutions.Grammar:
        made.append(resolutions.load_body(LAYER))
        return made[-1]

    scans: list[str] = []

    def entry_points(group: str) -> list[_EntryPoint]:
        scans.append(group)
        return [_EntryPoint("ipu", factory)]

    monkeypatch.setattr(grammar.metadata, "entry_points", entry_points)
    grammar._installed_bodies.cache_clear()
    grammar._installed.cache_clear()
    try:
        assert "ipu" in resolutions.available_bodies()
        for _ in range(3):
            assert resolutions.parse_file(TEXT).grammar == "ipu"
            unknown = resolutions.parse("Some words.\n")
            assert [d.code for d in unknown.diagnostics] == ["unknown-body"]
            assert "ipu" in unknown.diagnostics[0].expected
        assert len(made) == 1  # made, and so compiled, once: not at each parse
        assert len(scans) == 2  # the names once, the grammar once
        assert resolutions.load_grammar("ipu") is made[0]
    finally:
        grammar._installed_bodies.cache_clear()
        grammar._installed.cache_clear()


def test_extending_leaves_other_bodies_alone() -> None:
    resolutions.register_body(LAYER)
    doc = resolutions.parse_file(TEXT, body="un")
    assert doc.preamble.formula is None  # the UN grammar does not know the IPU's formula
    assert doc.records()[1]["verb"] != "Expressing alarm"


def test_the_example_script_runs(capsys: pytest.CaptureFixture[str]) -> None:
    import runpy

    runpy.run_path(str(IPU / "parse_ipu.py"), run_name="__main__")
    assert "read as: ipu" in capsys.readouterr().out


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "ipu"
    shutil.copytree(LAYER, folder)
    return folder


def test_a_wrong_key_names_the_file_and_the_key(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    toml = folder / "body.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + "\n[paragraphs]\nlabel = 'x'\n", encoding="utf-8")
    with pytest.raises(GrammarError) as caught:
        resolutions.load_body(folder)
    assert str(toml) in str(caught.value)


def test_a_bad_pattern_names_the_file_and_the_key(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    toml = folder / "body.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace(r"'\([0-9]{1,3}\)'", "'(['"), encoding="utf-8")
    with pytest.raises(GrammarError, match=r"paragraphs\.labels\[0\]\.label: not a regular expression"):
        resolutions.load_body(folder)


def test_an_unknown_kind_is_refused(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    toml = folder / "body.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8").replace('kind = "preambular"', 'kind = "recital"'), encoding="utf-8"
    )
    with pytest.raises(GrammarError, match=r"labels\[0\]\.kind: 'recital' is not one of"):
        resolutions.load_body(folder)


def test_a_missing_grammar_file_is_named(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    (folder / "ipu.lark").unlink()
    with pytest.raises(GrammarError, match=r"no file ipu\.lark"):
        resolutions.load_body(folder)


def test_a_broken_grammar_names_the_layer_and_the_rule(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    (folder / "ipu.lark").write_text("%import un (start, _cell)\n%extend _cell: UNDEFINED_TERMINAL\n", encoding="utf-8")
    with pytest.raises(GrammarError, match=r"'ipu'.*UNDEFINED_TERMINAL"):
        resolutions.parse("The Council,\n", body=resolutions.load_body(folder))


def test_a_layer_cannot_extend_itself(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    toml = folder / "body.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('extends = "un"', 'extends = "ipu"'), encoding="utf-8")
    with pytest.raises(GrammarError, match="cannot extend itself"):
        resolutions.load_body(folder)


# ---------------------------------------------------------------------------------- the Python route
# A body whose layout needs a line kind of its own can still subclass the builder.

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


def test_broken_grammar_is_a_grammar_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.lark"
    broken.write_text("%import un (start, _cell)\n%extend _cell: UNDEFINED_TERMINAL\n", encoding="utf-8")
    with pytest.raises(GrammarError, match="broken"):
        resolutions.parse("x", body=resolutions.register_grammar("broken", broken))
