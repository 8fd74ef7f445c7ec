"""Reading Akoma Ntoso into a document: our own output exactly, other tools' as well as we can.

Our output comes back to the same tree (``from_akn(doc.to_akn()) == doc``): paragraph kinds
from ``@class``, verb phrases from ``inline[@name]``, the header's exact values from
``meta/proprietary``. AKN from other tools (bluebell, Indigo) is read by its structure: any
hierarchical element with a ``heading`` is a section, a ``paragraph``'s ``num`` is its number,
``authorialNote`` and ``note`` are footnotes; what it leaves unsaid is worked out as the parser
would (the header's fields from its lines, a verb phrase's head from the lexicon).

The XML is parsed with lxml, safely: entities are not resolved, no DTD is loaded, nothing is
fetched, and a document that has a DTD at all is refused before anything is read from it.
Imported documents have no source text and their nodes have no spans.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs
from lxml import etree

from resolutions.errors import ParseError
from resolutions.limits import MAX_ITEM_DEPTH, MAX_SECTION_DEPTH
from resolutions.nodes import (
    Annex,
    Block,
    Closing,
    Document,
    Footnote,
    Formula,
    Header,
    HeaderLine,
    Kind,
    Paragraph,
    Preamble,
    Section,
    SubItem,
    Text,
    Title,
)
from resolutions.serialise.akn.names import OWN_NS, SOURCE
from resolutions.serialise.akn.text import HEADS, VERB_KINDS, Element, TextReader, first_child, local, plain
from resolutions.serialise.akn.values import closing_values, header_values

_KINDS: dict[str, Kind] = {"preambular": "preambular", "operative": "operative", "paragraph": "paragraph"}
_SECTIONS = frozenset(
    "section subsection part subpart chapter subchapter division subdivision title subtitle book tome level "
    "hcontainer clause subclause article".split()
)
_PARAGRAPHS = frozenset("paragraph subparagraph alinea rule subrule point indent item transitional".split())
_DOCUMENTS = frozenset(
    "act amendment amendmentList bill debate debateReport doc documentCollection judgment officialGazette "
    "portion statement".split()
)
_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
#: A DOCTYPE in the prolog, after a byte order mark, the declaration, comments and spaces.
_DOCTYPE_TEXT = re.compile(r"^\ufeff?(?:\s|<\?.*?\?>|<!--.*?-->)*<!DOCTYPE", re.DOTALL)
_DOCTYPE_BYTES = re.compile(rb"^(?:\xef\xbb\xbf)?(?:\s|<\?.*?\?>|<!--.*?-->)*<!DOCTYPE", re.DOTALL)
_POSITION = re.compile(r",? line [0-9]+, column [0-9]+$")


def read(xml: str | bytes) -> Document:
    """Read Akoma Ntoso XML into a document (see :func:`resolutions.serialise.akn.from_akn`)."""
    root = _parse(xml)
    if local(root) != "akomaNtoso":
        raise ParseError(f"the root element is <{local(root)}>", expected="an <akomaNtoso> document")
    document = next((child for child in root if local(child) in _DOCUMENTS), None)
    if document is None:
        raise ParseError("<akomaNtoso> holds no document", expected="<statement>, <doc>, <act> ...")
    return _Reader(document).document()


def _parse(xml: str | bytes) -> Element:
    head = xml[:4096]
    if (_DOCTYPE_TEXT.match(head) if isinstance(head, str) else _DOCTYPE_BYTES.match(head)) is not None:
        raise _dtd_refused()
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True, remove_pis=True
    )
    try:
        if isinstance(xml, str):  # lxml refuses text that declares an encoding; the text is decoded already
            root = etree.fromstring(_DECLARATION.sub("", xml.lstrip("\ufeff"), count=1), parser)
        else:
            root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as exc:
        line, column = exc.position
        message = _POSITION.sub("", exc.msg)
        raise ParseError(f"this is not well-formed XML: {message}", line=line, column=max(0, column - 1)) from exc
    info = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None or info.externalDTD is not None:
        raise _dtd_refused()  # one the quick look missed (another encoding): refused all the same
    return root


def _dtd_refused() -> ParseError:
    return ParseError(
        "the XML has a DTD (<!DOCTYPE ...>): refused, so that no entity is expanded and nothing is fetched",
        expected="Akoma Ntoso XML, which needs no DTD",
        hint="remove the <!DOCTYPE> declaration",
    )


class _Reader(TextReader):
    """Reads one document element; the text reader collects footnotes as their notes are met."""

    def __init__(self, root: Element) -> None:
        self.root = root
        self.meta = first_child(root, "meta")
        identification = first_child(self.meta, "identification")
        super().__init__(identification is not None and identification.get("source") == f"#{SOURCE}")
        proprietary = [p for p in self.meta if local(p) == "proprietary"] if self.meta is not None else []
        found = (e for p in proprietary for e in p if e.tag == f"{{{OWN_NS}}}document")
        self.own: Element | None = next(found, None)

    def document(self) -> Document:
        root = self.root
        for notes in self.meta if self.meta is not None else ():
            if local(notes) == "notes":  # footnotes no text refers to
                for note in notes:
                    self.note(note)
        header, titles = self.preface(first_child(root, "preface"))
        preamble = self.preamble(first_child(root, "preamble"))
        body = self.blocks(_main_body(root), 1)
        closing = self.closing(first_child(root, "conclusions"))
        attachments = first_child(root, "attachments")
        annexes = [self.annex(a) for a in attachments if local(a) == "attachment"] if attachments is not None else []
        return Document(
            header=header,
            titles=tuple(titles),
            preamble=preamble,
            body=tuple(body),
            annexes=tuple(annexes),
            footnotes=tuple(self.ordered_footnotes()),
            closing=closing,
        )

    def ordered_footnotes(self) -> list[Footnote]:
        """Footnotes in the source's order when our metadata gives it, else in document order."""
        order = self.own.get("footnotes", "").split() if self.own is not None else []
        if sorted(order) == sorted(self.footnotes):
            return [self.footnotes[marker] for marker in order]
        return list(self.footnotes.values())

    # ------------------------------------------------------------------------------ front and back

    def preface(self, preface: Element | None) -> tuple[Header, list[Title]]:
        lines: list[HeaderLine] = []
        titles: list[Title] = []
        for element in self.preface_blocks(preface):
            self.notes_within(element)
            text = plain(element)
            role = element.get("class") or ""
            if (
                local(element) == "longTitle"
                or role == "title"
                or (not role and element.find(".//{*}docTitle") is not None)
            ):
                titles.append(Title(text))
            elif role == "subtitle":
                titles.append(Title(text, "subtitle"))
            else:
                lines.append(HeaderLine(role or "other", text))
        own = first_child(self.own, "header")
        return header_values(lines, preface, own), titles

    def preface_blocks(self, element: Element | None) -> Iterator[Element]:
        for child in element if element is not None else ():
            if local(child) in ("container", "blockContainer"):
                yield from self.preface_blocks(child)
            else:
                yield child

    def closing(self, conclusions: Element | None) -> Closing | None:
        if conclusions is None:
            return None
        blocks = list(self.preface_blocks(conclusions))
        for block in blocks:
            self.notes_within(block)
        lines = [text for text in map(plain, blocks) if text]
        if not lines:
            return None
        return closing_values(lines, conclusions, first_child(self.own, "closing"))

    def annex(self, attachment: Element) -> Annex:
        document = next((c for c in attachment if local(c) in _DOCUMENTS), attachment)
        preface = first_child(document, "preface")
        heading, title = None, None
        for element in self.preface_blocks(preface):
            self.notes_within(element)
            if element.get("class") == "heading" and heading is None:
                heading = plain(element)
            elif title is None and (local(element) == "longTitle" or element.find(".//{*}docTitle") is not None):
                title = plain(element)
        if heading is None:
            named = first_child(attachment, "heading")
            heading = (plain(named) if named is not None else "") or "Annex"
        preamble = self.preamble(first_child(document, "preamble"))
        children: list[Block] = [*preamble.paragraphs, *self.blocks(_main_body(document), 1)]
        return Annex(heading=heading, title=title, formula=preamble.formula, children=tuple(children))

    # ------------------------------------------------------------------------------ structure

    def preamble(self, preamble: Element | None) -> Preamble:
        formula: Formula | None = None
        enacting: Formula | None = None
        paragraphs: list[Paragraph] = []
        for element in self.preamble_blocks(preamble):
            name = local(element)
            if name == "formula" and element.get("name") == "enactingFormula":
                enacting = Formula(tuple(self.inline_blocks(list(element))))
            elif name == "formula" and formula is None and not paragraphs:
                formula = Formula(tuple(self.inline_blocks(list(element))))
            elif (
                name in ("p", "blockContainer")
                and formula is None
                and not paragraphs
                and not self.ours
                and not self.verb_of(element)
            ):
                formula = Formula(tuple(self.inline_blocks([element])))  # another tool's bare opening line
            elif name not in ("formula", "intro", "wrapUp"):
                paragraph = self.paragraph(element, "preambular")
                if paragraph is not None:
                    paragraphs.append(paragraph)
        return Preamble(formula=formula, paragraphs=tuple(paragraphs), enacting=enacting)

    def preamble_blocks(self, element: Element | None) -> Iterator[Element]:
        for child in element if element is not None else ():
            if local(child) in ("recitals", "citations", "container") and child.get("name") != "preambularParagraph":
                yield from self.preamble_blocks(child)
            else:
                yield child

    def blocks(self, parent: Element | None, depth: int) -> list[Block]:
        """Read a run of blocks; another tool's bare headings open a section of what follows them."""
        out: list[Block] = []
        open_heading: str | None = None
        gathered: list[Block] = []
        for element in parent if parent is not None else ():
            name = local(element)
            if name == "crossHeading" or (name in _SECTIONS and not self.ours and _heading_only(element)):
                if open_heading is not None:
                    out.append(Section(heading=open_heading, level=depth, children=tuple(gathered)))
                open_heading, gathered = plain(element), []
                continue
            block = self.block(element, depth)
            if block is None:
                continue
            if open_heading is not None and isinstance(block, Paragraph):
                gathered.append(block)
                continue
            if open_heading is not None:
                out.append(Section(heading=open_heading, level=depth, children=tuple(gathered)))
                open_heading = None
            if isinstance(block, Section) and depth > MAX_SECTION_DEPTH:
                out.extend(_flattened(block))
                continue
            out.append(block)
        if open_heading is not None:
            out.append(Section(heading=open_heading, level=depth, children=tuple(gathered)))
        return out

    def block(self, element: Element, depth: int) -> Block | None:
        name = local(element)
        if name in _SECTIONS and (
            first_child(element, "heading") is not None or first_child(element, "content") is None
        ):
            return self.section(element, depth)
        if name in _PARAGRAPHS or name in _SECTIONS or name in ("p", "blockContainer", "container"):
            return self.paragraph(element, "paragraph")
        return None

    def section(self, element: Element, depth: int) -> Section:
        num, heading, subheading = (first_child(element, n) for n in ("num", "heading", "subheading"))
        formula: Formula | None = None
        children: list[Block] = []
        for part in (first_child(element, "intro"), first_child(element, "content")):
            for block in part if part is not None else ():
                if block.get("class") == "formula" and formula is None and not children:
                    formula = Formula(tuple(self.inline_blocks([block])))
                else:
                    paragraph = self.paragraph(block, "paragraph")
                    if paragraph is not None:
                        children.append(paragraph)
        children += self.blocks(element, depth + 1)
        return Section(
            heading=plain(heading) if heading is not None else "",
            label=plain(num) if num is not None else None,
            subtitle=plain(subheading) if subheading is not None else None,
            level=depth,
            formula=formula,
            children=tuple(children),
        )

    def paragraph(self, element: Element, default: Kind) -> Paragraph | None:
        texts, items = self.unit(element, 1)
        verb, verb_name, content = self.text(texts)
        num = first_child(element, "num")
        if local(element) in ("p", "blockContainer") and verb is None and not content:
            return None  # an empty p (our empty mainBody's) is no paragraph
        kind = _KINDS.get(element.get("class") or "") or VERB_KINDS.get(verb_name or "") or default
        number = plain(num) if num is not None else None
        return Paragraph(kind=kind, label=number, verb=verb, content=tuple(content), items=tuple(items))

    def unit(self, element: Element, depth: int) -> tuple[list[Element], list[SubItem]]:
        """Split a paragraph-like element into the blocks of its own text and its sub-items.

        ``depth`` is the depth of those sub-items; deeper than MAX_ITEM_DEPTH, an item's own
        items are lifted to follow it.
        """
        if local(element) in ("p", "blockContainer"):
            return [element], []
        texts: list[Element] = []
        items: list[SubItem] = []
        for child in element:
            name = local(child)
            if name in HEADS:
                continue
            if name in ("content", "intro", "wrapUp", "list", "blockList", "listIntroduction", "listWrapUp"):
                inner_texts, inner_items = self.unit(child, depth)
                texts += inner_texts
                items += inner_items
            elif name in _PARAGRAPHS:
                item = self.item(child, depth)
                if depth >= MAX_ITEM_DEPTH and item.items:
                    items.append(attrs.evolve(item, items=()))
                    items.extend(item.items)
                else:
                    items.append(item)
            elif name not in _SECTIONS:
                texts.append(child)
        return texts, items

    def item(self, element: Element, depth: int) -> SubItem:
        num = first_child(element, "num")
        texts, items = self.unit(element, depth + 1)
        return SubItem(
            label=plain(num) if num is not None else "", content=tuple(self.inline_blocks(texts)), items=tuple(items)
        )


def _flattened(section: Section) -> list[Block]:
    """Return a section too deep to nest as paragraphs: its heading, its formula, its content.

    Its own sections were read deeper still, so they are flattened already.
    """
    heading = " ".join(part for part in (section.label, section.heading, section.subtitle) if part)
    out: list[Block] = [Paragraph("paragraph", content=(Text(heading),))] if heading else []
    if section.formula is not None:
        out.append(Paragraph("paragraph", content=section.formula.content))
    out.extend(section.children)
    return out


def _main_body(document: Element) -> Element | None:
    found = first_child(document, "mainBody")
    return found if found is not None else first_child(document, "body")


def _heading_only(element: Element) -> bool:
    """Whether an element is a bare heading (bluebell's ``hcontainer/crossHeading``)."""
    names = {local(child) for child in element}
    return bool(names) and names <= {"crossHeading", "heading"}
