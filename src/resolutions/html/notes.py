"""Footnotes in web pages: references paired with their bodies through the page's own links.

Pages mark footnotes in many ways (Markdown converters' ``<section class="footnotes">``, Word's
``_ftn1`` anchors, a CMS's ``#fn1``), and nearly all of them link the reference to the note:
``<a href="#fn1"><sup>1</sup></a>`` in the text, an element with ``id="fn1"`` (or an anchor
``name="fn1"``) in the note. The link is what this module follows: the block holding the target
is the note's body, and links back to the reference ("↩", "[1]") are left out of it. Notes
without links, set after a rule as "<sup>1</sup> text" paragraphs, need nothing: the parser
reads that shape itself.
"""

from __future__ import annotations

import re

from attrs import define, field
from selectolax.lexbor import LexborHTMLParser, LexborNode

#: A footnote marker as a page prints it: "1", "[1]", "(a)", "*", "†".
_MARKER = re.compile(r"^[\[(]?([0-9]{1,3}|[a-z]|[ivx]{1,4}|[*\u2020\u2021\u00a7]{1,3})[\])]?$")
#: Elements a note's body may be (the block that holds its target).
NOTE_BLOCKS = frozenset({"li", "p", "div", "section", "aside", "dd", "td", "footer", "blockquote"})


def marker(text: str) -> str | None:
    """Return the footnote marker ``text`` prints ("[1]" -> "1"), or None if it is not one."""
    match = _MARKER.match(text.strip())
    return match.group(1) if match else None


@define
class Notes:
    """Where a page's footnote references point, and which blocks are their bodies.

    Attributes:
        targets: The ids (and anchor names) that references link to, with their markers.
        sources: The ids and anchor names of the references themselves (for back links).
        bodies: The blocks that hold notes (by node identity), with their markers, in order.
        nodes: Those blocks, by node identity.
    """

    targets: dict[str, str] = field(factory=dict)
    sources: set[str] = field(factory=set)
    bodies: dict[int, str] = field(factory=dict)
    nodes: dict[int, LexborNode] = field(factory=dict)

    def is_reference(self, node: LexborNode) -> str | None:
        """Return the marker of a link to a note, or None."""
        target = _fragment(node)
        if target is None or target not in self.targets:
            return None
        return marker(node.text()) or self.targets[target]

    def is_back_link(self, node: LexborNode) -> bool:
        """Tell a link from a note back to its reference ("↩", "[1]"): left out of the note."""
        target = _fragment(node)
        return target is not None and target in self.sources


def find_notes(tree: LexborHTMLParser) -> Notes:
    """Follow the page's in-page links to find its footnote bodies."""
    notes = Notes()
    links = [(link, _fragment(link)) for link in tree.css("a[href]")]
    named = {name: node for node in tree.css("[id], a[name]") for name in _names(node)}
    for link, target in links:  # in page order: a reference comes before its note's back link
        number = marker(link.text())
        if target is None or number is None or target not in named or target in notes.sources:
            continue
        body = _body(named[target])
        if body is None or _inside(link, body):
            continue  # a link inside the note itself: the back link, not a reference
        notes.targets.setdefault(target, number)
        notes.sources.update(_names(link))
        parent = link.parent
        if parent is not None and parent.tag == "sup":
            notes.sources.update(_names(parent))
        notes.bodies.setdefault(body.mem_id, number)
        notes.nodes.setdefault(body.mem_id, body)
    return notes


def _fragment(node: LexborNode) -> str | None:
    href = node.attributes.get("href") or ""
    return href[1:] if href.startswith("#") and len(href) > 1 else None


def _names(node: LexborNode) -> list[str]:
    attributes = node.attributes
    return [value for value in (attributes.get("id"), attributes.get("name")) if value]


def _body(target: LexborNode) -> LexborNode | None:
    """Return the block that holds a note's target: the target itself, or its nearest block."""
    node: LexborNode | None = target
    while node is not None and node.tag not in NOTE_BLOCKS:
        node = node.parent
    if node is None or node.tag in ("body", "html"):
        return None
    return node


def _inside(node: LexborNode, container: LexborNode) -> bool:
    parent: LexborNode | None = node
    while parent is not None:
        if parent.mem_id == container.mem_id:
            return True
        parent = parent.parent
    return False
