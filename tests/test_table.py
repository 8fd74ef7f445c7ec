"""The CSV table: the records, readable back with the csv module."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

import resolutions
from resolutions.cli import main
from resolutions.records import COLUMNS
from resolutions.serialise.table import SECTION_SEPARATOR, to_csv

from .conftest import EXAMPLES, SEEDS


def expected_cells(row: dict[str, object]) -> list[str]:
    out = []
    for name in COLUMNS:
        value = row[name]
        if name == "section":
            out.append(SECTION_SEPARATOR.join(value))  # type: ignore[arg-type]
        elif name == "footnotes":
            out.append(" ".join(value))  # type: ignore[arg-type]
        else:
            out.append("" if value is None else str(value))
    return out


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_csv_reads_back_as_the_records(path: Path) -> None:
    doc = resolutions.parse_file(path)
    rows = list(csv.reader(io.StringIO(to_csv(doc), newline="")))
    assert rows[0] == list(COLUMNS)
    assert rows[1:] == [expected_cells(row) for row in doc.records()]


def test_csv_quotes_commas_quotes_and_line_breaks() -> None:
    doc = resolutions.parse('The Council,\n\n1. Decides, "firmly", to act;\n')
    text = to_csv(doc)
    assert '"Decides, ""firmly"", to act;"' in text
    assert list(csv.reader(io.StringIO(text, newline="")))[1][4] == 'Decides, "firmly", to act;'


def test_csv_on_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    path = EXAMPLES / "003_47cadadb9c8ad2bf.txt"
    assert main([str(path), "--to", "csv"]) == 0
    assert capsys.readouterr().out == to_csv(resolutions.parse_file(path))
