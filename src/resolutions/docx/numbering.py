"""Word's automatic numbering: the "1." and "(a)" a reader sees, rebuilt from ``numbering.xml``.

A numbered paragraph holds no number in its text: it points to a numbering instance (``numId``)
and a level (``ilvl``). The instance points to an abstract definition whose levels give each
level's format ("decimal", "lowerLetter", "lowerRoman", "bullet"), its pattern ("%1.", "(%2)"),
its start value, and when it restarts. Counting is per abstract definition: instances of the
same definition continue one list, and an instance with a start override ("restart numbering"
in Word) starts its levels again the first time it is used. Using a level restarts the levels
below it, unless a level says otherwise (``lvlRestart``).
"""

from __future__ import annotations

import re
from typing import Any

from attrs import define, field

from resolutions.docx.styles import W

#: Word's nine levels.
LEVELS = 9
#: Bullet glyphs from symbol fonts (private-use code points) and others, drawn as a bullet.
_BULLETS = re.compile("[\uf000-\uf0ff\u00b7\u2022\u25aa\u25cf\u25e6\u2023\u2043o§]")
_PLACEHOLDER = re.compile(r"%([1-9])")
_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl")]
_ROMAN += [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


@define
class Level:
    """One level of a numbering definition.

    Attributes:
        format: Word's number format ("decimal", "lowerLetter", "bullet", "none" ...).
        text: The pattern, "%1." or "(%2)" (a bullet glyph for bullets).
        start: The first number.
        restart: Restart after a use of a level above this index (None: any level above;
            0: never).
        legal: Write every number in the pattern as decimal ("1.1", legal numbering).
        suffix: What follows the label: "tab", "space" or "nothing".
        style: The paragraph style this level is linked to.
    """

    format: str = "decimal"
    text: str = "%1."
    start: int = 1
    restart: int | None = None
    legal: bool = False
    suffix: str = "tab"
    style: str | None = None


@define
class Instance:
    """A numbering instance (``w:num``): its definition, and the levels it overrides."""

    abstract: str
    starts: dict[int, int] = field(factory=dict)
    levels: dict[int, Level] = field(factory=dict)


def format_number(number: int, kind: str) -> str:
    """Write a number in one of Word's formats."""
    if kind in ("lowerLetter", "upperLetter"):
        letters = chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1) if number > 0 else str(number)
        return letters.upper() if kind == "upperLetter" else letters
    if kind in ("lowerRoman", "upperRoman") and 0 < number < 4000:
        numerals = ""
        for value, symbol in _ROMAN:
            count, number = divmod(number, value)
            numerals += symbol * count
        return numerals.upper() if kind == "upperRoman" else numerals
    if kind == "decimalZero":
        return f"{number:02d}"
    if kind == "ordinal":
        suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
        return f"{number}{suffix}"
    if kind == "none":
        return ""
    return str(number)


class Numbering:
    """A document's numbering definitions, and the counters of the lists read so far."""

    def __init__(self, root: Any | None) -> None:
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.instances: dict[str, Instance] = {}
        self.counters: dict[str, list[int | None]] = {}
        self.used: set[str] = set()
        if root is None:
            return
        for abstract in root.iterfind(f"{W}abstractNum"):
            levels = {int(level.get(f"{W}ilvl") or 0): _level(level) for level in abstract.iterfind(f"{W}lvl")}
            self.abstracts[abstract.get(f"{W}abstractNumId") or ""] = levels
        for number in root.iterfind(f"{W}num"):
            abstract_id = number.find(f"{W}abstractNumId")
            instance = Instance(abstract_id.get(f"{W}val") or "" if abstract_id is not None else "")
            for override in number.iterfind(f"{W}lvlOverride"):
                index = int(override.get(f"{W}ilvl") or 0)
                start = override.find(f"{W}startOverride")
                if start is not None:
                    instance.starts[index] = _int(start.get(f"{W}val"), 1)
                level = override.find(f"{W}lvl")
                if level is not None:
                    instance.levels[index] = _level(level)
            self.instances[number.get(f"{W}numId") or ""] = instance

    def level_of_style(self, number_id: str, style: str | None) -> int:
        """Return the level linked to a paragraph style in an instance's definition (else 0)."""
        instance = self.instances.get(number_id)
        if instance is None or style is None:
            return 0
        for index, level in self.abstracts.get(instance.abstract, {}).items():
            if level.style == style:
                return index
        return 0

    def label(self, number_id: str, index: int) -> tuple[str, str]:
        """Count a paragraph of a list; return its label as drawn and what follows it.

        Returns ("", "nothing") for a paragraph whose numbering is removed (``numId`` 0) or
        unknown.
        """
        instance = self.instances.get(number_id)
        if instance is None or not 0 <= index < LEVELS:
            return "", "nothing"
        levels = self.abstracts.get(instance.abstract, {})
        counters = self.counters.setdefault(instance.abstract, [None] * LEVELS)
        if number_id not in self.used:  # "restart numbering": this instance's first paragraph
            self.used.add(number_id)
            for overridden in instance.starts:
                if 0 <= overridden < LEVELS:
                    counters[overridden] = None
        level = self._level(instance, levels, index)
        start = instance.starts.get(index, level.start)
        counters[index] = start if counters[index] is None else (counters[index] or 0) + 1
        for deeper in range(index + 1, LEVELS):
            restart = self._level(instance, levels, deeper).restart
            if restart is None or (restart != 0 and index < restart):
                counters[deeper] = None
        return self._text(instance, levels, index, counters), level.suffix

    def _level(self, instance: Instance, levels: dict[int, Level], index: int) -> Level:
        return instance.levels.get(index) or levels.get(index) or Level(text=f"%{index + 1}.")

    def _text(self, instance: Instance, levels: dict[int, Level], index: int, counters: list[int | None]) -> str:
        level = self._level(instance, levels, index)
        if level.format == "bullet":
            return "•" if not level.text or _BULLETS.fullmatch(level.text) else level.text
        if level.format == "none" and "%" not in level.text:
            return level.text.strip()

        def number(match: re.Match[str]) -> str:
            at = int(match.group(1)) - 1
            other = self._level(instance, levels, at)
            value = counters[at]
            if value is None:
                value = instance.starts.get(at, other.start)
            kind = "decimal" if level.legal and at != index else other.format
            return format_number(value, kind)

        return _PLACEHOLDER.sub(number, level.text).strip()


def _level(element: Any) -> Level:
    def value(name: str) -> str | None:
        child = element.find(f"{W}{name}")
        return child.get(f"{W}val") if child is not None else None

    restart = value("lvlRestart")
    legal = element.find(f"{W}isLgl")
    return Level(
        format=value("numFmt") or "decimal",
        text=value("lvlText") or "",
        start=_int(value("start"), 1),
        restart=_int(restart, 0) if restart is not None else None,
        legal=legal is not None and legal.get(f"{W}val") not in ("0", "false"),
        suffix=value("suff") or "tab",
        style=value("pStyle"),
    )


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default
