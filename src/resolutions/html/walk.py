"""Walk a web page's tree into blocks of styled text: what a reader of the page sees.

Blocks come from the HTML itself: paragraphs, list items (with the numbers and bullets the
browser draws), headings (written as Markdown headings, by level), table cells, line breaks.
Pages rendered from Akoma Ntoso mark their blocks with classes on spans (``class="akn-p"``),
which count as blocks too. Inside a block, ``<i>``/``<em>`` (or an italic style) mark
emphasis, and ``<sup>`` or a link to a footnote marks a reference.

A number or a bullet alone in a block (a list item's label before its ``<p>``, the first cell
of a layout table, an Akoma Ntoso ``akn-num``) is carried into the next block, so that "1." and
its text stay on one line as the reader sees them.

What a page shows around the document (navigation, forms, scripts, a site's header and footer
outside its ``<main>`` or ``<article>``) is left out, as is what it hides.

The walk is iterative: a page nested ten thousand levels deep is read like any other.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from resolutions.flavour import Span, block_text
from resolutions.html.notes import Notes, marker

#: Elements that start and end a block.
_BLOCKS = frozenset(
    "address article aside blockquote body caption center dd details dialog div dl dt fieldset figcaption "
    "figure footer h1 h2 h3 h4 h5 h6 header hgroup li main ol p pre section summary table tbody td tfoot th "
    "thead tr ul".split()
)
#: Elements whose content is not text a reader reads (or not the document's).
_SKIPPED = frozenset(
    "head title script style noscript template svg math canvas iframe object embed video audio map "
    "button select textarea input nav form menu".split()
)
#: A site's frame, left out unless it is inside the page's main content.
_FRAME = frozenset({"header", "footer", "aside"})
#: Class or id words that name a site's furniture inside its content: share buttons, breadcrumbs.
_FURNITURE = frozenset(
    "share sharing social breadcrumb breadcrumbs cookie cookies sidebar toolbar pagination pager skip print".split()
)
_WORDS = re.compile(r"[A-Za-z]+")
_ITALIC = frozenset({"i", "em", "cite", "var", "dfn"})
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
#: Akoma Ntoso elements that are blocks, as rendered to HTML: class="akn-p", "akn-heading" ...
_AKN_BLOCKS = frozenset(
    "p heading subheading intro listIntroduction wrapUp listWrapUp item paragraph subparagraph blockList "
    "longTitle preface preamble formula conclusions tblock container division section article point list "
    "content hcontainer level clause chapter part title blockContainer".split()
)
#: A number or a bullet that stands for a block's label: "1.", "(a)", "iv)", "A.", "•".
_LABEL = re.compile(
    r"^(?:\(?[0-9]{1,3}[.)]?|\(?[a-z]{1,2}[.)]|\([a-z]{1,2}\)|\(?[ivxlc]{1,6}[.)]|[A-Z]\.|[IVXLC]{1,6}\.|[•◦▪–-])$"
)
_ITALIC_STYLE = re.compile(r"font-style\s*:\s*(?:italic|oblique)", re.IGNORECASE)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_SUPER_STYLE = re.compile(r"vertical-align\s*:\s*super", re.IGNORECASE)
_NO_MARKER = re.compile(r"list-style(?:-type)?\s*:\s*none", re.IGNORECASE)
_WHITE = re.compile(r"\s+")


class Walker:
    """Turn a page's content into blocks (and footnote bodies into notes)."""

    def __init__(self, notes: Notes) -> None:
        self.notes = notes
        self.blocks: list[str] = []
        self.note_texts: list[tuple[str, str]] = []
        self.spans: list[Span] = []
        self.carried = ""  # a label waiting for its block
        self.heading = 0
        self.pre = 0
        self.read_notes: set[int] = set()

    def walk(self, root: LexborNode, *, framed: bool) -> None:
        """Walk ``root``'s subtree; ``framed`` says whether it is the page's main content."""
        italic = 0
        counters: list[list[int | str]] = []  # per open list: [next number, type, depth], or ["•"]
        stack: list[tuple[LexborNode, bool]] = [(root, True)]
        while stack:
            node, entering = stack.pop()
            tag = node.tag or ""
            if not entering:
                italic -= self._italic(node)
                if tag in ("ol", "ul"):
                    counters.pop()
                if self._is_block(node):
                    self.end_block()
                if tag == "pre":
                    self.pre -= 1
                continue
            if tag == "-text":
                self._text(node.text_content or "", italic > 0)
                continue
            if tag.startswith("-") or tag in _SKIPPED or self._hidden(node):
                continue
            if tag in _FRAME and not framed:
                continue
            if node.mem_id in self.notes.bodies and node is not root:
                self._note(node, self.notes.bodies[node.mem_id])
                continue
            if self._reference(node):
                continue
            if tag == "br":
                self.spans.append(Span("\n"))
                continue
            if tag == "hr":
                self.end_block()
                self.blocks.append("---")
                continue
            if self._is_block(node):
                self.start_block(node, counters)
            if tag in ("ol", "ul"):
                counters.append(_counter(node, sum(1 for counter in counters if len(counter) == 3)))
            if tag == "pre":
                self.pre += 1
            italic += self._italic(node)
            stack.append((node, False))
            stack.extend((child, True) for child in reversed(list(node.iter(include_text=True))))
        self.end_block()

    # ------------------------------------------------------------------ blocks

    def start_block(self, node: LexborNode, counters: list[list[int | str]]) -> None:
        self.end_block()
        tag = node.tag or ""
        self.heading = _HEADINGS.get(tag, 0)
        if tag == "li" and counters:
            label = _next_label(node, counters[-1])
            if label:
                self.carried = f"{self.carried} {label}".strip()

    def end_block(self) -> None:
        """Write the block so far; a block holding only a label is carried into the next one."""
        text = block_text(self.spans, keep_lines=True, preformatted=self.pre > 0).strip() if self.spans else ""
        self.spans = []
        if not text:
            return
        if _LABEL.match(text) and not self.heading:
            self.carried = f"{self.carried} {text}".strip()
            return
        if self.carried:
            text = f"{self.carried} {text}"
            self.carried = ""
        if self.heading:
            text = "#" * self.heading + " " + text.replace("\n", " ")
            self.heading = 0
        self.blocks.append(text)

    def finish(self) -> None:
        """Write a label left waiting, and read the notes that lie outside the content walked."""
        self.end_block()
        if self.carried:
            self.blocks.append(self.carried)
            self.carried = ""
        for identity, node in self.notes.nodes.items():
            if identity not in self.read_notes:
                self._note(node, self.notes.bodies[identity])

    # ------------------------------------------------------------------ inline

    def _text(self, text: str, italic: bool) -> None:
        if not self.pre:
            text = _WHITE.sub(" ", text)
        if text:
            self.spans.append(Span(text, italic=italic))

    def _reference(self, node: LexborNode) -> bool:
        """Take a footnote reference (a raised marker, or a link to a note); skip a back link."""
        tag = node.tag
        if tag == "a" and self.notes.is_back_link(node):
            return True
        number: str | None = None
        if tag == "a":
            number = self.notes.is_reference(node)
        elif tag == "sup" or _SUPER_STYLE.search(node.attributes.get("style") or ""):
            number = marker(node.text())
        if number is None:
            return False
        self.spans.append(Span(number, reference=True))
        return True

    def _note(self, node: LexborNode, number: str) -> None:
        """Read a footnote's body on its own and keep it for the notes."""
        self.read_notes.add(node.mem_id)
        inner = Walker(Notes(targets=self.notes.targets, sources=self.notes.sources))
        inner.walk(node, framed=True)
        inner.end_block()
        if inner.carried:
            inner.blocks.append(inner.carried)
        text = " ".join(inner.blocks)
        text = re.sub(r"^(?:<sup>[^<]*</sup>|\[?[0-9]{1,3}\]?)\s*", "", text)  # the marker, printed again
        self.note_texts.append((number, text.strip()))

    @staticmethod
    def _italic(node: LexborNode) -> int:
        tag = node.tag or ""
        return int(tag in _ITALIC or bool(_ITALIC_STYLE.search(node.attributes.get("style") or "")))

    @staticmethod
    def _hidden(node: LexborNode) -> bool:
        """Tell an element the page hides, or a site's furniture inside the content."""
        attributes = node.attributes
        if "hidden" in attributes or attributes.get("aria-hidden") == "true":
            return True
        if _HIDDEN_STYLE.search(attributes.get("style") or ""):
            return True
        names = f"{attributes.get('class') or ''} {attributes.get('id') or ''}".lower()
        return bool(names.strip()) and any(word in _FURNITURE for word in _WORDS.findall(names))

    @staticmethod
    def _is_block(node: LexborNode) -> bool:
        tag = node.tag or ""
        if tag in _BLOCKS:
            return True
        classes = node.attributes.get("class") or ""
        return "akn-" in classes and any(
            name.startswith("akn-") and name[4:] in _AKN_BLOCKS for name in classes.split()
        )


def _counter(node: LexborNode, depth: int) -> list[int | str]:
    attributes = node.attributes
    if _NO_MARKER.search(attributes.get("style") or ""):
        return ["none"]
    if node.tag == "ul":
        return ["•"]
    start = attributes.get("start") or "1"
    return [int(start) if start.lstrip("-").isdigit() else 1, attributes.get("type") or "1", depth]


def _next_label(item: LexborNode, counter: list[int | str]) -> str:
    """Return the label of a list item, and count it.

    A top-level list's items are labelled as the browser draws them ("1.", "a."); a numbered
    list inside another is labelled in parentheses ("(1)", "(a)"), as resolutions print their
    sub-items, so that the nesting the page shows by indentation survives in the text.
    """
    if counter[0] in ("•", "none"):
        return "" if counter[0] == "none" else "•"
    value = item.attributes.get("value")
    number = int(value) if value and value.lstrip("-").isdigit() else int(counter[0])
    counter[0] = number + 1
    label = _format(number, str(counter[1]))
    return f"({label})" if int(counter[2]) else f"{label}."


def _format(number: int, kind: str) -> str:
    if kind in ("a", "A") and 1 <= number <= 26 * 27:
        letters = ""
        while number:
            number, rest = divmod(number - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if kind == "A" else letters
    if kind in ("i", "I") and 1 <= number < 4000:
        numerals = ""
        for value, symbol in _ROMAN:
            count, number = divmod(number, value)
            numerals += symbol * count
        return numerals.upper() if kind == "I" else numerals
    return str(number)


_ROMAN = [
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
]
