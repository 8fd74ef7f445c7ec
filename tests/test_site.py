"""The documentation site: every page in its navigation, every public name in its reference.

CI builds the site with ``mkdocs build --strict`` (.ci/run), which also fails on a broken link;
these checks run without MkDocs, in every test run.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import resolutions
from tests.conftest import ROOT

DOCS = ROOT / "docs"


def _hooks() -> ModuleType:
    spec = importlib.util.spec_from_file_location("docs_hooks", DOCS / "hooks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_public_name_has_a_reference_entry_with_a_docstring_and_an_example() -> None:
    hooks = _hooks()
    assert hooks.problems() == []
    documented = hooks.entries()
    assert {f"resolutions.{name}" for name in resolutions.__all__ if name != "__version__"} <= set(documented)


def test_the_check_names_what_is_missing(tmp_path: Path) -> None:
    hooks = _hooks()
    (tmp_path / "page.md").write_text("# Some\n\n::: resolutions.parse\n\n::: resolutions.records.records\n", "utf-8")
    found = hooks.problems(tmp_path)
    assert "resolutions.parse_file is public (in __all__) but has no entry in docs/reference/" in found
    assert not any(problem.startswith("resolutions.parse ") for problem in found)  # it has an example


def test_every_page_is_in_the_navigation_and_every_entry_is_a_page() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav = config[config.index("\nnav:") : config.index("\ntheme:")]
    listed = set(re.findall(r"([\w/]+\.md)\s*$", nav, flags=re.MULTILINE))
    pages = {path.relative_to(DOCS).as_posix() for path in DOCS.rglob("*.md")}
    assert listed == pages


def test_the_built_site_is_not_kept() -> None:
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    assert "site/" in ignored
