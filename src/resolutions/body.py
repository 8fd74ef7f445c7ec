"""The body: the opening formula, preambular and operative paragraphs, sections, annexes, closing.

Blocks arrive in reading order. A paragraph's kind follows UN drafting practice: after an
opening formula, unnumbered paragraphs that open with a participle ("Recalling", "Noting with
concern") are preambular, and paragraphs that open with an operative verb ("Decides",
"Reaffirm") or carry a number are operative. Without a formula (a chairman's summary, a web
page), numbered paragraphs are operative only where most of them open with an operative verb,
and an unnumbered one only when its verb is set off (bold, italics, capitals).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import cast

import attrs

from resolutions.blocks import (
    ANNEX_HEADING,
    CLOSING,
    MEETING,
    PART_LABEL,
    Block,
    ends_sentence,
    join_continuations,
    join_lines,
    without_trailing_refs,
)
from resolutions.conventions import Conventions
from resolutions.dates import DATE, dateline, parse_date
from resolutions.front import organ_of_formula
from resolutions.guess import guess_verb
from resolutions.inline import inline_text, to_inline
from resolutions.items import Nesting
from resolutions.limits import MAX_EMPHASIS_DEPTH, MAX_SECTION_DEPTH, TOO_DEEP
from resolutions.lines import MARKUP, VERBS, Piece
from resolutions.nodes import (
    Annex,
    Closing,
    Diagnostic,
    Formula,
    Kind,
    Paragraph,
    Preamble,
    Section,
    Span,
    SubItem,
    VerbPhrase,
)
from resolutions.split import decision_opening
from resolutions.verbs import VerbReader

#: An annex heading with its title on the same line: "Annex II Main lines of an action plan".
_TITLED_ANNEX = re.compile(r"^(?:Annex|ANNEX|Appendix|APPENDIX)(?:\s+[IVXLC0-9]+)?\.?\s+(?:[-\u2013\u2014:]\s+)?[A-Z]")
_LABEL_ONLY_HEADING = re.compile(r"^((?:[IVXLC]{1,7}|[A-Z]|[0-9]{1,2})\.?)\s+(\S.*)$")
#: How many blocks a voting record may take: the vote, and a heading and a list per side.
_MAX_RECORD_BLOCKS = 12
_MEETING = re.compile(MEETING, re.IGNORECASE)
_NUMBER = re.compile(r"[0-9]+")
#: A paragraph number, after the letters of a label that says its kind ("OP2").
_LABELLED_NUMBER = re.compile(r"[A-Z]{0,2}([0-9]+)")
#: What is not a letter or a digit (``\w`` is letters, digits and the underscore).
_NOT_ALNUM = re.compile(r"[\W_]+")
#: An operative paragraph that announces a text printed after it, which it adopts or
#: establishes: "... the statutes of which shall be as follows:", "Adopts the following Rules:".
_ANNOUNCE_TAIL = 160
_ANNOUNCES = re.compile(r"(?:\bas follows|\bthe following\b.{0,80}|\bthe present [A-Z]\w+.{0,40})\s*:$")
#: How far into the body a formula after the preamble is looked for.
_FORMULA_AHEAD_REACH = 12
#: The most words of a heading with nothing after it (the document's last block).
_LAST_HEADING_WORDS = 10
#: A heading is short; longer text without a final stop is a paragraph cut by the page.
_HEADING_LENGTH = 200


@attrs.define
class Body:
    """What the body gave, ready for the document."""

    preamble: Preamble
    blocks: tuple[Paragraph | Section, ...]
    annexes: tuple[Annex, ...]
    closing: Closing | None
    diagnostics: list[Diagnostic]


#: How a paragraph that opens with its subject begins: "The Assembly ...", "We commit ...".
_SUBJECT_WORDS = ("The ", "THE ", "We ")


class _Item:
    """A sub-item being read."""

    __slots__ = ("items", "label", "parts", "pieces")

    def __init__(self, label: str, pieces: list[Piece], parts: list[Span]) -> None:
        self.label = label
        self.pieces = pieces
        self.parts = parts
        self.items: list[_Item] = []

    def freeze(self, too_deep: list[Span]) -> SubItem:
        return SubItem(
            self.label,
            to_inline(self.pieces, too_deep),
            tuple(item.freeze(too_deep) for item in self.items),
            span=_extent(self.parts),
            parts=self.parts,
        )


class _Paragraph:
    """A paragraph being read (a plain slotted class: there is one per paragraph).

    Once the reader has moved on, the paragraph is settled: its node is made and its pieces let
    go, so that the lines they came from need not all be held until the end of the document.
    """

    __slots__ = ("items", "kind", "lettered", "nesting", "node", "number", "parts", "pieces", "semicolon", "verb")

    def __init__(
        self, kind: Kind, number: str | None, verb: VerbPhrase | None, pieces: list[Piece], parts: list[Span]
    ) -> None:
        self.kind = kind
        self.number = number
        self.verb = verb
        self.pieces = pieces
        self.parts = parts
        self.items: list[_Item] = []
        self.nesting: Nesting | None = None
        self.lettered = False  # numbered by an item label: its siblings are paragraphs too
        self.node: Paragraph | None = None  # made when the paragraph is settled
        self.semicolon = False  # its text ends with a semicolon (kept when settled)

    def add_item(self, item: _Item) -> None:
        if self.nesting is None:
            self.nesting = Nesting()
        level = self.nesting.place(item.label)
        siblings = self.items
        for _ in range(level):
            if not siblings:
                break
            siblings = siblings[-1].items
        siblings.append(item)

    def ends_with_semicolon(self) -> bool:
        """Tell whether the paragraph's text ends with a semicolon, footnote marks aside."""
        return self.semicolon if self.node is not None else _ends_with(self.pieces, ";")

    def settle(self, too_deep: list[Span]) -> None:
        """Make the node, and keep of the rest only what the numbering check reads."""
        if self.node is not None:
            return
        self.semicolon = _ends_with(self.pieces, ";")
        self.node = Paragraph(
            self.kind,
            self.number,
            self.verb,
            to_inline(self.pieces, too_deep),
            tuple(item.freeze(too_deep) for item in self.items) if self.items else (),
            span=_extent(self.parts),
            parts=self.parts,
        )
        self.pieces.clear()
        self.items.clear()
        self.nesting = None
        del self.parts[1:]

    def freeze(self, too_deep: list[Span]) -> Paragraph:
        self.settle(too_deep)
        assert self.node is not None
        return self.node


@attrs.define
class _Container:
    """A section, an annex, or the document body itself, while its children are read."""

    heading: str = ""
    label: str | None = None
    subtitle: str | None = None
    level: int = 0
    annex: bool = False
    title: str | None = None
    formula: Formula | None = None
    parts: list[Span] = attrs.field(factory=list)
    children: list[_Paragraph | _Container] = attrs.field(factory=list)
    operative: bool = False  # an operative paragraph has been read in it
    capitals: bool = False  # an unlabelled heading in capitals

    def freeze(self, too_deep: list[Span]) -> Section | Annex:
        # Annexes open only at the top (the stack is reset to them), so children are blocks.
        children = cast("tuple[Paragraph | Section, ...]", tuple(child.freeze(too_deep) for child in self.children))
        if self.annex:
            return Annex(self.heading, self.title, self.formula, children, _extent(self.parts))
        return Section(self.heading, self.label, self.subtitle, self.level, self.formula, children, _extent(self.parts))


class BodyReader:
    """Reads body blocks into paragraphs and sections."""

    def __init__(self, verbs: VerbReader, title: str | None = None, conventions: Conventions | None = None) -> None:
        self.verbs = verbs
        self.conventions = conventions or Conventions()
        self.title = _normal(title) if title else None
        self.root = _Container()
        self.stack: list[_Container] = [self.root]
        self.annexes: list[_Container] = []
        self.formula: Formula | None = None
        self.enacting: Formula | None = None
        self.formula_ahead = False  # the preamble comes before the formula (older texts)
        self.preamble: list[_Paragraph] = []
        self.last: _Paragraph | None = None  # where sub-items go; changed with set_last
        self.family_levels: dict[str, int] = {}
        self.numbered_operative = False
        self.declaration = False  # the formula is "We, ...": operative verbs in their base form
        self.first_number = True  # the numbering check has seen no paragraph number yet
        self.announced: int | None = None  # the number (0: none) of a paragraph announcing a text
        self.adopted_number: int | None = None  # the last number of that text's paragraphs
        self.diagnostics: list[Diagnostic] = []
        self.too_deep: list[Span] = []  # where emphasis was read as text for nesting too deep

    def set_last(self, paragraph: _Paragraph | None) -> None:
        """Make ``paragraph`` the one sub-items go to; the one before is settled."""
        if self.last is not None and self.last is not paragraph:
            self.last.settle(self.too_deep)
        self.last = paragraph

    # ------------------------------------------------------------ entry point
    def read(self, blocks: list[Block]) -> Body:
        """Read the body's blocks, in order; ``blocks`` is emptied, each block let go once read."""
        given = blocks
        blocks, closing_blocks = _split_closing(blocks, self.conventions)
        given.clear()
        headings = _find_headings(blocks, self.conventions.organs)
        may_continue = {id(b) for b in blocks if id(b) not in headings and b.kind != "heading"}
        blocks = join_continuations(blocks, may_continue)
        self.formula_ahead = _formula_after_preamble(blocks)
        numbered = operative = 0
        for b in blocks:
            if b.kind == "numbered":
                numbered += 1
                operative += b.opener() == "OPERATIVE_VERB"
        self.numbered_operative = bool(numbered) and operative * 2 >= numbered
        blocks.reverse()  # taken from the end: a block read is let go, and its lines with it
        while blocks:
            block = blocks.pop()
            following = blocks[-1] if blocks else None
            opener = block.opener()
            if opener == "WE":  # a declaration in the first person, its formula numbered or not
                self.declaration = True
            if id(block) in headings:
                self.heading(block, following)
            elif self.opens_operative_part(block):
                self.enacting_formula(block)
            elif (opener == "WE" and block.kind != "numbered") or (opener == "FORMULA" and len(block.lines) == 1):
                self.opening_formula(block)  # ("The Conference" / "was inaugurated ...": a sentence)
            elif block.kind in ("item", "bullet"):
                self.item(block)
            else:
                self.paragraph(block)
        self.first_number = True
        self.check_numbering(self.root, self.preamble)  # a numbered preamble's numbers go on in the body
        for annex in self.annexes:
            self.first_number = True
            self.check_numbering(annex)
        too_deep = self.too_deep
        preamble = Preamble(self.formula, tuple(p.freeze(too_deep) for p in self.preamble), self.enacting)
        body = tuple(child.freeze(too_deep) for child in self.root.children)
        annexes = tuple(annex.freeze(too_deep) for annex in self.annexes)
        for span in too_deep:
            message = f"emphasis nests more than {MAX_EMPHASIS_DEPTH} deep: the deeper markup is read as text"
            self.diagnostics.append(Diagnostic("warning", TOO_DEEP, message, "shallower emphasis", span))
        return Body(preamble, body, annexes, _closing(closing_blocks), self.diagnostics)  # type: ignore[arg-type]

    # ------------------------------------------------------------ blocks
    def heading(self, block: Block, following: Block | None) -> None:
        text = block.plain()
        label = block.label.text.strip() if block.label is not None and block.kind == "section" else None
        parts = _parts(block)
        if (named := _annex_heading(block)) is not None:
            heading, title = named
            annex = _Container(heading=heading, annex=True, title=title, parts=parts)
            self.annexes.append(annex)
            self.stack = [annex]
            self.set_last(None)
            return
        if label is None and (match := _LABEL_ONLY_HEADING.match(text)):
            label, text = match.group(1), match.group(2)
        elif label is None and PART_LABEL.match(text):
            label, text = text, ""
        current_annex = self.stack[0] if self.stack[0].annex else None
        if current_annex is not None and current_annex.title is None and not current_annex.children and label is None:
            current_annex.title = text
            current_annex.parts.extend(parts)
            return
        open_part = self.stack[-1]
        if label is None and open_part.label is not None and not open_part.heading and not open_part.children:
            open_part.heading = text  # "I" / "General provisions": the part's label, then its title
            open_part.parts.extend(parts)
            self.set_last(None)
            return
        level = self._level(label, text)
        while len(self.stack) > 1 and self.stack[-1].level >= level:
            self.stack.pop()
        subtitle = None
        if label is None and self.title and len(block.lines) > 1:
            text, subtitle = _split_subtitle([line.plain() for line in block.lines], self.title, text)
        section = _Container(heading=text, label=label, subtitle=subtitle, level=level, parts=parts)
        section.capitals = label is None and _in_capitals(text)
        self.open_section(section, block)
        self.set_last(None)

    def _level(self, label: str | None, text: str = "") -> int:
        """Return a heading's level: by its label's kind, or one below the last labelled heading.

        Among headings without labels, one in capitals heads those in ordinary case under it
        ("IDENTITY, DIVERSITY AND PLURALISM" / "Article 1 – Cultural diversity ...").
        """
        labelled = [c for c in self.stack[1:] if c.label is not None]
        if label is None:
            base = labelled[-1].level + 1 if labelled else 1
            capitals = [c for c in self.stack[1:] if c.label is None and c.capitals and c.level >= base]
            if capitals and not _in_capitals(text):
                return capitals[-1].level + 1
            return capitals[-1].level if capitals else base
        kind = (
            "roman"
            if re.fullmatch(r"[IVXLC]+\.?", label) and label.rstrip(".") not in ("C", "L", "D")
            else ("letter" if label[:1].isalpha() else "digit")
        )
        if kind not in self.family_levels:
            self.family_levels[kind] = labelled[-1].level + 1 if labelled else 1
        return self.family_levels[kind]

    def opening_formula(self, block: Block) -> None:
        self.declaration = self.declaration or block.opener() == "WE"
        formula = Formula(to_inline(_pieces(block), self.too_deep), span=_extent(_parts(block)), parts=_parts(block))
        container = self.stack[-1]
        first = self.formula is None and container is self.root and not self.root.operative
        if first and (not self.preamble or self.formula_ahead):  # "Whereas ..." / "The Security Council"
            self.formula = formula
            self.formula_ahead = False
            return
        if container.formula is not None and _formula_only(container):
            # The formula repeats (several texts adopted one after another): the new text is the
            # sibling of the one before, not its child, or a long run would nest without limit.
            self.stack.pop()
            container = self.stack[-1]
        if container is self.root or container.formula is not None or container.children:
            container = _Container(heading="", level=container.level + 1)
            self.open_section(container, block)
        container.formula = formula
        self.set_last(None)

    def open_section(self, section: _Container, block: Block) -> None:
        """Open a section in the current one; past the depth limit, beside it (and say so)."""
        if len(self.stack) > MAX_SECTION_DEPTH:  # the stack holds the body or annex, then sections
            self.stack.pop()
            section.level = self.stack[-1].level + 1
            message = f"sections nest more than {MAX_SECTION_DEPTH} deep: this one is read beside its parent"
            span = _extent(_parts(block))
            self.diagnostics.append(Diagnostic("warning", TOO_DEEP, message, "a shallower section", span))
        self.stack[-1].children.append(section)
        self.stack.append(section)

    def in_formula(self) -> bool:
        """Tell whether a section or an annex open now has a formula of its own."""
        # A loop, not any() over a generator: it is asked for every paragraph.
        for container in self.stack:  # noqa: SIM110
            if container.formula is not None:
                return True
        return False

    def opens_operative_part(self, block: Block) -> bool:
        """Tell the line a body writes between its preamble and its operative part ("RESOLVES:")."""
        if not self.conventions.operative_part or self.enacting is not None or len(self.stack) > 1:
            return False
        return len(block.lines) == 1 and self.conventions.opens_operative_part(block.plain())

    def enacting_formula(self, block: Block) -> None:
        self.enacting = Formula(
            to_inline(_pieces(block), self.too_deep), span=_extent(_parts(block)), parts=_parts(block)
        )
        self.root.operative = True  # what follows is the operative part
        self.set_last(None)

    def item(self, block: Block) -> None:
        label = block.label.text.strip() if block.label is not None else ""
        # An operative phrase under a preambular paragraph opens the operative part, labelled as
        # items are: "(1) Decides ...", "(a) Resolves ..." after "Recalling ...,".
        opens_operative = (
            self.last is not None
            and self.last.kind == "preambular"
            and not self.stack[-1].operative
            and block.opener() == "OPERATIVE_VERB"
        )
        if self.last is None or self.last.lettered or opens_operative:
            # "(a) Resolves ...", "(b) Requests ...": lettered paragraphs, with no paragraph above
            self.paragraph(block, label or None)
            if self.last is not None:
                self.last.lettered = True
            return
        item = _Item(label, _pieces(block), _parts(block))
        self.last.add_item(item)
        self.last.parts.extend(item.parts)

    def paragraph(self, block: Block, number: str | None = None) -> None:
        if block.kind in ("numbered", "section") and block.label is not None:
            number = block.label.text.strip().replace("\\", "")  # "3\." (Markdown escape) is "3."
        everything = _pieces(block)
        verb, pieces = self.verbs.take(everything)
        if verb is None and pieces and pieces[0].kind == "TEXT" and pieces[0].text.startswith(_SUBJECT_WORDS):
            verb, pieces = self.verbs.take_after_subject(pieces, self.subjects())  # "The Assembly condemns"
        elif verb is None and len(pieces) > 1 and pieces[0].kind == "WE" and pieces[1].kind == "TEXT":
            # "1. We, the States Members of the United Nations, welcome ...": "We," is read as a
            # declaration's formula would be; with what follows, it is the verb's subject
            we, text = pieces[0], pieces[1]
            joined = [Piece("TEXT", we.text + text.text, we.start, text.end), *pieces[2:]]
            verb, rest = self.verbs.take_after_subject(joined, (*self.subjects(), "We"))
            pieces = rest if verb is not None else pieces
        rule = self.conventions.label_rule(number)
        adopted = rule is None and self.adopted_text(block, number, verb)
        if verb is None and not adopted:
            verb, pieces = self.guess(block, number, pieces)
        kind = "paragraph" if adopted else self.kind(block, number, verb)
        if kind == "paragraph":
            verb, pieces = None, everything
        paragraph = _Paragraph(kind, number, verb, pieces, _parts(block))
        if kind == "operative" and _announces(block):
            self.announced = _number_value(number) or 0  # "... the statutes of which shall be as follows:"
        placed = self.formula is not None or self.formula_ahead
        if kind == "preambular" and len(self.stack) == 1 and not self.root.operative and placed:
            self.preamble.append(paragraph)
            self.set_last(paragraph)
            return
        self.add(paragraph)

    def add(self, paragraph: _Paragraph) -> None:
        container = self.stack[-1]
        container.children.append(paragraph)
        if paragraph.kind == "operative":
            for open_container in self.stack:
                open_container.operative = True
        self.set_last(paragraph)

    def subjects(self) -> tuple[str, ...]:
        """Return who may open a paragraph as its subject: the layer's, and the formula's organ."""
        subjects = self.conventions.subjects
        if self.formula is not None and (organ := organ_of_formula(inline_text(self.formula.content))):
            subjects = (*subjects, f"The {organ}")
        if self.declaration:
            subjects = (*subjects, "We")  # "We, Heads of State ...," / "3. We commit to ..."
        return subjects

    def adopted_text(self, block: Block, number: str | None, verb: VerbPhrase | None) -> bool:
        """Tell a numbered paragraph of a text that the document adopts.

        The text is printed after the paragraph that announces it ("... the statutes of which
        shall be as follows:" / "1. The purpose of the Commission shall be ..."): its numbers
        start again at 1, and no operative verb opens it (one that does is the document's own,
        and ends the adopted text).
        """
        if self.announced is None or block.kind != "numbered":
            return False
        value = _number_value(number)
        if value is None:
            return False
        if verb is not None and (
            block.opener() == "OPERATIVE_VERB" or self.verbs.kind_of(verb.text) == "OPERATIVE_VERB"
        ):
            self.announced = None
            return False
        expected = 1 if self.adopted_number is None else self.adopted_number + 1
        if value != expected or (self.adopted_number is None and 0 < self.announced == value - 1):
            self.announced = self.adopted_number = None
            return False
        self.adopted_number = value
        return True

    def guess(self, block: Block, number: str | None, pieces: list[Piece]) -> tuple[VerbPhrase | None, list[Piece]]:
        """Guess a phrase the lexicon lacks, where the paragraph's place says what it must be.

        A numbered paragraph after the formula is operative; an unnumbered one before the
        operative part that ends with a comma is preambular (see :mod:`resolutions.guess`).
        """
        if block.kind not in ("numbered", "text"):
            return None, pieces
        we = self.declaration and bool(pieces) and pieces[0].kind == "TEXT" and pieces[0].text.startswith("We ")
        if self.stack[0].annex and not we:  # an annexed declaration's "We gather ...", nothing else
            return None, pieces
        formal = self.declaration or self.formula is not None or self.in_formula()
        if number is not None and self.conventions.label_rule(number) is None and (formal or self.numbered_operative):
            place = "operative"
        elif number is None and formal and not self.stack[-1].operative:
            if not without_trailing_refs(block.plain()).endswith((",", ";")):
                return None, pieces
            place = "preambular"
        else:
            return None, pieces
        verb, rest = guess_verb(pieces, place, declaration=self.declaration)
        if verb is not None:
            message = f"the lexicon has no phrase {verb.text!r}: guessed from its form and place"
            expected = f"a {place} phrase of the lexicon (add it to grammars/lexicon/{place}.txt)"
            self.diagnostics.append(Diagnostic("info", "guessed-verb", message, expected, verb.span))
        return verb, rest

    def kind(self, block: Block, number: str | None, verb: object) -> Kind:
        """Decide whether a paragraph is preambular, operative or plain."""
        if (rule := self.conventions.label_rule(number)) is not None:  # "PP1", "OP2.", "A." (recitals)
            return rule.kind
        if block.kind == "bullet":
            number = None  # "- Recalling ...": a bullet is no number
        opener = block.opener() if verb is not None else None
        if isinstance(verb, VerbPhrase) and verb.subject is not None:
            opener = "OPERATIVE_VERB"  # the body acts: "The Assembly strongly condemns"
        elif verb is not None and opener not in VERBS:  # a phrase cut by a line break: "Having" / "considered"
            opener = self.verbs.kind_of(getattr(verb, "text", ""))
        formal = self.in_formula() or ((self.formula is not None or self.formula_ahead) and not self.stack[0].annex)
        operative_seen = self.stack[-1].operative
        # Set off by emphasis or capitals, or said by the body as the subject: surely a verb.
        marked = verb is not None and (getattr(verb, "marking", "plain") != "plain" or getattr(verb, "subject", None))
        if opener == "OPERATIVE_VERB" and (formal or marked or (number and self.numbered_operative)):
            return "operative"
        if opener == "OPERATIVE_VERB" and number is None and self._operative_run(block):
            return "operative"
        implicit = self.numbered_operative and not operative_seen  # a preamble whose formula is lost
        if opener == "PREAMBULAR_VERB" and number is None and (formal or marked or implicit) and not operative_seen:
            return "preambular"
        if opener == "PREAMBULAR_VERB" and number is not None and formal and not operative_seen:
            return "preambular"  # lettered or numbered, as the IAEA's are: "(a) Recalling resolution GC(65)/RES/7,"
        if number is not None and (formal or self.numbered_operative) and not self.stack[0].annex:
            # a number with no text ("23." left by a word processor's list) is no paragraph of its own
            return "operative" if verb is not None or block.plain() else "paragraph"
        ending = formal and not operative_seen and number is None and without_trailing_refs(block.plain())
        if ending and ending.endswith((",", ";")):  # the text's end is read only where it counts
            return "preambular"
        return "paragraph"

    def _operative_run(self, block: Block) -> bool:
        """Tell an unmarked operative paragraph in a text without a formula.

        Plain text has no italics: such a paragraph ends as operative paragraphs do, with a
        semicolon, or it follows one.
        """
        if block.plain().rstrip().endswith(";"):
            return True
        children = self.stack[-1].children
        previous = children[-1] if children else None
        return (
            isinstance(previous, _Paragraph)
            and previous.kind == "operative"
            and previous.verb is not None
            and previous.ends_with_semicolon()
        )

    # ------------------------------------------------------------ checks
    def check_numbering(self, container: _Container, preceding: Sequence[_Paragraph] = ()) -> None:
        """Report duplicate, skipped and out-of-order paragraph numbers.

        Paragraphs in a row numbered like the one before them are one report, at the first:
        a list numbered "1." throughout (as Markdown lets one write it) is one problem.
        ``preceding``: paragraphs numbered before the container's (the preamble's, before the body's).
        """
        previous: int | None = None
        repeated = 0  # paragraphs so far in the current run numbered like the one before
        repeated_at: Span | None = None
        for child in (*preceding, *container.children):
            if isinstance(child, _Container):
                self.check_numbering(child)
                continue
            if repeated and not (child.number is None or child.lettered):
                match = _numeral(child.number)
                if match is not None and int(match.group(1)) == previous:
                    repeated += 1
                    continue
            if repeated:
                self.report_repeated(previous, repeated, repeated_at)
                repeated = 0
            if child.number is None or child.lettered:
                continue
            span = child.parts[0] if child.parts else None
            match = _numeral(child.number)
            if match is None and self.conventions.label_rule(child.number) is not None:
                continue  # a label the body declares, not a number: "A." (a recital)
            if match is None:
                expected = str(previous + 1) if previous is not None else "1"
                self.report("malformed-number", f"paragraph number {child.number!r} is not a number", expected, span)
                previous = previous + 1 if previous is not None else None
                continue
            value = int(match.group(1))
            if self.first_number and value > 1 and child.kind == "operative":
                # "24. Express their gratitude": the list numbering of the file it was saved from
                # went on from the text above, or the text is an excerpt
                self.report("skipped-number", f"the first paragraph is numbered {value}", "1", span)
            self.first_number = False
            if previous is not None and value == previous:
                repeated, repeated_at = 1, span
            elif previous is not None and value > previous + 1:
                self.report(
                    "skipped-number", f"paragraph {value} follows paragraph {previous}", str(previous + 1), span
                )
            elif previous is not None and value < previous and value != 1:
                self.report(
                    "number-out-of-order", f"paragraph {value} follows paragraph {previous}", str(previous + 1), span
                )
            previous = value
        if repeated:
            self.report_repeated(previous, repeated, repeated_at)

    def report_repeated(self, value: int | None, count: int, span: Span | None) -> None:
        more = {1: "", 2: ", and so is the one after it"}.get(count, f", and so are the {count - 1:,} after it")
        message = f"paragraph {value} is numbered like the one before it{more}"
        self.report("duplicate-number", message, str((value or 0) + 1), span)

    def report(self, code: str, message: str, expected: str, span: Span | None) -> None:
        self.diagnostics.append(Diagnostic("error", code, message, f"paragraph {expected}", span or Span(0, 0)))


# ---------------------------------------------------------------------------------- helpers


def _numeral(number: str) -> re.Match[str] | None:
    """Read a paragraph's number from its label: "12.", "OP2." (WHO drafts); group 1 is its digits."""
    return _LABELLED_NUMBER.fullmatch(number.strip().rstrip(".),"))


def _formula_only(container: _Container) -> bool:
    """Tell a section that a formula opened, with no heading or label of its own."""
    return not container.heading and container.label is None and not container.annex and container.subtitle is None


def _announces(block: Block) -> bool:
    """Tell a paragraph that ends by announcing a text printed after it ("... as follows:")."""
    last = block.lines[-1].pieces
    if last and last[-1].kind == "TEXT" and not last[-1].text.rstrip().endswith(":"):
        return False  # the common case, told without the paragraph's plain text
    text = without_trailing_refs(block.plain())
    return text.endswith(":") and _ANNOUNCES.search(text[-_ANNOUNCE_TAIL:]) is not None


def _formula_after_preamble(blocks: list[Block]) -> bool:
    """Tell a text whose preamble comes before its formula: "Whereas ..., The Security Council".

    Older resolutions open so: their preambular paragraphs, then the body's name, then the
    operative part ("Decides to ...").
    """
    seen_preamble = False
    for block in blocks[:_FORMULA_AHEAD_REACH]:
        opener = block.opener()
        if opener == "PREAMBULAR_VERB" and block.kind == "text":
            seen_preamble = True
        elif opener in ("FORMULA", "WE"):
            return seen_preamble
        elif block.kind == "numbered" or opener == "OPERATIVE_VERB":
            return False
    return False


def _in_capitals(text: str) -> bool:
    return text.isupper() and sum(char.isalpha() for char in text) > 3


def _number_value(number: str | None) -> int | None:
    """Return a paragraph number's value ("12." -> 12), or None."""
    match = _NUMBER.fullmatch(number.strip().rstrip(".),")) if number else None
    return int(match.group(0)) if match else None


def _ends_with(pieces: list[Piece], end: str) -> bool:
    """Tell whether the plain text of pieces (as ``plain_text`` gives it) ends with ``end``."""
    for piece in reversed(pieces):
        if piece.kind in MARKUP:
            continue
        text = (piece.text[1:] if piece.kind == "ESCAPE" else piece.text).rstrip()
        if text and piece.kind != "GAP":
            return text.endswith(end)
    return False


def _pieces(block: Block) -> list[Piece]:
    """Return a block's pieces, with a line break between lines and its lone markers at the end."""
    pieces: list[Piece] = []
    for line in block.lines:
        if line.pieces and pieces:
            pieces.append(Piece("BREAK", " ", line.pieces[0].start, line.pieces[0].start))
        pieces.extend(line.pieces)
    for mark in block.marks:
        if mark.label is not None:
            pieces.append(Piece("LONE_MARKER", mark.label.text, mark.label.start, mark.label.end))
    return pieces


def _parts(block: Block) -> list[Span]:
    """Return the source ranges of a block's own lines and markers, in order."""
    lines = block.lines
    if not block.marks:  # most blocks
        if len(lines) == 1:  # most paragraphs of long-line text, every label alone on its line
            start = lines[0].content_start
            return [Span(start, lines[0].eol)] if lines[0].eol > start else []
        return [Span(start, line.eol) for line in lines if line.eol > (start := line.content_start)]
    ranges = [(line.content_start, line.eol) for line in lines if line.eol > line.content_start]
    ranges.extend((mark.content_start, mark.eol) for mark in block.marks)
    ranges.sort()
    return [Span(start, end) for start, end in ranges]


def _extent(parts: list[Span]) -> Span:
    """Return the range from the first part to the last (parts are in order and do not overlap)."""
    if not parts:
        return Span(0, 0)
    if len(parts) == 1:
        return parts[0]  # spans are immutable: one object serves both
    return Span(parts[0].start, parts[-1].end)


def _find_headings(blocks: list[Block], organs: tuple[str, ...] = ()) -> set[int]:
    """Return the ``id`` of the blocks that are headings (``organs``: the body's, see :func:`_is_heading`)."""
    found = set()
    for position, block in enumerate(blocks):
        following = blocks[position + 1] if position + 1 < len(blocks) else None
        if _is_heading(block, following, organs):
            found.add(id(block))
    return found


def _is_heading(block: Block, following: Block | None, organs: tuple[str, ...] = ()) -> bool:
    """Tell a heading; a decision's sentence is none ("The Health Assembly elected the following officers:")."""
    if block.kind == "heading":
        return True
    if block.kind not in ("section", "text") or (block.kind == "text" and block.opener() in VERBS):
        return False
    if block.kind == "text" and _annex_heading(block) is not None:
        return True  # "Annex" alone on its line, its title under it or beside it
    text = block.plain()
    if block.kind == "section":  # "IV. Reducing drug abuse ...", unless it reads as a paragraph
        reads_as_paragraph = block.opener() is not None and ends_sentence(text)
        return (
            len(text) <= _HEADING_LENGTH * 2
            and not reads_as_paragraph
            and not (following is not None and _lowercase_start(following))
        )
    if block.kind != "text" or not text:
        return False
    if ANNEX_HEADING.match(text) or PART_LABEL.match(text):
        return True
    if block.opener() is not None or ends_sentence(text) or decision_opening(text, organs) is not None:
        return False
    if following is None:  # a last paragraph ends with a stop; a last heading heads an empty part
        return len(text.split()) <= _LAST_HEADING_WORDS and len(block.lines) <= 2 and text[:1].isupper()
    if following.opener() in ("FORMULA", "WE"):  # the title of an adopted text, then its formula
        return len(text) <= _HEADING_LENGTH * 2
    if len(text) > _HEADING_LENGTH or len(block.lines) > 3 or _lowercase_start(following):
        return False
    return text[:1].isupper() or text[:1].isdigit() or text[:1] in "\u201c\"'"


def _annex_heading(block: Block) -> tuple[str, str | None] | None:
    """Read an annex's heading and title: "Annex" / "List of items", "Annex II Main lines of ..."."""
    text = block.plain()
    if ANNEX_HEADING.match(text):
        return text, None
    first = block.lines[0].plain()
    rest = [line.plain() for line in block.lines[1:]]
    if ANNEX_HEADING.match(first):
        return first, join_lines(rest)
    if _TITLED_ANNEX.match(first) is None or len(text) > _HEADING_LENGTH or ends_sentence(text):
        return None
    return first, join_lines(rest) or None  # the heading line as printed, its title beside "Annex II"


def _normal(text: str) -> str:
    """Return text in lower case, with each run of characters but letters and digits one space."""
    return _NOT_ALNUM.sub(" ", text.lower()).strip()


def _split_subtitle(lines: list[str], title: str, text: str) -> tuple[str, str | None]:
    """Split "<the document's title> <a subtitle>" printed over several lines into the two."""
    for count in range(1, len(lines)):
        head = join_lines(lines[:count])
        if _normal(head) == title:
            return head, join_lines(lines[count:])
    return text, None


def _lowercase_start(block: Block) -> bool:
    return block.kind == "text" and block.plain()[:1].islower()


def _split_closing(blocks: list[Block], conventions: Conventions) -> tuple[list[Block], list[Block]]:
    """Split off the closing lines at the end ("28th plenary meeting", a place and date).

    A voting record in brackets may follow them ("[Adopted by a recorded vote of 18 to 7 ...
    In favour: ... Abstaining: ...]", as the Human Rights Council prints it). A body declares
    closing lines of its own ("Assembly debate on 25 January 2022 ...").
    """
    end = _vote_record(blocks)
    while end > 0 and (_is_closing(blocks[end - 1]) or conventions.closes(blocks[end - 1].plain())):
        end -= 1
    return blocks[:end], blocks[end:]


def _vote_record(blocks: list[Block]) -> int:
    """Return where a bracketed voting record closing the document starts (its length if none)."""
    if not blocks or not blocks[-1].plain().rstrip(" .").endswith("]"):
        return len(blocks)
    for start in range(len(blocks) - 1, max(-1, len(blocks) - _MAX_RECORD_BLOCKS - 1), -1):
        text = blocks[start].plain().lstrip()
        if text.startswith("[") and CLOSING.match(text, 1):
            return start
        if text.startswith("[") or blocks[start].opener() in VERBS:
            break
    return len(blocks)


def _is_closing(block: Block) -> bool:
    if block.kind not in ("text", "numbered") or block.opener() in VERBS:
        return False
    text = block.plain()
    if CLOSING.match(text) or dateline(text) is not None:
        return True
    if text.startswith("(") and text.rstrip(" .").endswith(")") and CLOSING.match(text, 1):
        return True  # "(Ninth plenary meeting, 27 May 2013 - Committee A, fourth report)", as WHO prints it
    return DATE.fullmatch(text.strip(" .*_")) is not None  # a date alone: "29 October 2018"


def _closing(blocks: list[Block]) -> Closing | None:
    if not blocks:
        return None
    lines = [line.plain() for block in blocks for line in block.lines if line.plain()]
    text = " ".join(lines)
    meeting = _MEETING.search(text)
    place = None
    date = parse_date(text)
    for line in lines:
        if (found := dateline(line)) is not None:
            place = found[0]
            date = found[1] or date
    parts = [part for block in blocks for part in _parts(block)]
    return Closing(tuple(lines), meeting.group(0) if meeting else None, date, place, _extent(parts))
