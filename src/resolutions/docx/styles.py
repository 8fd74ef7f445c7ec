"""Word styles: the character facts and numbering a paragraph or run gets from its styles.

A run's italics may come from its own properties, from a character style ("Emphasis"), from
its paragraph's style, or from the document's defaults; a paragraph's automatic number may
come from its own properties or from its style ("List Number"). The nearest definition wins,
each style inheriting from the one it is based on.
"""

from __future__ import annotations

from typing import Any

from attrs import define, field

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: The run properties the reader uses, by their element names.
RUN_FACTS = ("i", "b", "caps", "vanish", "vertAlign")
#: A style chain longer than this is a loop (a style based on itself, through others).
_MAX_CHAIN = 32


@define
class StyleFacts:
    """What one style says, before inheritance.

    Attributes:
        based_on: The id of the style it inherits from.
        run: Run facts it sets (``RUN_FACTS`` names to values).
        numbering: ``(numId, ilvl)`` when it numbers its paragraphs (``ilvl`` may be None).
        outline: Its outline level (0 for a top heading), when it has one.
        name: Its name ("heading 1", "Title").
    """

    based_on: str | None = None
    run: dict[str, Any] = field(factory=dict)
    numbering: tuple[str, int | None] | None = None
    outline: int | None = None
    name: str = ""


def on(element: Any) -> bool:
    """Read a Word on/off property: ``<w:i/>`` is on, ``<w:i w:val="0"/>`` off."""
    value = element.get(f"{W}val")
    return value not in ("0", "false", "off", "none")


def run_facts(properties: Any) -> dict[str, Any]:
    """Read the run facts of an ``rPr`` element."""
    facts: dict[str, Any] = {}
    if properties is None:
        return facts
    for child in properties:
        name = child.tag.removeprefix(W)
        if name in ("i", "b", "caps", "vanish"):
            facts[name] = on(child)
        elif name == "vertAlign":
            facts[name] = child.get(f"{W}val")
    return facts


def numbering_of(properties: Any) -> tuple[str, int | None] | None:
    """Read ``numPr`` (numbering id and level) from a ``pPr`` element."""
    if properties is None:
        return None
    numbering = properties.find(f"{W}numPr")
    if numbering is None:
        return None
    number = numbering.find(f"{W}numId")
    level = numbering.find(f"{W}ilvl")
    if number is None:
        return None
    value = level.get(f"{W}val") if level is not None else None
    return number.get(f"{W}val") or "0", int(value) if value and value.isdigit() else None


def outline_of(properties: Any) -> int | None:
    """Read the outline level of a ``pPr`` element (9 means body text)."""
    if properties is None:
        return None
    outline = properties.find(f"{W}outlineLvl")
    value = outline.get(f"{W}val") if outline is not None else None
    return int(value) if value and value.isdigit() and int(value) < 9 else None


class Styles:
    """A document's styles, resolved through their chains of inheritance."""

    def __init__(self, root: Any | None) -> None:
        self.styles: dict[str, StyleFacts] = {}
        self.defaults: dict[str, Any] = {}
        self.default_paragraph: str | None = None
        if root is None:
            return
        defaults = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        self.defaults = run_facts(defaults)
        for style in root.iterfind(f"{W}style"):
            style_id = style.get(f"{W}styleId")
            if not style_id:
                continue
            based = style.find(f"{W}basedOn")
            name = style.find(f"{W}name")
            paragraph = style.find(f"{W}pPr")
            self.styles[style_id] = StyleFacts(
                based_on=based.get(f"{W}val") if based is not None else None,
                run=run_facts(style.find(f"{W}rPr")),
                numbering=numbering_of(paragraph),
                outline=outline_of(paragraph),
                name=(name.get(f"{W}val") or "").lower() if name is not None else "",
            )
            if style.get(f"{W}type") == "paragraph" and style.get(f"{W}default") in ("1", "true"):
                self.default_paragraph = style_id

    def chain(self, style_id: str | None) -> list[StyleFacts]:
        """Return a style and those it inherits from, nearest first."""
        out: list[StyleFacts] = []
        seen: set[str] = set()
        while style_id and style_id in self.styles and style_id not in seen and len(out) < _MAX_CHAIN:
            seen.add(style_id)
            facts = self.styles[style_id]
            out.append(facts)
            style_id = facts.based_on
        return out

    def run(self, direct: dict[str, Any], run_style: str | None, paragraph_style: str | None) -> dict[str, Any]:
        """Resolve a run's facts: its own, then its character style's, its paragraph style's, the defaults."""
        facts = dict(self.defaults)
        for style in reversed(self.chain(paragraph_style or self.default_paragraph)):
            facts.update(style.run)
        for style in reversed(self.chain(run_style)):
            facts.update(style.run)
        facts.update(direct)
        return facts

    def numbering(self, paragraph_style: str | None) -> tuple[str, int | None] | None:
        """Return the numbering a paragraph style gives its paragraphs, if any."""
        for style in self.chain(paragraph_style):
            if style.numbering is not None:
                return style.numbering
        return None

    def heading(self, paragraph_style: str | None, outline: int | None) -> int:
        """Return a paragraph's heading level (1 for a title or top heading), or 0 for body text."""
        if outline is not None:
            return outline + 1
        for style in self.chain(paragraph_style):
            if style.name == "title":
                return 1
            if style.name.startswith("heading ") and style.name[8:].isdigit():
                return int(style.name[8:])
            if style.outline is not None:
                return style.outline + 1
        return 0
