"""Families of hostile inputs, and how their parse time is measured as they grow.

A family is a text made by repeating a unit: ``prefix + unit * count + suffix``. Parsing must
take time in proportion to the text's length, whatever the unit: a family whose time grows
faster (a regular expression that reads the rest of the line for every token, a structure
searched or unwound one level at a time) lets a file of ordinary size run for minutes.

Two kinds of families are listed here:

- one per terminal of the grammars (``TERMINAL_SAMPLES``, and ``BODY_SAMPLES`` for the terminals
  of one body's grammar): a few strings that read as that terminal, each repeated in every
  layout of ``LAYOUTS`` (glued, spaced, in layout cells, one per line, one per paragraph,
  inside a paragraph, inside emphasis);
- one per layout rule (``RULE_FAMILIES``, named ``rule/shape``): the shapes that make the rules
  for markers, gaps, labels, emphasis, headings, formulas, header cells, furniture, footnotes,
  closings and collections search, nest or unwind.

``tests/test_complexity.py`` runs them all at small sizes in the suite, and
``benchmarks/bench_complexity.py`` at large ones; ``tests/strategies.py`` draws new families
from the same vocabulary for Hypothesis (``repeated_units``).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import NamedTuple

import resolutions


class Family(NamedTuple):
    """A text that grows by repeating ``unit``; ``collection``: read with ``parse_all``; ``body``:
    read with that body's grammar (None: the body the text's signs name, as ``parse`` finds it)."""

    name: str
    unit: str
    prefix: str = ""
    suffix: str = ""
    collection: bool = False
    body: str | None = None

    def text(self, size: int) -> str:
        """Return the family's text with at least ``size`` characters (one unit at the least)."""
        count = max(1, -(-(size - len(self.prefix) - len(self.suffix)) // len(self.unit)))
        return self.prefix + self.unit * count + self.suffix

    def run(self, text: str) -> object:
        """Parse the text as the family is meant to be read."""
        if self.collection:
            return resolutions.parse_all(text, body=self.body)
        return resolutions.parse(text, body=self.body)


#: Strings that the grammars read as each of their terminals (bare names; the inline grammar's
#: and the UN body's included). tests/test_complexity.py checks that every terminal has some.
TERMINAL_SAMPLES: dict[str, tuple[str, ...]] = {
    "EOL": ("\n", "\r\n", "\n \t\n"),
    "PAGE_BREAK": ("\f",),
    "INDENT": ("  ", "\t", "\u00a0", "\ufeff"),
    "GAP": ("   ", " \t \u00a0 "),
    "CONTENT": ("word", "two words", "a  b", "x\ry"),
    "CONTENT_EOL": ("end of line\n", "ends   \n"),
    "CELL_EOL": ("cell   last cell\n",),
    "NUM_LABEL": ("1. ", "12) ", "3\\. ", "4, Decides", "6.Calls", "PP1 ", "OP2. "),
    "ITEM_LABEL": ("(a) ", "(iv) ", "(12) ", "(B) ", "a) ", "b. "),
    "BULLET": ("- ", "\u2022 ", "* ", "\u2013 "),
    "SECTION_LABEL": ("IV. Heading", "B. Title"),
    "HASHES": ("# ", "###### ", "###1"),
    "RULE": ("---", "_____", "* * *", "==="),
    "LONE_MARKER": ("1", "*", "\u2020\u2020"),
    "NOTE_ESCAPE": ("\\*", "\\**"),
    "MD_NOTE_DEF": ("[^1]:", "[^note]:"),
    "SUP_MARK": ("<sup>1</sup>", "<sup>12345678</sup>"),
    "SUPERSCRIPT": ("\u00b9", "\u00b2\u00b3"),
    "FORMULA": (
        "The General Assembly,",
        "THE SECURITY COUNCIL,",
        "Therefore the Conference of the Parties,",
        "The Conference (UNESCO), meeting in Paris at its 29th session,",
        "*The General Assembly*,",
    ),
    "FORMULA_LEAD": ("The World Health Assembly, Having considered", "The CouncilHaving considered:"),
    "WE": ("We, the Ministers",),
    "STAR": ("*", "**", "***", "****"),
    "TAG": ("<i>", "</i>", "<b>", "</strong>", "<br/>", "<span class=x>", "<details>"),
    "MD_NOTE_REF": ("[^1]", "[^abc]"),
    "ESCAPE": ("\\_", "\\#", "\\["),
    "TEXT": ("plain", "Plain Words", "| cell |", "A"),  # "A" a line: the slowest text found (capitals)
    "STRAY": ("<", "\\", "[", "<<", "\x00"),
    "PREAMBULAR_VERB": ("Recalling", "Noting with deep concern", "Having considered"),
    "OPERATIVE_VERB": ("Decides", "Also requests", "Calls upon", "URGES"),
    "SYMBOL": ("A/RES/73/7", "S/RES/1445 (2002)", "WHA66.10", "E/CN.7/2014/L.1/Add.3"),
    "DATE": ("31 October 2018",),
    "SESSION": ("Seventy-third session", "152nd session", "Resumed fifty-second regular session"),
    "DISTRIBUTION": ("Distr.: General", "Distr. GENERAL"),
    "ORIGINAL_LANGUAGE": ("Original: English", "Original: Arabic/French and Spanish"),
    "AGENDA_ITEM": ("Agenda item 77", "Agenda items 13 (b), 14 and 15", "Item 6 of the provisional agenda"),
    "JOB_NUMBER": ("18-18142 (E)", "GE.23-07001(E)", "K2200818", "18-18142 (E) 071118"),
    "BARCODE": ("*1818142*",),
    "PAGE_NUMBER": ("2/10",),
    "DATECODE": ("021118",),
    "RECYCLE": ("Please recycle \u267b",),
    "BLOCK_TAGS": ("<p>", "<div class=x>", "<li><p>"),
    "ENTITY": ("&amp;", "&#8217;", "&#x2019;"),
    # Placeholders that match nothing (bodies extend them): the empty text is their family.
    "NO_LINE": ("",),
    "NO_CELL": ("",),
    "NO_NUM_LABEL": ("",),
    "NO_ITEM_LABEL": ("",),
}

#: The terminals that only a body's grammar has: the body, and strings that read as them.
BODY_SAMPLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "AU_SYMBOL": ("au", ("ACHPR/Res.345 (LVIII) 2016", "Assembly/AU/Dec.1 (I)")),
    "EP_TEXT_ADOPTED": ("ep", ("P9_TA(2023)0001",)),
    "BARE_NUMBER": ("imo", ("1 INVITES",)),
    "OAS_SYMBOL": ("oas", ("AG/RES. 2380 (XXXVIII-O/08)",)),
    "DOTTED_LABEL": ("pace", ("5.1. ",)),
    "PACE_DOC": ("pace", ("Doc. 12345",)),
}

#: How a terminal's sample is repeated: (name, separator after each sample, prefix).
LAYOUTS: tuple[tuple[str, str, str], ...] = (
    ("glued", "", ""),
    ("spaced", " ", ""),
    ("cells", "   ", ""),
    ("lines", "\n", ""),
    ("paragraphs", "\n\n", ""),
    ("in-paragraph", " ", "1. Decides "),
    ("in-emphasis", " ", "<i>"),
)

#: The layout rules the families below must cover (tests/test_complexity.py checks it).
RULES = (
    "markers",
    "gaps",
    "labels",
    "emphasis",
    "headings",
    "formulas",
    "header",
    "furniture",
    "footnotes",
    "closing",
    "blocks",
    "collections",
)

#: Families for the layout rules: shapes that make a rule search, nest or unwind. Each of
#: them took time in the square of its size (or crashed) before the fix that names it.
RULE_FAMILIES: tuple[Family, ...] = (
    # markers: a marker alone on its line and a footnote's text below it, page after page
    Family("markers/cited-above", "1\nfoo.\n", "Text1 here.\n"),  # was n²: layout searched up the page
    Family("markers/not-cited", "7\nfoo.\n", "Text here.\n"),
    Family("markers/star-notes", "* Any changes to the list.\n", "Text* here.\n"),
    Family("markers/marked-bodies", "12 See Official Records.\n\n", "Court, 12\n\n"),
    Family("markers/lone-after-formula", "The General Assembly,\n1\n"),
    Family("markers/references", "Court, 2 and Diseases,1 with indicators1 "),  # was n²: text sliced
    Family("markers/glued-references", "a1,"),
    Family("markers/bracketed", "(1) Including the note.\n", "The text,(1) here.\n\n"),  # was n²
    Family("markers/daggers", "\u2020 ", "Text ", "x" + "\u2020" * 16 + "\n"),  # was n²: trailing refs
    Family("markers/superscripts", "\u00b9", "T.\n\n\u00b9", "\n\u00b2\nfoo\n"),  # crashed: int()
    # gaps: pdftotext -layout columns
    Family("gaps/columns", "word   ", suffix="\n"),  # was n²: the plain-line look-ahead, per cell
    Family("gaps/tabs", "a\t\t\tb ", suffix="\n"),
    Family("gaps/trailing", "word   \n"),
    Family("gaps/after-marker", "1   A/HRC/52/30.\n"),
    Family("gaps/tables", "x | ", "| ", "\n"),
    Family("gaps/table-cells", "word ", "| ", " |\n"),
    Family("gaps/table-spaces", " ", "| a", "x\n"),  # was n²: the pipe's pattern, in a run of spaces
    # found by the Hypothesis search: a formula's place was looked for at every space of a run
    Family("gaps/spaces-after-a-mark", "   ", "\x00[^1]"),
    Family("gaps/spaces-after-a-formula", " \t \u00a0 ", "\nACHPR/Res.345 (LVIII) 2016The General Assembly,", "\r"),
    # labels
    Family("labels/numbers", "1. "),
    Family("labels/numbered-lines", "1. Decides.\n"),
    Family("labels/label-only", "1.\n"),
    Family("labels/items", "(a) to do;\n", "1. Decides:\n"),
    Family("labels/item-families", "(a) x;\n(i) x;\n(1) x;\n(A) x;\n(I) x;\n- x;\n", "1. Decides:\n"),
    Family("labels/lettered", "(a) Decides;\n"),
    Family("labels/heading-numbers", "### 4\nDecides to act.\n"),
    # emphasis
    Family("emphasis/unclosed-tags", "<i>\u00b9", "1. Decides "),  # was n²: unwound one level at a time
    Family("emphasis/unclosed-stars", "*a ", "1. Decides "),
    Family("emphasis/unclosed-mixed", "<i>*<b>**", "1. Decides "),
    Family("emphasis/closers", "</i>*", "1. Decides <i>"),
    Family("emphasis/nested-tags", "<i><b>", "1. Decides "),  # nested without limit before
    Family("emphasis/pairs", "<i>a</i> *b* "),
    Family("emphasis/stars", "*"),
    Family("emphasis/stars-then-text", "*", "", "x" + "*" * 16),
    Family("emphasis/run-in-phrases", "a, *Recalling* b ", "The General Assembly,\n\n", "\n"),
    # headings
    Family("headings/markdown", "# Heading\n"),
    Family("headings/sections", "I. Heading\n\n"),
    Family("headings/part-labels", "A.\n\nTitle\n\n"),
    Family("headings/annexes", "Annex\n\n"),
    Family("headings/plain", "Heading\n\n"),
    Family("headings/alternating", "A. Part\n\n1. Title\n\nI. Chapter\n\nHeading\n\n"),
    # formulas
    Family("formulas/repeated", "The General Assembly,\n"),  # was RecursionError: nested sections
    Family("formulas/with-paragraphs", "The Security Council,\n\n1. Decides.\n\n"),
    Family("formulas/we", "We, the Ministers,\n"),
    Family("formulas/in-emphasis", "*The General Assembly*,\n"),
    Family("formulas/headed", "Title\n\nThe General Assembly,\n\nRecalling it,\n\n"),
    Family("formulas/meeting-cells", "The Council of the Assembly, meeting in Paris x   ", suffix="\n"),  # was n²
    Family("formulas/run-in", "The Sixty-sixth World Health Assembly, Having considered the report; "),
    Family("formulas/run-in-phrases", "a, Recalling that b, ", "The General Assembly,\n\n", "\n"),
    # found by the Hypothesis search: each place a formula may start was tried on a copy of the
    # rest of the line, and each run-in place looked for its piece from the line's start
    Family(
        "formulas/heads-on-one-line",
        "word1. The Conference (UNESCO), meeting in Paris at its 29th session,URGES Member States:",
        "28th plenary meetingWe, the Ministers",
        "\r",
    ),
    # header cells
    Family("header/cells", "A/RES/73/7   31 October 2018   Distr.: General\n"),
    Family("header/agenda", "Agenda item 77   Agenda item 78   "),
    Family("header/agenda-lines", "Agenda item 77\n"),  # was n²: each field measured the run below
    Family("header/dates", "31 October 2018\n"),
    Family("header/sponsors", "31 October 2018\n", "", "Ghana, Kenya: draft resolution\n"),
    Family("header/agenda-sponsors", "Agenda item 77\n", "", "Ghana: draft resolution\n"),  # crashed
    Family("header/sponsor-list", "Ghana, Kenya and Peru,\n", "A/RES/73/7\n", "draft resolution\n"),
    Family("header/logo", "UNITED\n", "", "A/RES/73/7\n"),
    Family("header/glued-cells", "General Assembly Distr.: General 15 October 2025\n"),  # each piece tried
    Family("header/glued-long", "Distr.: General 15 October 2025 " * 9 + "\n"),
    Family("header/front-matter", "key: value\n", "---\n", "---\n"),
    Family("header/front-matter-open", "key: value\n", "---\n"),  # never closed: not front matter
    Family("header/symbols", "A/RES/73/7 "),
    Family("header/datelines", "Vienna, 31 October 2018\n"),
    # furniture
    Family("furniture/page-ends", "Text of a paragraph\n18-18142 (E)\n\f2/5\n"),
    Family("furniture/running-headers", "\fA/RES/73/7\nText of the page.\n"),
    Family("furniture/cells", "18-18142 (E)   021118   *1818142*\n"),
    Family("furniture/rules", "Text.\n__________\n1 See foo.\n\f"),
    Family("furniture/rules-one-page", "Text.\n__________\n1 See foo.\n"),
    Family("furniture/markup", "<details>\n<summary>Text</summary>\n"),
    Family("furniture/comments", "<!-- note -->\nText.\n"),
    Family("furniture/open-comment", "Text.\n", "<!--\n"),  # never closed: text
    Family("furniture/page-separators", "--- [page 2](x.pdf#page=2) ---\nHead\nText.\n"),
    # footnotes
    Family("footnotes/markdown", "Text[^1] here.\n\n[^1]: A note.\n\n"),
    Family("footnotes/superscripts", "Text\u00b9 here.\n\n\u00b9 A note.\n\n"),
    Family("footnotes/sup-marks", "<sup>1</sup> A note.\n"),
    Family("footnotes/escaped", "\\* A note.\n"),
    Family("footnotes/long-body", "more words of the note\n", "Text1.\n\n__________\n1 See foo\n"),  # was n²
    Family("footnotes/repeated", "1\nfoo.\n\f", "Text1 here.\n\f"),  # was n²: copies' spans
    # closings and records
    Family("closing/meetings", "28th plenary meeting\n"),
    Family("closing/vote-record", "[Adopted by a recorded vote of 18 to 7]\n"),
    Family("closing/datelines", "Vienna, 31 October 2018\n"),
    # blocks: continuations and paragraph starts
    Family("blocks/continued", "1. Decides that the Co-Chairmen of the\n\fsteering committee "),
    Family("blocks/lowercase", "and so on\n\n"),
    Family("blocks/phrase-starts", "Taking\nnote of it.\n"),
    Family("blocks/verbs-in-emphasis", "*Decides* ", "1. ", "x\n"),
    Family("blocks/long-phrase", "also ", "1. *Decides ", "x*\n"),
    Family("blocks/unwrapped", "Pursuant to the Platform, " + "a clause that runs on " * 8 + ",\n"),
    Family("blocks/annex-headings", "1.\nAnnex\nTitle\n"),
    Family("collections/numbers-running-on", "Recalling 36/87 of 9 December 1981,\n36/88 A and B of 1981,\n"),
    Family(
        "blocks/run-in-places", "\u00b2\u00b3&amp;Recalling\ufeff", "AG/RES. 2380 (XXXVIII-O/08)", "\n", collection=True
    ),
    # collections: a file of many documents, read with parse_all
    Family(
        "collections/decisions",
        "Decision 1/CP.1\n\nTitle\n\nThe Conference of the Parties,\n\n1. Decides.\n\n",
        collection=True,
    ),
    Family("collections/numbered", "73/7. Title\n\nThe General Assembly,\n\n1. Decides.\n\n", collection=True),
    Family("collections/contents", "Decision 1/CP.1 Title\n", "Contents\n\n", collection=True),
    Family("collections/repeated-formulas", "The General Assembly,\n", collection=True),
)


def terminal_families() -> list[Family]:
    """Return each terminal's samples in each layout (a body's own, read with that body)."""
    families = []
    sampled = [(terminal, None, samples) for terminal, samples in TERMINAL_SAMPLES.items()]
    sampled += [(terminal, body, samples) for terminal, (body, samples) in BODY_SAMPLES.items()]
    for terminal, body, samples in sampled:
        for number, sample in enumerate(samples):
            for layout, separator, prefix in LAYOUTS:
                if sample or layout == "glued":
                    unit = sample + separator or "x"
                    families.append(Family(f"{terminal}/{number}/{layout}", unit, prefix, body=body))
    return families


def all_families() -> list[Family]:
    """Return every family: the terminals' and the layout rules'."""
    return [*terminal_families(), *RULE_FAMILIES]


class Growth(NamedTuple):
    """How a parse's time grew with its text.

    Attributes:
        sizes: The texts' lengths in characters.
        seconds: The best (least) CPU time of each size.
    """

    sizes: tuple[int, ...]
    seconds: tuple[float, ...]

    def ratio(self) -> float:
        """The time of the largest size over the smallest."""
        return self.seconds[-1] / max(self.seconds[0], 1e-9)

    def seconds_per_mb(self) -> float:
        """The time per MB (10⁶ characters) of text at the largest size."""
        return self.seconds[-1] / (self.sizes[-1] / 1e6)

    def last_step(self) -> float:
        """How many times longer the largest size took than the one before it."""
        return self.seconds[-1] / max(self.seconds[-2], 1e-9)

    def problem(self, slack: float, seconds_per_mb: float, floor: float = 1.0) -> str | None:
        """Say what is wrong: time that grew faster than ``slack`` times linearly, or too slow.

        Growth counts on the last step, between the two largest sizes: at the smallest, the
        document may still be read another way (a line short enough to be a title is not a
        paragraph). And it counts only where reading takes more than ``floor`` seconds per MB:
        a family that fast is read in a few passes over memory, whose speed changes with the
        size of the text (a text that no longer fits the processor's caches reads several times
        slower per byte), and it would take a far larger text for a slow path in it to matter.
        """
        step = self.sizes[-1] / self.sizes[-2]
        linear = self.sizes[-1] / self.sizes[0]
        if self.last_step() > step * slack and self.seconds_per_mb() > floor:
            times = ", ".join(
                f"{size:,}: {seconds * 1e3:.1f} ms" for size, seconds in zip(self.sizes, self.seconds, strict=True)
            )
            return f"time grew {self.ratio():.0f}-fold for {linear:.0f} times the text ({times})"
        if self.seconds_per_mb() > seconds_per_mb:
            return f"{self.seconds_per_mb():.1f} s per MB at {self.sizes[-1]:,} characters"
        return None


def best_time(run: Callable[[], object], repeats: int) -> float:
    """Return the least CPU time of ``repeats`` runs (CPU time: other processes hardly count)."""
    best = float("inf")
    for _ in range(repeats):
        started = time.process_time()
        run()
        best = min(best, time.process_time() - started)
    return best


def measure(family: Family, sizes: tuple[int, ...], repeats: int = 3) -> Growth:
    """Time the family's reading at each size (the best of ``repeats`` runs)."""
    texts = [family.text(size) for size in sizes]
    seconds = tuple(best_time(lambda text=text: family.run(text), repeats) for text in texts)  # type: ignore[misc]
    return Growth(tuple(len(text) for text in texts), seconds)


def scaled_sizes(family: Family, smallest: int, seconds: float, largest: int) -> tuple[int, int, int]:
    """Return sizes n, 4n and 16n, n doubled from ``smallest`` until it takes ``seconds`` to read.

    Runs of a fraction of a millisecond are at the mercy of the processor's caches and of other
    processes; a family that reads fast is measured at sizes that take long enough to tell.
    """
    size = smallest
    while size * 32 <= largest:
        text = family.text(size)
        if best_time(lambda text=text: family.run(text), 1) >= seconds:  # type: ignore[misc]
            break
        size *= 2
    return (size, size * 4, size * 16)


def judge(
    family: Family, smallest: int, seconds: float, largest: int, slack: float, seconds_per_mb: float
) -> str | None:
    """Measure a family and return what is wrong with it, or None.

    The sizes are scaled to the family (:func:`scaled_sizes`), and a failure is measured again
    with more runs before it counts: a burst of load from another process on a shared machine
    can slow a few runs, but not the best of many.
    """
    sizes = scaled_sizes(family, smallest, seconds, largest)
    for repeats in (1, 5, 9):
        problem = measure(family, sizes, repeats).problem(slack, seconds_per_mb)
        if problem is None:
            return None
    return problem
