"""The example notebook: committed without outputs, and it runs, showing the document's HTML view."""

from __future__ import annotations

import contextlib
from typing import Any

import pytest

import resolutions
from tests.conftest import EXAMPLES

nbformat = pytest.importorskip("nbformat")

NOTEBOOK = EXAMPLES / "notebook.ipynb"
SEED = EXAMPLES / "002_5927ce86d9264869.txt"


def test_notebook_is_valid_and_kept_without_outputs() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code
    for cell in code:  # outputs are made by running it, never committed
        assert cell.outputs == [] and cell.execution_count is None


def test_notebook_runs_and_shows_the_document() -> None:
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("pandas")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(EXAMPLES)}}
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
