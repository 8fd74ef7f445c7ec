"""Parse an African Commission resolution with a grammar that extends the UN one.

Run: python examples/add_a_body/parse_achpr.py

The body is a small .lark file (achpr.lark) that %imports the shipped grammar and %extends
two placeholders, a verb phrase added to the lexicon, and a builder that tells the library
what the new terminals are. Nothing of the library is copied or changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import resolutions
from resolutions.grammar import default_lexicon

HERE = Path(__file__).resolve().parent


class AchprBuilder(resolutions.Builder):
    """The ACHPR terminals are a header symbol and an opening formula."""

    aliases: ClassVar[dict[str, str]] = {"ACHPR_SYMBOL": "SYMBOL", "ACHPR_FORMULA": "FORMULA"}


def achpr_grammar() -> resolutions.Grammar:
    """Register the body and return its grammar."""
    lexicon = default_lexicon().extended(operative=["take cognizance"])
    return resolutions.register_grammar("achpr", HERE / "achpr.lark", lexicon=lexicon, builder=AchprBuilder)


def main() -> None:
    achpr_grammar()
    document = resolutions.parse_file(HERE / "achpr_resolution.txt", body="achpr")
    print("symbol:", document.header.symbol)
    print("title: ", document.title)
    for record in document.records():
        print(f"  {record['kind']:<11} {record['number'] or '':>3} {record['verb'] or '':<18} {record['text'][:50]}")
    print("closing:", document.closing.lines if document.closing else None)


if __name__ == "__main__":
    main()
