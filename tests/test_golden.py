"""Golden files: what the parser makes of each seed, reviewed and kept in tests/golden/.

Regenerate with ``pytest tests/test_golden.py --update-golden`` and review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import resolutions
from resolutions.inline import inline_text
from resolutions.nodes import Document
from tests.conftest import ROOT, SEEDS

GOLDEN = ROOT / "tests" / "golden"


def view(document: Document) -> dict[str, Any]:
    """Everything a reader of the seed cares about, as plain JSON."""
    header = {name: str(value) for name, value in sorted(_fields(document).items()) if value is not None}
    return {
        "header": header,
        "header_lines": [[line.field, line.text] for line in document.header.lines],
        "titles": [[title.role, title.text] for title in document.titles],
        "formula": inline_text(document.preamble.formula.content) if document.preamble.formula else None,
        "records": document.records(),
        "footnotes": [[note.marker, inline_text(note.content)] for note in document.footnotes],
        "citations": [[c.kind, c.body, c.number, c.symbol, c.text] for c in document.citations()],
        "closing": list(document.closing.lines) if document.closing else None,
        "diagnostics": [[d.code, d.message] for d in document.diagnostics],
    }


def _fields(document: Document) -> dict[str, object]:
    header = document.header
    names = ("organ", "body", "symbol", "distribution", "date", "original_language", "session", "place")
    return {name: getattr(header, name) for name in (*names, "agenda_item", "adopted")}


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_seed_matches_golden(path: Path, update_golden: bool) -> None:
    got = view(resolutions.parse_file(path))
    golden = GOLDEN / f"{path.stem}.json"
    if update_golden or not golden.exists():
        golden.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        if not update_golden:
            pytest.fail(f"wrote a new golden file {golden.name}: review it and run again")
    assert got == json.loads(golden.read_text(encoding="utf-8"))
