"""Read a resolution of the Inter-Parliamentary Union with a body layer of one's own.

Run: python examples/add_a_body/parse_ipu.py

The layer is a folder (``ipu/``): ``body.toml`` declares the body's conventions, ``ipu.lark``
extends the shipped grammar with the IPU's opening formula, and ``lexicon/`` adds a phrase.
Nothing of the library is subclassed, copied or changed; once registered, the body takes part
in detection, so ``parse_file`` finds it by itself.
"""

from __future__ import annotations

from pathlib import Path

import resolutions

HERE = Path(__file__).resolve().parent


def main() -> None:
    resolutions.register_body(HERE / "ipu")
    document = resolutions.parse_file(HERE / "ipu_resolution.txt")
    print("read as:", document.grammar)
    print("title:  ", document.title)
    print("place:  ", document.header.place, document.header.date)
    for record in document.records():
        print(f"  {record['kind']:<11} {record['label'] or '':>4} {record['verb'] or '':<18} {record['text'][:50]}")


if __name__ == "__main__":
    main()
