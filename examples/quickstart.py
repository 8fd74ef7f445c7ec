"""Quickstart: parse a seed document and look at it three ways.

Run: python examples/quickstart.py
"""

from __future__ import annotations

from pathlib import Path

import resolutions

HERE = Path(__file__).resolve().parent

document = resolutions.parse_file(HERE / "002_5927ce86d9264869.txt")

# The header block and the title.
print(document.header.organ, "|", document.header.body, "|", document.header.date)
print(document.title)

# One record per paragraph and sub-item: a table for pandas, a database or a CSV file.
for record in document.records()[:5]:
    print(record["kind"], record["number"], record["verb"], "|", record["text"][:60])

# The tree itself: sections, paragraphs, verb phrases and how they were marked.
for block in document.body[:3]:
    print(type(block).__name__, getattr(block, "heading", None) or getattr(block, "number", None))

# What the parser noticed (this seed numbers two paragraphs "11").
for diagnostic in document.diagnostics:
    print(diagnostic.severity, diagnostic.code, diagnostic.message)

# The source is kept: the document gives back exactly the text it was read from.
assert document.to_source() == (HERE / "002_5927ce86d9264869.txt").read_text(encoding="utf-8")
