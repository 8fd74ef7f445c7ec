"""The Akoma Ntoso writer: a document as AKN 3.0 XML, built as text.

It builds text rather than an lxml tree: that is faster, needs no XML library (lxml is needed
only to read AKN back), and keeps whitespace where it belongs. A pretty-printer would indent
inside a ``p`` that holds only an element (``<p><i>x</i></p>``), changing the text; here line
breaks go only between block elements, and mixed content is written exactly.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from resolutions.citations.markup import Marker, akn_uri
from resolutions.citations.tree import marks
from resolutions.nodes import Emphasis, Section, Text
from resolutions.serialise.akn.meta import Identity, References, identification, identity, lifecycle, proprietary
from resolutions.serialise.akn.names import AKN_NS, INVALID_XML, SOURCE, VERB_NAMES, EIds, attr, esc
from resolutions.serialise.akn.preface import conclusions, preface

if TYPE_CHECKING:
    from resolutions.nodes import (
        Annex,
        Block,
        Document,
        Footnote,
        Formula,
        Inline,
        Paragraph,
        Preamble,
        SubItem,
        VerbPhrase,
    )

_EMPHASIS = {"italic": ("<i>", "</i>"), "bold": ("<b>", "</b>"), "bold_italic": ("<b><i>", "</i></b>")}
_NO_SPACE_BEFORE = frozenset(",;:.")


class Writer:
    """Writes one document; holds the eIds made so far and the footnotes not yet placed."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.ids = EIds()
        self.refs = References(self.ids)
        self.pending: dict[str, Footnote] = {}
        for footnote in document.footnotes:
            self.pending.setdefault(footnote.marker, footnote)
        self.placed: dict[str, str] = {}
        self.notes_in: dict[str, int] = {}
        self.citations = marks(document)  # id of an inline content -> its citations

    def write(self) -> str:
        doc = self.document
        ident = identity(doc)
        parts = [
            preface(doc, self.refs, self.ids, "preface", "    "),
            self.preamble(doc.preamble, "preamble", "    "),
            self.main_body(doc.body, "", "    "),
            conclusions(doc.closing, self.refs, "    "),
            self.attachments(doc.annexes, ident),
        ]
        meta = self.meta(ident)
        body = "\n".join(part for part in (meta, *parts) if part)
        xml = (
            f'<?xml version="1.0" encoding="UTF-8"?>\n<akomaNtoso xmlns="{AKN_NS}">\n'
            f'  <statement name="{ident.name}">\n{body}\n  </statement>\n</akomaNtoso>\n'
        )
        return INVALID_XML.sub("", xml) if INVALID_XML.search(xml) else xml

    def meta(self, ident: Identity) -> str:
        doc = self.document
        notes = self.unplaced_notes("      ")
        parts = [
            identification(ident, "main", "      ", self.refs),
            lifecycle(doc, self.refs, "      "),
            self.refs.xml(ident, "      "),
            notes,
            proprietary(doc, "      "),
        ]
        return "\n".join(["    <meta>", *(p for p in parts if p), "    </meta>"])

    def unplaced_notes(self, pad: str) -> str:
        """Footnotes no text refers to (a header's "*"): they go to ``meta/notes``."""
        if not self.pending:
            return ""
        out = [f'{pad}<notes source="#{SOURCE}">']
        counters: dict[str, int] = {}
        while self.pending:  # a note may place another (a footnote that refers to a footnote)
            footnote = self.pending.pop(next(iter(self.pending)))
            eid = self.ids.make("", "note", None, counters, ordinal=True)
            self.placed[footnote.marker] = eid
            content = self.inline(footnote.content, eid)
            out.append(f'{pad}  <note eId="{eid}" marker="{attr(footnote.marker)}"><p>{content}</p></note>')
        out.append(f"{pad}</notes>")
        return "\n".join(out)

    # ------------------------------------------------------------------------------ blocks

    def preamble(self, preamble: Preamble, prefix: str, pad: str) -> str:
        out: list[str] = []
        if preamble.formula is not None:
            out.append(self.formula(preamble.formula, prefix, pad + "  "))
        if preamble.paragraphs:
            recitals = self.ids.make(prefix, "recs", None, {}, ordinal=True)
            out.append(f'{pad}  <recitals eId="{recitals}">')
            counters: dict[str, int] = {}
            for paragraph in preamble.paragraphs:
                self.recital(out, paragraph, recitals, counters, pad + "    ")
            out.append(f"{pad}  </recitals>")
        if preamble.enacting is not None:
            out.append(self.formula(preamble.enacting, prefix, pad + "  ", "enactingFormula"))
        if not out:
            return ""
        return "\n".join([f"{pad}<preamble>", *out, f"{pad}</preamble>"])

    def formula(self, formula: Formula, prefix: str, pad: str, name: str = "openingFormula") -> str:
        eid = self.ids.make(prefix, "formula", None, {}, ordinal=True)
        return f'{pad}<formula name="{name}" eId="{eid}"><p>{self.inline(formula.content, eid)}</p></formula>'

    def recital(self, out: list[str], paragraph: Paragraph, parent: str, counters: dict[str, int], pad: str) -> None:
        """A preambular paragraph: ``recital``, its sub-items a ``blockList`` (a recital holds blocks)."""
        eid = self.ids.make(parent, "rec", paragraph.label, counters, ordinal=True)
        num = f"<num>{esc(paragraph.label)}</num>" if paragraph.label is not None else ""
        opening = f'{pad}<recital eId="{eid}" class="{paragraph.kind}">{num}<p>{self.text(paragraph, eid)}</p>'
        if not paragraph.items:
            out.append(f"{opening}</recital>")
            return
        out.append(opening)
        self.block_list(out, paragraph.items, eid, pad + "  ")
        out.append(f"{pad}</recital>")

    def block_list(self, out: list[str], items: tuple[SubItem, ...], parent: str, pad: str) -> None:
        eid = self.ids.make(parent, "list", None, {}, ordinal=True)
        out.append(f'{pad}<blockList eId="{eid}">')
        counters: dict[str, int] = {}
        for item in items:
            iid = self.ids.make(eid, "item", item.label, counters)
            opening = f'{pad}  <item eId="{iid}"><num>{esc(item.label)}</num><p>{self.inline(item.content, iid)}</p>'
            if not item.items:
                out.append(f"{opening}</item>")
                continue
            out.append(opening)
            self.block_list(out, item.items, iid, pad + "    ")
            out.append(f"{pad}  </item>")
        out.append(f"{pad}</blockList>")

    def main_body(self, blocks: tuple[Block, ...], prefix: str, pad: str) -> str:
        out = [f"{pad}<mainBody>"]
        self.blocks(out, blocks, prefix, pad + "  ", 1)
        if len(out) == 1:
            out.append(f"{pad}  <p/>")  # mainBody must hold something; an empty p reads back as nothing
        out.append(f"{pad}</mainBody>")
        return "\n".join(out)

    def blocks(self, out: list[str], blocks: tuple[Block, ...], prefix: str, pad: str, depth: int) -> None:
        counters: dict[str, int] = {}
        for block in blocks:
            if isinstance(block, Section):
                self.section(out, block, prefix, counters, pad, depth)
            else:
                self.paragraph(out, block, prefix, counters, pad)

    def section(
        self, out: list[str], section: Section, prefix: str, counters: dict[str, int], pad: str, depth: int
    ) -> None:
        """A section: ``section`` at the top, ``subsection`` below; a formula is its ``intro``."""
        tag, abbr = ("section", "sec") if depth == 1 else ("subsection", "subsec")
        eid = self.ids.make(prefix, abbr, section.label, counters)
        head = f"<num>{esc(section.label)}</num>" if section.label is not None else ""
        if section.heading:
            head += f"<heading>{esc(section.heading)}</heading>"
        if section.subtitle is not None:
            head += f"<subheading>{esc(section.subtitle)}</subheading>"
        out.append(f'{pad}<{tag} eId="{eid}">{head}')
        if section.formula is not None:
            intro = self.ids.reserve(f"{eid}__intro")
            content = self.inline(section.formula.content, intro)
            out.append(f'{pad}  <intro eId="{intro}"><p class="formula">{content}</p></intro>')
        self.blocks(out, section.children, eid, pad + "  ", depth + 1)
        out.append(f"{pad}</{tag}>")

    def paragraph(self, out: list[str], paragraph: Paragraph, prefix: str, counters: dict[str, int], pad: str) -> None:
        """A paragraph: ``num`` and ``content``, or with sub-items ``list`` (``intro``, ``point``)."""
        eid = self.ids.make(prefix, "para", paragraph.label, counters)
        num = f"<num>{esc(paragraph.label)}</num>" if paragraph.label is not None else ""
        if not paragraph.items:
            text = self.text(paragraph, eid)
            opening = f'{pad}<paragraph eId="{eid}" class="{paragraph.kind}">{num}'
            out.append(f"{opening}<content><p>{text}</p></content></paragraph>")
            return
        out.append(f'{pad}<paragraph eId="{eid}" class="{paragraph.kind}">{num}')
        self.sub_list(out, lambda owner: self.text(paragraph, owner), paragraph.items, eid, pad + "  ")
        out.append(f"{pad}</paragraph>")

    def sub_list(
        self, out: list[str], text_of: Callable[[str], str], items: tuple[SubItem, ...], parent: str, pad: str
    ) -> None:
        """Sub-items: ``list``, the text before them its ``intro`` (``text_of`` the owner's eId)."""
        eid = self.ids.make(parent, "list", None, {}, ordinal=True)
        out.append(f'{pad}<list eId="{eid}">')
        intro = self.ids.reserve(f"{eid}__intro")
        text = text_of(intro)
        if text:
            out.append(f'{pad}  <intro eId="{intro}"><p>{text}</p></intro>')
        counters: dict[str, int] = {}
        for item in items:
            self.point(out, item, eid, counters, pad + "  ")
        out.append(f"{pad}</list>")

    def point(self, out: list[str], item: SubItem, parent: str, counters: dict[str, int], pad: str) -> None:
        eid = self.ids.make(parent, "point", item.label, counters)
        num = f"<num>{esc(item.label)}</num>"
        if not item.items:
            out.append(
                f'{pad}<point eId="{eid}">{num}<content><p>{self.inline(item.content, eid)}</p></content></point>'
            )
            return
        out.append(f'{pad}<point eId="{eid}">{num}')
        self.sub_list(out, lambda owner: self.inline(item.content, owner), item.items, eid, pad + "  ")
        out.append(f"{pad}</point>")

    def attachments(self, annexes: tuple[Annex, ...], ident: Identity) -> str:
        """Each annex as ``attachment/doc[@name="annex"]``, with its own identification."""
        if not annexes:
            return ""
        out = ["    <attachments>"]
        for number, annex in enumerate(annexes, 1):
            eid = self.ids.reserve(f"att_{number}")
            pad = "        "
            out.append(f'      <attachment eId="{eid}">')
            out.append('        <doc name="annex">')
            meta = identification(ident, f"annex_{number}", pad + "    ", self.refs)
            out.append(f"{pad}  <meta>\n{meta}\n{pad}  </meta>")
            title = ""
            if annex.title is not None:
                long_title = self.ids.reserve(f"{eid}__preface__longTitle_1")
                title = f'<longTitle eId="{long_title}"><p><docTitle>{esc(annex.title)}</docTitle></p></longTitle>'
            out.append(f'{pad}  <preface><p class="heading">{esc(annex.heading)}</p>{title}</preface>')
            if annex.formula is not None:
                formula = self.formula(annex.formula, f"{eid}__preamble", pad + "    ")
                out.append(f"{pad}  <preamble>\n{formula}\n{pad}  </preamble>")
            out.append(self.main_body(annex.children, eid, pad + "  "))
            out.append("        </doc>")
            out.append("      </attachment>")
        out.append("    </attachments>")
        return "\n".join(out)

    # ------------------------------------------------------------------------------ inline

    def text(self, paragraph: Paragraph, owner: str) -> str:
        """A paragraph's text: its verb phrase as ``inline``, a space, then its content."""
        content = self.inline(paragraph.content, owner)
        verb = paragraph.verb
        if verb is None:
            return content
        phrase = f'<inline name="{VERB_NAMES[paragraph.kind]}">{_verb(verb)}</inline>'
        if not content:
            return phrase
        first = paragraph.content[0]
        joint = "" if isinstance(first, Text) and first.text[:1] in _NO_SPACE_BEFORE else " "
        return phrase + joint + content

    def inline(self, nodes: tuple[Inline, ...], owner: str) -> str:
        """A content's inline nodes as XML, its citations as ``ref``.

        ``owner`` is the eId the footnotes placed here hang from.
        """
        found = self.citations.get(id(nodes))
        if found is None and len(nodes) == 1 and type(nodes[0]) is Text:
            return esc(nodes[0].text)
        return self.inline_nodes(nodes, owner, Marker(found) if found else None)

    def inline_nodes(self, nodes: tuple[Inline, ...], owner: str, marker: Marker | None) -> str:
        parts: list[str] = []
        for node in nodes:
            if isinstance(node, Text):
                parts.append(esc(node.text) if marker is None else _cited(node.text, marker))
            elif isinstance(node, Emphasis):
                opening, closing = _EMPHASIS[node.style]
                parts.append(opening + self.inline_nodes(node.children, owner, marker) + closing)
            else:
                parts.append(self.reference(node.marker, owner))
        return "".join(parts)

    def reference(self, marker: str, owner: str) -> str:
        """The first reference to a footnote carries it (``authorialNote``); later ones point to it."""
        footnote = self.pending.pop(marker, None)
        if footnote is not None:
            self.notes_in[owner] = count = self.notes_in.get(owner, 0) + 1
            eid = self.ids.reserve(f"{owner}__authorialNote_{count}")
            self.placed[marker] = eid
            content = self.inline(footnote.content, eid)
            opening = f'<authorialNote marker="{attr(marker)}" placement="bottom" eId="{eid}">'
            return f"{opening}<p>{content}</p></authorialNote>"
        target = self.placed.get(marker)
        if target is not None:
            return f'<noteRef marker="{attr(marker)}" href="#{target}"/>'
        return f'<noteRef marker="{attr(marker)}" href="#" class="unresolved"/>'


def _cited(text: str, marker: Marker) -> str:
    """A text node with its citations as ``<ref href>`` (the AKN URI of what is cited)."""
    parts = []
    for piece, citation in marker.pieces(text):
        if citation is None:
            parts.append(esc(piece))
        else:
            parts.append(f'<ref href="{attr(akn_uri(citation))}">{esc(piece)}</ref>')
    return "".join(parts)


def _verb(verb: VerbPhrase) -> str:
    """The verb phrase, its head and modifiers marked when it has modifiers, in its emphasis."""
    body = esc(verb.text)
    if verb.modifiers or verb.subject is not None:
        spans = _verb_spans(verb)
        if spans is not None and verb.subject is not None and verb.text.startswith(verb.subject):
            spans = [(0, len(verb.subject), "subject"), *[span for span in spans if span[0] >= len(verb.subject)]]
        if spans:
            parts: list[str] = []
            pos = 0
            for start, end, role in spans:
                parts += [esc(verb.text[pos:start]), f'<span class="{role}">', esc(verb.text[start:end]), "</span>"]
                pos = end
            parts.append(esc(verb.text[pos:]))
            body = "".join(parts)
    if verb.marking in _EMPHASIS:
        opening, closing = _EMPHASIS[verb.marking]
        return opening + body + closing
    return body


def _verb_spans(verb: VerbPhrase) -> list[tuple[int, int, str]] | None:
    """Find the modifiers and the head in the phrase, in order; None if they cannot be found."""
    text, head = verb.text, verb.head
    spans: list[tuple[int, int, str]] = []
    pos = 0
    head_found = False
    for modifier in verb.modifiers:
        at = text.find(modifier, pos)
        if not head_found:
            head_at = text.find(head, pos)
            if head_at >= 0 and (at < 0 or head_at < at):
                spans.append((head_at, head_at + len(head), "head"))
                pos = head_at + len(head)
                head_found = True
                at = text.find(modifier, pos)
        if at < 0:
            return None
        spans.append((at, at + len(modifier), "modifier"))
        pos = at + len(modifier)
    if not head_found:
        head_at = text.find(head, pos)
        if head_at < 0:
            return _split_head_spans(verb)
        spans.append((head_at, head_at + len(head), "head"))
    return spans


def _split_head_spans(verb: VerbPhrase) -> list[tuple[int, int, str]] | None:
    """Mark a head that modifiers cut in two ("Having *also* heard") as one span per piece."""
    text = verb.text
    spans: list[tuple[int, int, str]] = []
    pos = 0
    for modifier in verb.modifiers:
        at = text.find(modifier, pos)
        if at < 0:
            return None
        spans.append((at, at + len(modifier), "modifier"))
        pos = at + len(modifier)
    pieces: list[tuple[int, int, str]] = []
    pos = 0
    for start, end, _ in [*spans, (len(text), len(text), "")]:
        piece = text[pos:start]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            pieces.append((pos + lead, pos + len(piece.rstrip()), "head"))
        pos = end
    if " ".join(text[s:e] for s, e, _ in pieces).split() != verb.head.split():
        return None
    return sorted(spans + pieces)
