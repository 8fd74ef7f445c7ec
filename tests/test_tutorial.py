"""The tutorial can be followed top to bottom in a fresh notebook, in a folder with nothing in it.

The page runs as a doctest from the project folder (docs/conftest.py); here each of its
examples becomes a notebook cell, run in a Jupyter kernel whose working folder is empty, and
each cell must show what the page says it shows.
"""

from __future__ import annotations

import contextlib
import doctest
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

TUTORIAL = ROOT / "docs" / "tutorial.md"


def test_the_tutorial_runs_as_a_fresh_notebook_anywhere(tmp_path: Path) -> None:
    examples = doctest.DocTestParser().get_examples(TUTORIAL.read_text(encoding="utf-8"))
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(e.source) for e in examples])
    client = nbclient.NotebookClient(
        notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    )
    kernel = contextlib.ExitStack()
    try:
        kernel.enter_context(client.setup_kernel())
    except Exception as exc:  # no kernel spec, no sockets in this sandbox ...: not the tutorial's fault
        pytest.skip(f"a Jupyter kernel cannot start here: {exc!r}")
    with kernel:
        for index, cell in enumerate(notebook.cells):  # raises CellExecutionError on the first error
            client.execute_cell(cell, index, execution_count=index + 1)
    for example, cell in zip(examples, notebook.cells, strict=True):
        assert _flat(_shown(cell.outputs)) == _flat(example.want), example.source


def _shown(outputs: list[Any]) -> str:
    """What a cell shows as text: printed text, then its value's plain-text form."""
    parts = []
    for output in outputs:
        if output.output_type == "stream":
            parts.append(output.text)
        elif output.output_type == "execute_result":
            parts.append(output.data["text/plain"])
    return "".join(parts)


def _flat(text: str) -> str:
    """IPython wraps long values at 80 columns where the page keeps them on one line."""
    return "".join(text.split())
