"""The example notebooks: committed without outputs, and they run, from the repository root and from examples/."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

import pytest

import resolutions
from tests.conftest import EXAMPLES, ROOT

nbformat = pytest.importorskip("nbformat")

NOTEBOOK = EXAMPLES / "notebook.ipynb"
CORPUS = EXAMPLES / "corpus.ipynb"
SEED = EXAMPLES / "002_5927ce86d9264869.txt"
#: Where a notebook may be started from: its own folder (Jupyter's default) and the repository root.
STARTS = pytest.mark.parametrize("start", [EXAMPLES, ROOT], ids=["from-examples", "from-root"])


@pytest.mark.parametrize("path", [NOTEBOOK, CORPUS], ids=lambda p: p.name)
def test_notebook_is_valid_and_kept_without_outputs(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code
    for cell in code:  # outputs are made by running it, never committed
        assert cell.outputs == [] and cell.execution_count is None


def _execute(path: Path, start: Path) -> Any:
    """Run every cell of a notebook in a kernel started in ``start``; return the notebook."""
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("pandas")
    notebook = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(start)}}
    )
    client.reset_execution_trackers()
    kernel = contextlib.ExitStack()
    try:
        kernel.enter_context(client.setup_kernel())
    except Exception as exc:  # no kernel spec, no sockets in this sandbox ...: not the notebook's fault
        pytest.skip(f"a Jupyter kernel cannot start here: {exc!r}")
    with kernel:
        for index, cell in enumerate(notebook.cells):  # raises CellExecutionError on the first error
            client.execute_cell(cell, index, execution_count=client.code_cells_executed + 1)
    return notebook


@STARTS
def test_notebook_runs_and_shows_the_document(start: Path) -> None:
    notebook = _execute(NOTEBOOK, start)
    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    assert not [output for output in outputs if output.output_type == "error"]
    shown = [_data(output, "text/html") for output in outputs]
    assert resolutions.parse_file(SEED).to_html(fragment=True) in shown  # a bare `doc` shows the HTML view
    assert any('class="rs-verb rs-verb-preambular"' in html for html in shown)
    assert any("<table" in html and "Are fully aware" in html for html in shown)  # the DataFrame
    printed = "".join(output.get("text", "") for output in outputs if output.output_type == "stream")
    assert '"schema_version": 2' in printed
    assert "same document: True | same source: True" in printed


def _data(output: Any, mime: str) -> str:
    if output.output_type not in ("execute_result", "display_data"):
        return ""
    return str(output.get("data", {}).get(mime, ""))


@STARTS
def test_corpus_notebook_loads_searches_counts_and_draws(start: Path) -> None:
    pytest.importorskip("matplotlib")
    pytest.importorskip("pyarrow")
    notebook = _execute(CORPUS, start)
    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    assert not [output for output in outputs if output.output_type == "error"]
    printed = "".join(output.get("text", "") for output in outputs if output.output_type == "stream")
    shared = ROOT.parent / "shared" / "bulk" / "unsc"  # where the notebook looks, beside the checkout
    folder = shared if shared.is_dir() else EXAMPLES
    documents = [r.document for r in resolutions.parse_files(folder, workers=1) if r.document is not None]
    condemning = [
        p
        for d in documents
        for p in d.paragraphs()
        if p.kind == "operative" and p.verb and p.verb.head.lower() == "condemns"
    ]
    assert f"{len(condemning)} operative paragraphs condemn" in printed
    assert f"{len(documents)} documents," in printed
    assert "same paragraphs: True" in printed
    assert any(_data(output, "image/png") for output in outputs)  # the chart was drawn
    assert any("<table" in _data(output, "text/html") for output in outputs)
