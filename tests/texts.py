"""Texts of any size made from a seed, for measuring memory: long lines, hard-wrapped, hostile.

Shared by ``tests/test_memory.py`` and ``benchmarks/bench_memory.py``, so that the test and the
benchmark measure the same texts.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

#: The seed the texts are made from (an ECOSOC resolution, in Markdown).
SEED = Path(__file__).resolve().parents[1] / "examples" / "002_5927ce86d9264869.txt"


def seed_text(size: int) -> str:
    """The seed's head, then its body (from the first numbered paragraph on) repeated."""
    text = SEED.read_text(encoding="utf-8")
    start = text.index("\n1. ")
    body = text[start:]
    return text[:start] + body * (size // len(body) + 1)


def wrapped_text(size: int) -> str:
    """The seed's paragraphs hard-wrapped at 50 characters, a blank line between paragraphs."""
    text = SEED.read_text(encoding="utf-8")
    start = text.index("\n1. ")
    paragraphs = [" ".join(part.split()) for part in text[start:].split("\n\n") if part.strip()]
    body = "".join(textwrap.fill(paragraph, 50) + "\n\n" for paragraph in paragraphs)
    return text[:start] + body * (size // len(body) + 1)


def numbered_text(size: int) -> str:
    """Short numbered paragraphs: "12. Decides to act."."""
    units = [f"{number % 999 + 1}. Decides to act.\n\n" for number in range(999)]
    unit = "".join(units)
    return unit * (size // len(unit) + 1)


def tiny_text(size: int) -> str:
    """Lines of one character and a line break, one paragraph."""
    return "a\n" * (size // 2 + 1)


KINDS = {"seed": seed_text, "wrapped": wrapped_text, "numbered": numbered_text, "tiny": tiny_text}
