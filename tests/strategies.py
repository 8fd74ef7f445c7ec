"""Hypothesis strategies: every strategy of the test suite lives here.

Texts are built from the pieces real documents are made of (labels, verb phrases, header
fields, markup, page furniture, footnote marks) mixed with arbitrary Unicode, line endings,
form feeds, no-break spaces, tabs and NUL, so that the parser meets both the familiar and the
absurd.
"""

from __future__ import annotations

from hypothesis import strategies as st

_FRAGMENTS = [
    "1. ",
    "12. ",
    "(a) ",
    "(iv) ",
    " - (b) ",
    "- ",
    "# ",
    "### ",
    "I. ",
    "B. ",
    "The General Assembly,",
    "The Security Council",
    "We, the Ministers",
    "Recalling ",
    "Recalling also ",
    "*Also recognize* ",
    "**Reaffirm** also ",
    "<i>Demands</i> ",
    "URGES Member States:",
    "Decides to remain seized of the matter.",
    "Distr.: General",
    "31 October 2018",
    "A/RES/73/7",
    "Agenda item 77",
    "Seventy-third session",
    "18-18142 (E)",
    "*1818142*",
    "2/5",
    "021118",
    "__________________",
    "---",
    "***",
    "<sup>1</sup>",
    "\u00b9",
    "\\*",
    "\\_",
    "Court, 2",
    "Court 1",
    "Diseases,1",
    "Annex",
    "28th plenary meeting",
    "(Tehran, 27 February 2017)",
    "<details>",
    "<b>",
    "</b>",
    "   ",
    "\t",
    "\u00a0",
    "\f",
    "\r\n",
    "\n",
    "\n\n",
    "\r",
    "\x00",
    "*",
    "**",
    "<",
    ">",
    "\\",
]

fragments = st.sampled_from(_FRAGMENTS)


def any_text() -> st.SearchStrategy[str]:
    """Arbitrary strings: Unicode, control characters and line breaks of every kind."""
    return st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300)


def document_like_text() -> st.SearchStrategy[str]:
    """Strings assembled from document fragments and arbitrary text, in any order."""
    piece = st.one_of(fragments, fragments, any_text().map(lambda s: s[:40]))
    return st.lists(piece, max_size=60).map("".join)


def texts() -> st.SearchStrategy[str]:
    """Either kind of text: what property 1 (parse never fails, source kept) runs over."""
    return st.one_of(any_text(), document_like_text())


# ---------------------------------------------------------------------------------- documents
# Whole documents, built as node trees. They stay inside what the canonical plain-text and
# Markdown layouts express without ambiguity, which is what a drafter writes:
# - text is whitespace-normalised words and punctuation, with accented letters, typographic
#   quotes and dashes, numbers and symbols, but no markup characters (* < [ \);
# - a paragraph with no verb phrase opens with a word that is not a verb phrase, and what
#   follows a verb phrase does not extend it ("Noting" + "with concern" would read as one);
# - paragraphs end with their punctuation ("," preambular, ";" or "." operative, "." narrative);
# - headings, titles and closing lines are short and end without a full stop;
# - a text with an opening formula has preambular and operative paragraphs; one without has
#   narrative paragraphs (plain text cannot italicise a verb to make it operative);
# - unlabelled sections sit at the top or right under a labelled one ("A." > "Achievements").

import datetime  # noqa: E402

import attrs  # noqa: E402

from resolutions.grammar import default_lexicon  # noqa: E402
from resolutions.nodes import (  # noqa: E402
    Annex,
    Closing,
    Document,
    Emphasis,
    Footnote,
    FootnoteRef,
    Formula,
    Header,
    Inline,
    Paragraph,
    Preamble,
    Section,
    SubItem,
    Text,
    Title,
    VerbPhrase,
)

_WORDS = (
    "cooperation development rights peace security Member States international community report "
    "programme implementation human dignity resources 2030 Agenda sustainable children women "
    "région café naïve Zürich “shared responsibility” don’t 25 per cent 1,000 A/RES/73/7 "
    "S/2014/136 — – § © 3.5 % (UNODC) e-commerce non-governmental co-operation follow-up"
).split()
_NARRATIVE_OPENERS = ("The", "Participants", "Delegations", "Several", "Governments", "Experts", "Many")
_OBJECT_OPENERS = ("that", "the", "its", "all")
_TITLE_WORDS = ("Report", "Protection", "Principles", "Situation", "Question", "Follow-up", "Strengthening")
_HEADINGS = ("Achievements", "Challenges and priorities", "General provisions", "Implementation", "Financing")
_ORGANS = ("General Assembly", "Security Council", "Economic and Social Council", "Human Rights Council")
_BODIES = ("Commission on Narcotic Drugs", "Committee on the Rights of the Child", "Commission on the Status of Women")
_PLACES = ("Vienna", "New York", "Geneva", "Nairobi")
_ORDINALS = ("Fifty-second", "Sixty-sixth", "Seventy-third", "Eleventh")


def _words(minimum: int, maximum: int) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(_WORDS), min_size=minimum, max_size=maximum).map(" ".join)


def _sentence_tail(end: str) -> st.SearchStrategy[str]:
    return _words(3, 25).map(lambda words: words + end)


@st.composite
def _content(draw: st.DrawFn, opener: str, end: str, markers: list[str]) -> tuple[Inline, ...]:
    """Inline content: an opening word, words with an occasional italic title or reference."""
    nodes: list[Inline] = [Text(f"{opener} {draw(_words(2, 12))}")]
    for _ in range(draw(st.integers(0, 2))):
        choice = draw(st.integers(0, 2))
        if choice == 0 and markers:
            nodes.append(FootnoteRef(draw(st.sampled_from(markers))))
            nodes.append(Text(f" {draw(_words(1, 8))}"))
        elif choice == 1:
            nodes.append(Text(" "))
            nodes.append(Emphasis("italic", (Text(draw(_words(1, 4))),)))
            nodes.append(Text(f" {draw(_words(1, 8))}"))
    last = nodes[-1]
    assert isinstance(last, Text)
    nodes[-1] = Text(last.text + end)
    return tuple(nodes)


def _verb(phrase: str) -> VerbPhrase:
    return VerbPhrase(phrase, phrase, (), "italic")


@st.composite
def _items(draw: st.DrawFn, depth: int = 0) -> tuple[SubItem, ...]:
    families = (
        [f"({c})" for c in "abcdefgh"],
        ["(i)", "(ii)", "(iii)", "(iv)", "(v)"],
        [f"({n})" for n in range(1, 9)],
    )
    count = draw(st.integers(0, 3 if depth == 0 else 2))
    labels = families[depth][:count]
    out = []
    for label in labels:
        children = draw(_items(depth + 1)) if depth < 2 and draw(st.booleans()) else ()
        text = f"to {draw(_words(2, 10))};"
        out.append(SubItem(label, (Text(text),), children))
    return tuple(out)


@st.composite
def _operative(draw: st.DrawFn, number: str | None, lexicon_forms: list[str], markers: list[str]) -> Paragraph:
    verb = draw(st.sampled_from(lexicon_forms))
    content = draw(_content(draw(st.sampled_from(_OBJECT_OPENERS)), draw(st.sampled_from([";", "."])), markers))
    return Paragraph("operative", number, _verb(verb), content, draw(_items()))


def _numbers(count: int) -> st.SearchStrategy[list[str]]:
    """Paragraph numbers in order, now and then repeated or skipping one."""

    @st.composite
    def build(draw: st.DrawFn) -> list[str]:
        numbers, value = [], 1
        for _ in range(count):
            numbers.append(f"{value}.")
            value += draw(st.sampled_from([1, 1, 1, 1, 0, 2]))
        return numbers

    return build()


@st.composite
def resolutions_(draw: st.DrawFn) -> Document:
    """A resolution or declaration: formula, preamble, operative part, sections, annex, notes."""
    lexicon = default_lexicon()
    first_person = draw(st.booleans())
    preambular = sorted(p[:1].upper() + p[1:] for p in lexicon.preambular if " " not in p)
    forms = [form for form in lexicon.written_operative() if " " not in form]
    verbs = [f[:1].upper() + f[1:] for f in forms if f.endswith("s") != first_person and f[:3] != "are"]
    count = draw(st.integers(0, 4))
    markers = [str(n) for n in range(1, count + 1)]
    formula_text = (
        f"We, the Ministers and representatives of {draw(_words(1, 6))},"
        if first_person
        else f"The {draw(st.sampled_from(_ORGANS))},"
    )
    preamble = [
        Paragraph("preambular", None, _verb(draw(st.sampled_from(preambular))), draw(_content("the", ",", markers)))
        for _ in range(draw(st.integers(0, 4)))
    ]
    body: list[Paragraph | Section] = []
    numbers = draw(_numbers(draw(st.integers(1, 6))))
    for number in numbers:
        body.append(draw(_operative(number if draw(st.integers(0, 5)) else None, verbs, markers)))
    for letter in "ABC"[: draw(st.integers(0, 2))]:
        children: list[Paragraph | Section] = [
            draw(_operative(n, verbs, markers)) for n in draw(_numbers(draw(st.integers(1, 3))))
        ]
        if draw(st.booleans()):
            sub = [draw(_operative(n, verbs, markers)) for n in draw(_numbers(draw(st.integers(1, 2))))]
            children.append(Section(draw(st.sampled_from(_HEADINGS)), None, None, 2, None, tuple(sub)))
        body.append(
            Section(
                f"{draw(st.sampled_from(_TITLE_WORDS))} {draw(_words(1, 4))}",
                f"{letter}.",
                None,
                1,
                None,
                tuple(children),
            )
        )
    header = draw(_header())
    if header.organ is None and not first_person:  # the formula names the organ
        header = attrs.evolve(header, organ=formula_text[4:-1])
    return Document(
        header=header,
        titles=(Title(f"{draw(st.sampled_from(_TITLE_WORDS))} of {draw(_words(1, 6))}"),),
        preamble=Preamble(Formula((Text(formula_text),)), tuple(preamble)),
        body=tuple(body),
        annexes=draw(_annexes()),
        footnotes=tuple(Footnote(m, (Text(draw(_sentence_tail("."))),)) for m in markers),
        closing=draw(_closing()),
    )


@st.composite
def narratives(draw: st.DrawFn) -> Document:
    """A text without a formula: a chairman's summary, a conference outcome, a web page."""
    paragraphs = []
    numbered = draw(st.booleans())
    for position in range(draw(st.integers(1, 6))):
        opener = draw(st.sampled_from(_NARRATIVE_OPENERS))
        paragraphs.append(
            Paragraph("paragraph", f"{position + 1}." if numbered else None, None, draw(_content(opener, ".", [])))
        )
    return Document(
        header=draw(_header()),
        titles=(Title(f"{draw(st.sampled_from(_TITLE_WORDS))} of {draw(_words(1, 6))}"),),
        body=tuple(paragraphs),
        closing=draw(_closing()),
    )


def documents() -> st.SearchStrategy[Document]:
    """Generated documents of both families."""
    return st.one_of(resolutions_(), narratives())


@st.composite
def _header(draw: st.DrawFn) -> Header:
    if not draw(st.booleans()):
        return Header()
    date = draw(st.dates(datetime.date(1946, 1, 1), datetime.date(2030, 12, 31)))
    organ = draw(st.sampled_from(_ORGANS))
    return Header(
        organ=organ,
        body=draw(st.sampled_from((None, *_BODIES))),
        symbol=draw(st.sampled_from((None, "A/RES/73/7", "E/CN.7/2014/L.1", "S/RES/242 (1967)"))),
        distribution=draw(st.sampled_from((None, "General", "Limited"))),
        date=date,
        original_language=draw(st.sampled_from((None, "English", "French"))),
        session=draw(st.sampled_from((None, *[f"{o} session" for o in _ORDINALS]))),
        place=draw(st.sampled_from((None, *_PLACES))),
        agenda_item=draw(st.sampled_from((None, "77", "13 (b)"))),
    )


@st.composite
def _annexes(draw: st.DrawFn) -> tuple[Annex, ...]:
    if not draw(st.booleans()):
        return ()
    paragraphs = tuple(
        Paragraph("paragraph", f"{n}.", None, draw(_content(draw(st.sampled_from(_NARRATIVE_OPENERS)), ".", [])))
        for n in range(1, draw(st.integers(1, 3)) + 1)
    )
    title = draw(st.sampled_from((None, "List of participants", "Terms of reference")))
    return (Annex(draw(st.sampled_from(("Annex", "Annex I"))), title, None, paragraphs),)


@st.composite
def _closing(draw: st.DrawFn) -> Closing | None:
    if not draw(st.booleans()):
        return None
    date = draw(st.dates(datetime.date(1946, 1, 1), datetime.date(2030, 12, 31)))
    meeting = f"{draw(st.integers(1, 99))}th plenary meeting"
    return Closing((meeting, f"{date.day} {date:%B %Y}"), meeting, date)


# ---------------------------------------------------------------------------------- node trees
# Arbitrary node trees for the serialisers' round trips (property 3): every node class and
# every field, also those equality ignores (spans, parts, repeats, furniture, diagnostics,
# source), filled with arbitrary Unicode. Unlike documents(), they need not be anything a
# parser could read back from text: JSON must carry whatever tree it is given.

from resolutions import nodes as _tree_nodes  # noqa: E402


def _tree_strings() -> st.SearchStrategy[str]:
    return st.text(st.characters(codec="utf-8"), max_size=8)


def _tree_optional_strings() -> st.SearchStrategy[str | None]:
    return st.none() | _tree_strings()


def _tree_spans() -> st.SearchStrategy[_tree_nodes.Span]:
    offsets = st.integers(min_value=0, max_value=2**40)
    return st.tuples(offsets, offsets).map(lambda pair: _tree_nodes.Span(min(pair), max(pair)))


def _tree_span_tuples() -> st.SearchStrategy[tuple[_tree_nodes.Span, ...]]:
    return st.lists(_tree_spans(), max_size=2).map(tuple)


def _tree_dates() -> st.SearchStrategy[object]:
    return st.none() | st.dates()


def _tree_inlines() -> st.SearchStrategy[tuple[_tree_nodes.Inline, ...]]:
    leaf = st.builds(_tree_nodes.Text, _tree_strings(), _tree_spans()) | st.builds(
        _tree_nodes.FootnoteRef, _tree_strings(), _tree_spans()
    )
    inline = st.recursive(
        leaf,
        lambda children: st.builds(
            _tree_nodes.Emphasis,
            st.sampled_from(["italic", "bold", "bold_italic"]),
            st.lists(children, max_size=2).map(tuple),
            _tree_spans(),
        ),
        max_leaves=3,
    )
    return st.lists(inline, max_size=2).map(tuple)


def _tree_sub_items() -> st.SearchStrategy[tuple[_tree_nodes.SubItem, ...]]:
    item = st.recursive(
        st.builds(
            _tree_nodes.SubItem, _tree_strings(), _tree_inlines(), st.just(()), _tree_spans(), _tree_span_tuples()
        ),
        lambda children: st.builds(
            _tree_nodes.SubItem,
            _tree_strings(),
            _tree_inlines(),
            st.lists(children, max_size=2).map(tuple),
            _tree_spans(),
            _tree_span_tuples(),
        ),
        max_leaves=3,
    )
    return st.lists(item, max_size=2).map(tuple)


def _tree_formulas() -> st.SearchStrategy[_tree_nodes.Formula | None]:
    return st.none() | st.builds(_tree_nodes.Formula, _tree_inlines(), _tree_spans(), _tree_span_tuples())


def _tree_paragraphs() -> st.SearchStrategy[_tree_nodes.Paragraph]:
    verb = st.builds(
        _tree_nodes.VerbPhrase,
        _tree_strings(),
        _tree_strings(),
        st.lists(_tree_strings(), max_size=2).map(tuple),
        st.sampled_from(["italic", "bold", "bold_italic", "capitals", "plain"]),
        _tree_spans(),
        st.booleans(),
    )
    return st.builds(
        _tree_nodes.Paragraph,
        st.sampled_from(["preambular", "operative", "paragraph"]),
        _tree_optional_strings(),
        st.none() | verb,
        _tree_inlines(),
        _tree_sub_items(),
        _tree_spans(),
        _tree_span_tuples(),
    )


def _tree_blocks() -> st.SearchStrategy[tuple[_tree_nodes.Block, ...]]:
    block = st.recursive(
        _tree_paragraphs(),
        lambda children: st.builds(
            _tree_nodes.Section,
            _tree_strings(),
            _tree_optional_strings(),
            _tree_optional_strings(),
            st.integers(min_value=1, max_value=6),
            _tree_formulas(),
            st.lists(children, max_size=3).map(tuple),
            _tree_spans(),
        ),
        max_leaves=3,
    )
    return st.lists(block, max_size=2).map(tuple)


def _tree_headers() -> st.SearchStrategy[_tree_nodes.Header]:
    line = st.builds(_tree_nodes.HeaderLine, _tree_strings(), _tree_strings(), _tree_spans())
    text = _tree_optional_strings()
    return st.builds(
        _tree_nodes.Header,
        text, text, text, text, text, _tree_dates(), text, text, text, text, _tree_dates(),
        st.lists(line, max_size=2).map(tuple),
    )  # fmt: skip


def node_trees() -> st.SearchStrategy[_tree_nodes.Document]:
    """Arbitrary documents as node trees: every node class, every field, any Unicode text."""
    annex = st.builds(
        _tree_nodes.Annex, _tree_strings(), _tree_optional_strings(), _tree_formulas(), _tree_blocks(), _tree_spans()
    )
    footnote = st.builds(
        _tree_nodes.Footnote, _tree_strings(), _tree_inlines(), _tree_spans(), _tree_span_tuples(), _tree_span_tuples()
    )
    closing = st.builds(
        _tree_nodes.Closing,
        st.lists(_tree_strings(), max_size=3).map(tuple),
        _tree_optional_strings(),
        _tree_dates(),
        _tree_optional_strings(),
        _tree_spans(),
    )
    diagnostic = st.builds(
        _tree_nodes.Diagnostic,
        st.sampled_from(["error", "warning", "info"]),
        _tree_strings(),
        _tree_strings(),
        _tree_optional_strings(),
        _tree_spans(),
    )
    return st.builds(
        _tree_nodes.Document,
        header=_tree_headers(),
        titles=st.lists(
            st.builds(_tree_nodes.Title, _tree_strings(), st.sampled_from(["title", "subtitle"]), _tree_spans()),
            max_size=2,
        ).map(tuple),
        preamble=st.builds(
            _tree_nodes.Preamble,
            _tree_formulas(),
            st.lists(_tree_paragraphs(), max_size=2).map(tuple),
            _tree_formulas(),
        ),
        body=_tree_blocks(),
        annexes=st.lists(annex, max_size=1).map(tuple),
        footnotes=st.lists(footnote, max_size=2).map(tuple),
        closing=st.none() | closing,
        furniture=st.lists(
            st.builds(_tree_nodes.Furniture, _tree_strings(), _tree_strings(), _tree_spans()), max_size=3
        ).map(tuple),
        diagnostics=st.lists(diagnostic, max_size=2).map(tuple),
        source=st.text(st.characters(codec="utf-8"), max_size=60),
    )


# ---------------------------------------------------------------------------------- perturbations
# How copies of one document differ in the wild: a page break and a footer inside a paragraph,
# a footnote block between the two halves of a paragraph, CRLF line ends, trailing spaces,
# extra blank lines, and emphasis on verb phrases or not.

import re  # noqa: E402

_FOOTER = "\n\n18-18142 (E)\n\n2/10\n\f"
_TEXT_NOTES = "\n\n__________________\n\n99\n\nSee the report of the Secretary-General (A/73/999).\n\n\f"
_MARKDOWN_NOTES = "\n\n---\n\n<sup>99</sup> See the report of the Secretary-General (A/73/999).\n\n"
_EMPHASIS_AT_START = re.compile(r"^([ \t]*(?:[0-9]{1,3}\.[ \t]+)?)(\*{1,3})([^*\n]+?)\2", re.MULTILINE)


def split_point(text: str, start: int, end: int, draw: st.DrawFn) -> int | None:
    """A place between two words, inside a paragraph, where no sentence ends."""
    spaces = [m.start() for m in re.finditer(r"(?<=[a-z]) (?=[a-z])", text[start:end])]
    return start + draw(st.sampled_from(spaces)) if spaces else None


@st.composite
def perturbed(draw: st.DrawFn, text: str, cuts: list[tuple[int, int]]) -> tuple[str, list[str]]:
    """Return ``text`` changed as real copies differ, and the names of the changes made.

    Args:
        text: A document.
        cuts: (start, end) source ranges of its paragraphs, where a page may be cut.
    """
    done: list[str] = []
    markdown = "<sup>" in text or "**" in text or "\n#" in text
    if cuts and draw(st.booleans()):
        start, end = draw(st.sampled_from(cuts))
        point = split_point(text, start, end, draw)
        if point is not None:
            insert = draw(st.sampled_from([_FOOTER, _MARKDOWN_NOTES if markdown else _TEXT_NOTES]))
            text = text[:point] + insert + text[point + 1 :]
            done.append("page break" if insert == _FOOTER else "footnote block")
    if draw(st.booleans()):
        text = re.sub(r"\n\n", lambda m: "\n\n\n" if draw(st.booleans()) else m.group(0), text)
        done.append("blank lines")
    if draw(st.booleans()):
        text = re.sub(r"(?<=\S)\n", lambda m: " " * draw(st.integers(0, 2)) + "\n", text)
        done.append("trailing spaces")
    if markdown and draw(st.booleans()):
        text = _EMPHASIS_AT_START.sub(lambda m: m.group(1) + m.group(3), text)
        done.append("no emphasis")
    if draw(st.booleans()):
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
        done.append("CRLF")
    return text, done


# ---------------------------------------------------------------------------------- citations
# Citations in every form the finder reads, put into generated documents' paragraphs.

#: Phrases that cite, and what a reader finds in them (kind, number) in order.
CITATION_PHRASES: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("its resolution 68/262 of 27 March 2014", (("resolution", "68/262"),)),
    (
        "Security Council resolutions 1267 (1999), 1333 (2000) and 1390 (2002)",
        (("resolution", "1267(1999)"), ("resolution", "1333(2000)"), ("resolution", "1390(2002)")),
    ),
    (
        "General Assembly resolutions 2625 (XXV) and 3314 (XXIX)",
        (("resolution", "2625(XXV)"), ("resolution", "3314(XXIX)")),
    ),
    ("resolution ES-11/1", (("resolution", "ES-11/1"),)),
    ("decision 73/546", (("decision", "73/546"),)),
    ("resolutions WHA56.1 and WHA60.24", (("resolution", "56.1"), ("resolution", "60.24"))),
    ("resolution EB132.R6", (("resolution", "132.R6"),)),
    ("decision 1/CP.21", (("decision", "1/CP.21"),)),
    ("Human Rights Council resolution 37/2", (("resolution", "37/2"),)),
    ("Economic and Social Council decision 2014/225", (("decision", "2014/225"),)),
    ("resolutions 63/1 to 63/5", (("resolution", "63/1"), ("resolution", "63/5"))),
    ("Commission on Narcotic Drugs resolution 56/12", (("resolution", "56/12"),)),
    ("document E/CN.7/2014/L.1/Add.3", (("document", "E/CN.7/2014/L.1/Add.3"),)),
    ("the report S/25704 and Add.1", (("document", "S/25704"), ("document", "S/25704/Add.1"))),
    ("Articles 41 and 42 of the Charter of the United Nations", (("article", "41"), ("article", "42"))),
    ("article 12, paragraph 3, of the Rome Statute", (("article", "12"),)),
)


@st.composite
def cited_documents(draw: st.DrawFn) -> Document:
    """A generated resolution whose paragraphs cite: each phrase put before a paragraph's end."""
    document = draw(resolutions_())

    def cite(paragraph: Paragraph) -> Paragraph:
        if not paragraph.content or not draw(st.booleans()):
            return paragraph
        phrase = draw(st.sampled_from(CITATION_PHRASES))[0]
        last = paragraph.content[-1]
        assert isinstance(last, Text)
        text = f"{last.text[:-1]} and {phrase}{last.text[-1]}"
        return attrs.evolve(paragraph, content=(*paragraph.content[:-1], Text(text)))

    def blocks(nodes: tuple[Paragraph | Section, ...]) -> tuple[Paragraph | Section, ...]:
        return tuple(attrs.evolve(b, children=blocks(b.children)) if isinstance(b, Section) else cite(b) for b in nodes)

    preamble = attrs.evolve(document.preamble, paragraphs=tuple(cite(p) for p in document.preamble.paragraphs))
    return attrs.evolve(document, preamble=preamble, body=blocks(document.body))


# ---------------------------------------------------------------------------------- web pages

_TAGS = ["p", "div", "span", "li", "ol", "ul", "i", "em", "b", "sup", "td", "tr", "table", "h2", "pre", "a", "br"]
_MARKUP_PIECES = [
    '<a href="#fn1">',
    '<p id="fn1">',
    '<ol type="a" start="3">',
    '<span class="akn-p">',
    '<span style="vertical-align:super">',
    "<hr>",
    "<script>x</script>",
    "&ldquo;",
    "&rdquo;",
    "&lt;b&gt;",
    "&#0;",
]


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    """Pages of tags (opened, closed, left open, misnested), entities and resolution fragments."""
    pieces = draw(
        st.lists(
            st.one_of(
                st.sampled_from(_TAGS).map(lambda tag: f"<{tag}>"),
                st.sampled_from(_TAGS).map(lambda tag: f"</{tag}>"),
                st.sampled_from(_MARKUP_PIECES),
                fragments,
                any_text(),
            ),
            max_size=40,
        )
    )
    return "".join(pieces)


# ---------------------------------------------------------------------------------- repeated units
# New families for the complexity harness (tests/families.py): a text made by repeating a short
# unit of the grammars' vocabulary (terminal samples, document fragments, separators), after a
# prefix and before a suffix. A slow path needs only a unit that makes some rule search, nest
# or unwind once more per repetition; Hypothesis finds such units where a reader might not.

from tests.families import BODY_SAMPLES, TERMINAL_SAMPLES, Family  # noqa: E402

_VOCABULARY = sorted(
    {sample for samples in TERMINAL_SAMPLES.values() for sample in samples if sample}
    | {sample for _, samples in BODY_SAMPLES.values() for sample in samples}
    | set(_FRAGMENTS)
    | {" ", "  ", "   ", "\n", "\n\n", "\t", "\f", ",", ";", "(", ")", "1", "a", "A", "x."}
)
_WORD = st.sampled_from(_VOCABULARY)


def repeated_units() -> st.SearchStrategy[Family]:
    """A family: a prefix, a unit to repeat, a suffix, each a few words of the vocabulary."""
    unit = st.lists(_WORD, min_size=1, max_size=4).map("".join)
    affix = st.lists(_WORD, max_size=3).map("".join)
    return st.builds(
        lambda prefix, unit, suffix, collection: Family("drawn", unit, prefix, suffix, collection),
        affix,
        unit,
        affix,
        st.sampled_from([False, False, False, True]),  # now and then read as a collection (parse_all)
    )
