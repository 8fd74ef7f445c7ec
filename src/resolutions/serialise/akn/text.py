"""Reading the text of Akoma Ntoso: mixed content, verb phrases and footnotes.

:class:`TextReader` turns an element's mixed content into inline nodes the way the parser makes
them (whitespace runs one space, both ends trimmed), takes a paragraph's opening verb phrase
off its ``inline[@name]``, and collects footnotes as their ``authorialNote`` or ``note`` is met.
The structure around the text is read by :mod:`resolutions.serialise.akn.reader`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

from resolutions.limits import MAX_EMPHASIS_DEPTH
from resolutions.nodes import Emphasis, EmphasisStyle, Footnote, FootnoteRef, Inline, Kind, Marking, Text, VerbPhrase
from resolutions.serialise.akn.names import VERB_NAMES

Element = etree._Element

#: The paragraph kind of each verb phrase's ``inline/@name``.
VERB_KINDS: dict[str, Kind] = {name: kind for kind, name in reversed(VERB_NAMES.items())}
#: Elements that label a structure rather than hold its text.
HEADS = frozenset({"num", "heading", "subheading", "crossHeading"})
_NOTES = frozenset({"authorialNote", "noteRef"})
_SPACES = re.compile(r"[ \t\n\r]{2,}|[\t\n\r]")


def local(element: Element) -> str:
    """An element's name without its namespace."""
    tag = element.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def first_child(element: Element | None, name: str) -> Element | None:
    """An element's first child of that (local) name, or None."""
    if element is None:
        return None
    return next((found for found in element if local(found) == name), None)


def plain(element: Element) -> str:
    """The element's text without its notes, XML whitespace runs made one space."""
    parts = [element.text or ""]
    for node in element:
        if local(node) not in _NOTES:
            parts.append(plain(node))
        parts.append(node.tail or "")
    return _SPACES.sub(" ", "".join(parts)).strip(" ")


def normal(nodes: list[Inline], *, trim: bool = True) -> list[Inline]:
    """Merge neighbouring texts, make whitespace runs one space, trim both ends (as the parser does)."""
    out: list[Inline] = []
    for node in nodes:
        if isinstance(node, Text) and out and isinstance(out[-1], Text):
            out[-1] = Text(out[-1].text + node.text)
        else:
            out.append(node)
    out = [Text(_SPACES.sub(" ", n.text)) if isinstance(n, Text) else n for n in out]
    if trim:
        if out and isinstance(out[0], Text):
            out[0] = Text(out[0].text.lstrip(" "))
        if out and isinstance(out[-1], Text):
            out[-1] = Text(out[-1].text.rstrip(" "))
    return [n for n in out if not (isinstance(n, Text) and not n.text)]


class TextReader:
    """Reads inline content and verb phrases; collects the footnotes met on the way.

    Attributes:
        ours: Whether the document was written by this library (its verb phrases then mark
            their head whenever it differs from the whole phrase).
        footnotes: The footnotes read so far, by marker, in the order they were met.
    """

    def __init__(self, ours: bool) -> None:
        self.ours = ours
        self.footnotes: dict[str, Footnote] = {}
        self.depth = 0  # how many emphasis elements the one being read is inside
        self._split: Callable[[str], tuple[str, tuple[str, ...]]] | None = None

    def text(self, blocks: list[Element]) -> tuple[VerbPhrase | None, str | None, list[Inline]]:
        """A paragraph's verb phrase (with its inline's name) and content, from its text blocks."""
        if not blocks:
            return None, None, []
        found = self.verb_of(blocks[0])
        if found is None:
            return None, None, self.inline_blocks(blocks)
        rest = self.inline(blocks[0], skip=1)
        for block in blocks[1:]:
            rest += [Text(" "), *self.inline(block)]
        return self.verb(found), found.get("name"), normal(rest)

    def verb_of(self, block: Element) -> Element | None:
        """The ``inline`` verb phrase that opens a block, if any."""
        if len(block) and not (block.text or "").strip():
            first = block[0]
            if local(first) == "inline" and first.get("name") in VERB_KINDS:
                return first
        return None

    def verb(self, element: Element) -> VerbPhrase:
        text = plain(element)
        heads = element.findall(".//{*}span[@class='head']")
        if heads:
            head = " ".join(plain(h) for h in heads)  # a head cut by a modifier: "Having also heard"
            modifiers = tuple(plain(s) for s in element.iterfind(".//{*}span[@class='modifier']"))
        elif self.ours:
            head, modifiers = text, ()
        else:
            head, modifiers = self.split(text)
        subject = element.find(".//{*}span[@class='subject']")
        return VerbPhrase(
            text, head, modifiers, _marking(element, text), subject=plain(subject) if subject is not None else None
        )

    def split(self, phrase: str) -> tuple[str, tuple[str, ...]]:
        """Split another tool's verb phrase into head and modifiers with the default lexicon."""
        if self._split is None:
            from resolutions.grammar import load_grammar

            self._split = load_grammar(None).compiled().verbs.split
        return self._split(phrase)

    def inline_blocks(self, blocks: list[Element]) -> list[Inline]:
        nodes: list[Inline] = []
        for index, block in enumerate(blocks):
            if index:
                nodes.append(Text(" "))
            nodes += self.inline(block)
        return normal(nodes)

    def inline(self, element: Element, skip: int = 0) -> list[Inline]:
        """The mixed content of an element as inline nodes, from its child number ``skip`` on."""
        out: list[Inline] = []
        text = element.text if skip == 0 else element[skip - 1].tail
        if text:
            out.append(Text(text))
        for child in element[skip:]:
            self.inline_element(child, out)
            if child.tail:
                out.append(Text(child.tail))
        return out

    def inline_element(self, element: Element, out: list[Inline]) -> None:
        name = local(element)
        if name in ("i", "b"):
            style: EmphasisStyle = "italic" if name == "i" else "bold"
            inner = element
            if not (element.text or "").strip() and len(element) == 1 and not (element[0].tail or "").strip():
                only = element[0]
                if {name, local(only)} == {"i", "b"}:
                    style, inner = "bold_italic", only
            self.depth += 1
            nodes = normal(self.inline(inner), trim=False)
            self.depth -= 1
            if self.depth >= MAX_EMPHASIS_DEPTH:  # too deep to nest: read as the text around it
                out += nodes
                return
            lead = bool(nodes) and isinstance(nodes[0], Text) and nodes[0].text.startswith(" ")
            tail = bool(nodes) and isinstance(nodes[-1], Text) and nodes[-1].text.endswith(" ")
            nodes = normal(nodes)
            out += [Text(" ")] if lead else []
            if nodes:
                out.append(Emphasis(style, tuple(nodes)))
            out += [Text(" ")] if tail else []
        elif name in ("authorialNote", "note"):
            out.append(self.note(element))
        elif name == "noteRef":
            out.append(FootnoteRef(element.get("marker") or ""))
        elif name in ("eol", "eop", "br"):
            out.append(Text(" "))
        elif name == "ref":
            # A citation (ours: a resolution's, a document's or an article's AKN URI): its text.
            # Citations are a reading of the text, so the text found again gives them again.
            out += self.inline(element)
        else:
            out += self.inline(element)

    def note(self, element: Element) -> FootnoteRef:
        """A footnote: registered at its first appearance; its place becomes a reference."""
        marker = element.get("marker") or str(len(self.footnotes) + 1)
        if marker not in self.footnotes:
            blocks = [child for child in element if local(child) not in HEADS]
            content = self.inline_blocks(blocks) if blocks else normal(self.inline(element))
            self.footnotes[marker] = Footnote(marker, tuple(content))
        return FootnoteRef(marker)

    def notes_within(self, element: Element) -> None:
        for note in element.iter("{*}authorialNote"):
            self.note(note)


def _marking(element: Element, text: str) -> Marking:
    """How a verb phrase is set off: its emphasis element, else capitals or plain."""
    if not (element.text or "").strip() and len(element) == 1 and not (element[0].tail or "").strip():
        first = element[0]
        names = [local(first)]
        if not (first.text or "").strip() and len(first) == 1 and not (first[0].tail or "").strip():
            names.append(local(first[0]))
        if "i" in names and "b" in names:
            return "bold_italic"
        if names[0] in ("i", "b"):
            return "italic" if names[0] == "i" else "bold"
    letters = [c for c in text if c.isalpha()]
    return "capitals" if len(letters) > 1 and all(c.isupper() for c in letters) else "plain"
