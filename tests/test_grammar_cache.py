"""The compiled-grammar cache: used when nothing changed, never stale when a grammar file or lexicon did."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

import resolutions
from resolutions import grammar as grammar_module
from resolutions.grammar import Grammar, default_lexicon
from resolutions.grammar_cache import ENVIRONMENT_VARIABLE, cache_dir
from tests.conftest import EXAMPLES, ROOT

BODY = "%import un (start, _cell, _formula)\n%import cells (MY_CELL)\n%extend _cell: MY_CELL\n"


def _compile(grammar: Grammar) -> grammar_module.Compiled:
    """Compile afresh, past the in-process memo, as a new process would."""
    return grammar_module._compile.__wrapped__(grammar)  # type: ignore[attr-defined]


def _patterns(compiled: grammar_module.Compiled) -> str:
    return "\n".join(t.pattern.value for t in compiled.lark.terminals)


def _inline_patterns(grammar: Grammar) -> str:
    """The inline grammar's terminals: where the lexicon's verb phrases are compiled in."""
    loader = grammar_module._Loader(grammar.lexicon, (grammar.path.parent, grammar_module.grammar_dir()))
    inline = grammar_module._lark(grammar, grammar_module._inline_source(grammar), loader, lexer="basic")
    return "\n".join(t.pattern.value for t in inline.terminals)


def _snapshot(folder: Path) -> dict[str, float]:
    return {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}


@pytest.fixture
def body(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(ENVIRONMENT_VARIABLE, str(tmp_path / "cache"))
    folder = tmp_path / "body"
    folder.mkdir()
    (folder / "cells.lark").write_text("MY_CELL.6: /ZZZ-[0-9]+(?=[ \\t]*\\r?\\n)/\n", encoding="utf-8")
    (folder / "mybody.lark").write_text(BODY, encoding="utf-8")
    return folder


def test_a_second_build_reads_the_cache_and_gives_the_same_parser(body: Path, tmp_path: Path) -> None:
    grammar = Grammar("mybody", body / "mybody.lark")
    first = _compile(grammar)
    cached = _snapshot(tmp_path / "cache")
    assert cached  # the tables were written
    second = _compile(grammar)
    assert _snapshot(tmp_path / "cache") == cached  # read back, not rebuilt and rewritten
    assert _patterns(second) == _patterns(first)
    assert [str(rule) for rule in second.lark.rules] == [str(rule) for rule in first.lark.rules]
    # That a cached build parses documents alike: test_a_new_process_parses_alike_with_and_without_the_cache


def test_a_changed_imported_grammar_file_is_never_read_from_a_stale_cache(body: Path) -> None:
    grammar = Grammar("mybody", body / "mybody.lark")
    assert "ZZZ-" in _patterns(_compile(grammar))
    (body / "cells.lark").write_text("MY_CELL.6: /YYY-[0-9]+(?=[ \\t]*\\r?\\n)/\n", encoding="utf-8")
    patterns = _patterns(_compile(grammar))
    assert "YYY-" in patterns and "ZZZ-" not in patterns


def test_a_changed_body_file_is_never_read_from_a_stale_cache(body: Path) -> None:
    grammar = Grammar("mybody", body / "mybody.lark")
    _compile(grammar)
    (body / "mybody.lark").write_text(BODY.replace("%extend _cell: MY_CELL\n", ""), encoding="utf-8")
    assert "ZZZ-" not in _patterns(_compile(grammar))


def test_a_changed_lexicon_is_never_read_from_a_stale_cache(body: Path) -> None:
    grammar = Grammar("mybody", body / "mybody.lark")
    _compile(grammar)
    assert "robnicate" not in _inline_patterns(grammar)
    more = Grammar("mybody", body / "mybody.lark", default_lexicon().extended(operative=["frobnicate"]))
    assert "robnicate" in _inline_patterns(more)
    doc = resolutions.parse("The General Assembly,\n\n1. Frobnicates the matter.\n", body=more)
    assert doc.records()[0]["verb"] == "Frobnicates"


def test_the_cache_can_be_turned_off(body: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENVIRONMENT_VARIABLE, "off")
    assert cache_dir() is None
    _compile(Grammar("mybody", body / "mybody.lark"))
    assert not (tmp_path / "cache").exists()


def test_an_unwritable_cache_folder_only_turns_the_cache_off(body: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = body / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(ENVIRONMENT_VARIABLE, str(blocker / "cache"))
    assert "ZZZ-" in _patterns(_compile(Grammar("mybody", body / "mybody.lark")))


def test_a_new_process_parses_alike_with_and_without_the_cache(tmp_path: Path) -> None:
    script = (
        "import hashlib, sys, resolutions\n"
        "text = open(sys.argv[1], encoding='utf-8').read()\n"
        "print(hashlib.sha256(resolutions.parse(text).to_json().encode()).hexdigest())\n"
    )
    seed = str(EXAMPLES / "003_47cadadb9c8ad2bf.txt")
    digests = []
    for setting in ("off", str(tmp_path / "c"), str(tmp_path / "c")):  # off, cold cache, warm cache
        env = {**_environment(), ENVIRONMENT_VARIABLE: setting}
        done = subprocess.run([sys.executable, "-c", script, seed], capture_output=True, text=True, env=env, cwd=ROOT)
        assert done.returncode == 0, done.stderr
        digests.append(done.stdout.strip())
    assert len(set(digests)) == 1
    assert list((tmp_path / "c").iterdir())
    expected = hashlib.sha256(resolutions.parse_file(seed).to_json().encode()).hexdigest()
    assert digests[0] == expected


def _environment() -> dict[str, str]:
    import os

    return dict(os.environ)
