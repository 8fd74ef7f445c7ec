"""The CSV table: the records, readable back with the csv module."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

import resolutions
from resolutions.citations import CITATION_COLUMNS
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
        elif name == "citations":
            out.append("; ".join(value))  # type: ignore[arg-type]
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


def test_the_citations_table_has_a_row_per_citation_with_its_verb() -> None:
    doc = resolutions.parse(
        "The Security Council,\n\nRecalling its resolutions 242 (1967) and 338 (1973),\n\n"
        "1. Welcomes the report of the Secretary-General (S/2014/136);\n"
    )
    rows = list(csv.DictReader(io.StringIO(to_csv(doc, "citations"), newline="")))
    assert list(rows[0]) == list(CITATION_COLUMNS)
    assert [(r["verb"], r["kind"], r["body"], r["symbol"], r["record"]) for r in rows] == [
        ("Recalling", "resolution", "SC", "S/RES/242(1967)", "0"),
        ("Recalling", "resolution", "SC", "S/RES/338(1973)", "0"),
        ("Welcomes", "document", "", "S/2014/136", "1"),
    ]
    paragraphs = list(csv.DictReader(io.StringIO(to_csv(doc), newline="")))
    assert paragraphs[0]["citations"] == "S/RES/242(1967); S/RES/338(1973)"


def test_an_unknown_table_is_named_with_the_known_ones() -> None:
    with pytest.raises(ValueError, match="'paragraphs' and 'citations'"):
        to_csv(resolutions.parse("1. Decides.\n"), "footnotes")  # type: ignore[arg-type]
