"""The example notebooks: committed without outputs, and they run from any folder.

A notebook opened from the repository root, from ``examples/`` or from anywhere else finds
its documents the same way (``resolutions.examples()``, or paths from the notebook's own
place), so each one is run from the root and from ``examples/``, and the first one also from
a folder that has nothing to do with the checkout.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

import pytest

import resolutions
from tests.conftest import EXAMPLES, ROOT

nbformat = pytest.importorskip("nbformat")

NOTEBOOKS = sorted(EXAMPLES.glob("*.ipynb"))
NOTEBOOK = EXAMPLES / "notebook.ipynb"
SEED = EXAMPLES / "002_5927ce86d9264869.txt"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_notebook_is_valid_and_kept_without_outputs(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code
    for cell in code:  # outputs are made by running it, never committed
        assert cell.outputs == [] and cell.execution_count is None


@pytest.mark.parametrize("folder", [ROOT, EXAMPLES], ids=["from-root", "from-examples"])
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_notebook_runs_from_the_root_and_from_examples(path: Path, folder: Path) -> None:
    outputs = _outputs(_run(path, folder))
    assert not [output for output in outputs if output.output_type == "error"]


def test_notebook_shows_the_document_its_table_and_its_selections(tmp_path: Path) -> None:
    notebook = _run(NOTEBOOK, tmp_path)  # a folder with no document in it
    outputs = _outputs(notebook)
    shown = [_data(output, "text/html") for output in outputs]
    assert resolutions.parse_file(SEED).to_html(fragment=True) in shown  # a bare `doc` shows the HTML view
    assert any('class="rs-verb rs-verb-preambular"' in html for html in shown)
    assert any("<table" in html and "Are fully aware" in html for html in shown)  # the DataFrame
    plain = [_data(output, "text/plain") for output in outputs]
    encouraged = resolutions.parse_file(SEED).find("operative", verb="encourage", section="demand reduction")
    assert encouraged and repr(encouraged) in plain  # a selection shows as short reprs
    printed = "".join(output.get("text", "") for output in outputs if output.output_type == "stream")
    assert '"schema_version": 2' in printed
    assert "same document: True | same source: True" in printed


def _run(path: Path, folder: Path) -> Any:
    """Execute a notebook with ``folder`` as the kernel's working folder, as Jupyter would."""
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("pandas")
    notebook = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(folder)}}
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


def _outputs(notebook: Any) -> list[Any]:
    return [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]


def _data(output: Any, mime: str) -> str:
    if output.output_type not in ("execute_result", "display_data"):
        return ""
    return str(output.get("data", {}).get(mime, ""))


def test_corpus_notebook_loads_searches_counts_and_draws() -> None:
    pytest.importorskip("matplotlib")
    pytest.importorskip("pyarrow")
    outputs = _outputs(_run(EXAMPLES / "corpus.ipynb", ROOT))
    assert not [output for output in outputs if output.output_type == "error"]
    printed = "".join(output.get("text", "") for output in outputs if output.output_type == "stream")
    shared = ROOT.parent / "shared" / "bulk" / "unsc"  # where the notebook looks, beside the checkout
    folder = shared if shared.is_dir() else resolutions.examples()[0].parent
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
