"""MkDocs hook: the reference documents every public name, each with a docstring and an example.

mkdocstrings renders what a page points it at and is silent about the rest: a public name left
out of the reference, or one without a docstring, would go unnoticed. Before each build this
hook checks the reference pages (``docs/reference/*.md``) against ``resolutions.__all__`` and
logs each gap as a warning, which ``mkdocs build --strict`` turns into a failure.
``tests/test_site.py`` runs the same check in the test suite.
"""

from __future__ import annotations

import importlib
import inspect
import logging
import re
from pathlib import Path
from typing import Any

REFERENCE = Path(__file__).resolve().parent / "reference"
#: A mkdocstrings directive: ``::: resolutions.parse``.
DIRECTIVE = re.compile(r"^::: (resolutions(?:\.\w+)+)[ \t]*$", re.MULTILINE)

log = logging.getLogger("mkdocs.hooks.reference")


def entries(folder: Path = REFERENCE) -> dict[str, str]:
    """Return each documented object's dotted path and the page text that follows its directive.

    The text runs to the next directive or heading: where a page gives an example of its own.
    """
    found: dict[str, str] = {}
    for page in sorted(folder.glob("*.md")):
        text = page.read_text(encoding="utf-8")
        matches = list(DIRECTIVE.finditer(text))
        for index, match in enumerate(matches):
            end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
            section = text[match.end() : end]
            heading = re.search(r"^#", section, flags=re.MULTILINE)
            found[match.group(1)] = section[: heading.start()] if heading else section
    return found


def problems(folder: Path = REFERENCE) -> list[str]:
    """Return what the reference lacks: a public name, a docstring, an example."""
    import resolutions

    documented = entries(folder)
    found = []
    for name in resolutions.__all__:
        if name == "__version__":
            continue
        path = f"resolutions.{name}"
        if path not in documented:
            found.append(f"{path} is public (in __all__) but has no entry in docs/reference/")
            continue
        doc = inspect.getdoc(getattr(resolutions, name)) or ""
        if ">>>" not in doc and ">>>" not in documented[path]:
            found.append(f"{path} has no example: neither its docstring nor its reference entry holds one")
    for path, section in documented.items():
        found.extend(_undocumented(path, _resolve(path), members=_MEMBERS_HIDDEN.search(section) is None))
    return found


#: An entry rendered without its members (``options: members: false``): a ``Builder``, whose
#: methods are named for the grammar's rules and documented by the grammar.
_MEMBERS_HIDDEN = re.compile(r"^\s+members:\s*false\s*$", re.MULTILINE)


def _resolve(path: str) -> Any:
    module, _, name = path.rpartition(".")
    return getattr(importlib.import_module(module), name)


def _undocumented(path: str, value: Any, *, members: bool) -> list[str]:
    """Name the object, or the public methods and properties of a class, without a docstring."""
    if not (inspect.getdoc(value) or "").strip():
        return [f"{path} has no docstring"]
    if not (members and inspect.isclass(value)):
        return []
    gaps = []
    for name, member in vars(value).items():
        if name.startswith("_") or not (callable(member) or isinstance(member, property)):
            continue
        function = member.fget if isinstance(member, property) else member
        if not (getattr(function, "__doc__", None) or "").strip():
            gaps.append(f"{path}.{name} has no docstring")
    return gaps


def on_pre_build(config: Any) -> None:
    """Warn (an error with ``--strict``) about every gap in the reference."""
    for problem in problems():
        log.warning(problem)
