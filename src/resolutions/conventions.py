"""A body's conventions: what its layer declares, beyond its grammar and its phrases.

Bodies differ in more than their words: how a paragraph's kind is told (by its verb; by its
label, as the European Parliament's recitals "A." and citations "–"; by a line such as "RESOLVES:"
that opens the operative part), which organs head their documents, how a head's number becomes
a symbol ("242 (1967)" is "S/RES/242 (1967)" only for the Security Council), who may be the
subject of a paragraph ("The Assembly strongly condemns ..."), and how a text shows which body
wrote it. A layer declares these in its ``body.toml``; the parser's stages read them here and
hold no branch for any body.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, ClassVar

import attrs

from resolutions.errors import GrammarError
from resolutions.lexing import shortest_match
from resolutions.nodes import Kind

if sys.version_info >= (3, 11):
    import re._constants as _sre_constants
    import re._parser as _sre_parse

    import tomllib
else:  # pragma: no cover - Python 3.10
    import sre_constants as _sre_constants
    import sre_parse as _sre_parse

    import tomli as tomllib

_KINDS = ("preambular", "operative", "paragraph")
#: The casings a lexicon's phrases may be written in.
CASINGS = ("title", "capitals", "lower")
#: The shortest word a sign's pattern must hold for it to be looked for first (see ``score``).
_LEAST_NEEDED = 3
#: The written forms of an operative phrase: "decides" (third), "decide" (base), "to decide" (to).
OPERATIVE_FORMS = ("third", "base", "to")


@attrs.frozen
class LabelRule:
    """A paragraph whose label matches ``label`` is of ``kind``; ``numbered``: the label is its number.

    The European Parliament's recitals ("A. whereas ...") keep their letter as their number; its
    citations ("– having regard to ...") have none.
    """

    label: re.Pattern[str]
    kind: Kind
    numbered: bool = True


@attrs.frozen
class SymbolRule:
    """A head's number becomes the symbol ``template`` (with ``\\1`` ...) where ``organ`` issued it.

    ``kind``: the rule holds for documents of that kind ("resolution"), or of no stated kind.
    """

    number: re.Pattern[str]
    template: str
    organ: str | None = None
    kind: str | None = None

    def apply(self, number: str, organ: str | None, kind: str | None = None) -> str | None:
        """Return the symbol for a head's number, or None when the rule does not apply."""
        if self.organ is not None and organ != self.organ:
            return None
        if self.kind is not None and kind is not None and kind != self.kind:
            return None
        match = self.number.fullmatch(number)
        return match.expand(self.template) if match else None


@attrs.frozen
class TitledSymbol:
    """A line that holds a symbol and the title after it ("WHA66.12 Neglected tropical diseases").

    ``pattern`` has the groups ``symbol`` and ``title``; ``organ`` is the organ such a symbol
    names, if any.
    """

    pattern: re.Pattern[str]
    organ: str | None = None


#: A named group's opening, not after a backslash.
_NAMED_GROUP = re.compile(r"(?<!\\)\(\?P<\w+>")


def any_of(patterns: list[re.Pattern[str]]) -> re.Pattern[str] | None:
    """Make one pattern that matches where any of ``patterns`` does, or None where it cannot.

    Their named groups become plain (one pattern cannot hold a name twice); patterns that refer
    back to a group, or whose flags differ, are not joined.
    """
    if not patterns or len({pattern.flags for pattern in patterns}) != 1:
        return None
    if any("(?P=" in pattern.pattern or "\\g<" in pattern.pattern for pattern in patterns):
        return None
    joined = "|".join(f"(?:{_NAMED_GROUP.sub('(?:', pattern.pattern)})" for pattern in patterns)
    try:
        return re.compile(joined, patterns[0].flags)
    except re.error:
        return None


@attrs.frozen
class Conventions:
    """What a body's layer declares (see :mod:`resolutions.conventions`).

    Attributes:
        name: The body's name ("un", "oas").
        title: Its full name, for lists and messages.
        organs: Organs whose name alone makes a header line ("General Assembly").
        symbols: How a head's number becomes the document's symbol.
        titled_symbols: Lines that hold a symbol and the title after it.
        subjects: What may open a paragraph as its subject, the verb after it ("The Assembly").
        operative_part: Lines that open the operative part ("RESOLVES:"): the enacting formula.
        closing: Lines that close a document, after its last paragraph ("Text adopted by ...").
        labels: Paragraph kinds told by their labels.
        detect: Signs that a text is the body's, with their weights.
        aliases: Terminals of the body's grammar, and the kinds the library knows them as
            (pairs: ``("OAS_SYMBOL", "SYMBOL")``).
        grammar: The layer's ``.lark`` file, beside its ``body.toml``.
        casing: The casings its phrases are written in ("title", "capitals", "lower").
        operative_forms: The written forms of its operative verbs ("third", "base", "to").
        extends: The body whose conventions this one's add to.
    """

    name: str = "un"
    title: str = ""
    organs: tuple[str, ...] = ()
    symbols: tuple[SymbolRule, ...] = ()
    titled_symbols: tuple[TitledSymbol, ...] = ()
    subjects: tuple[str, ...] = ()
    operative_part: tuple[re.Pattern[str], ...] = ()
    closing: tuple[re.Pattern[str], ...] = ()
    labels: tuple[LabelRule, ...] = ()
    detect: tuple[tuple[re.Pattern[str], float], ...] = ()
    aliases: tuple[tuple[str, str], ...] = ()
    casing: tuple[str, ...] = ("title", "capitals")
    operative_forms: tuple[str, ...] = ("third", "base")
    extends: str | None = None
    grammar: str | None = None
    #: Each label's rule once found: a document asks for every paragraph's, often many times.
    _rules: dict[str, LabelRule | None] = attrs.field(factory=dict, init=False, eq=False, repr=False)
    #: One pattern for all titled symbols, and the length of the shortest text any of them
    #: matches, once made (a list: the class is frozen).
    _any_titled: list[tuple[re.Pattern[str] | None, int]] = attrs.field(factory=list, init=False, eq=False, repr=False)
    #: Each sign's test and weight, once made (see :func:`sign_test`).
    _tests: list[tuple[Callable[[str], bool], float]] = attrs.field(factory=list, init=False, eq=False, repr=False)

    def __repr__(self) -> str:
        declared = {
            "organs": self.organs,
            "symbol rules": self.symbols,
            "subjects": self.subjects,
            "label rules": self.labels,
            "signs": self.detect,
        }
        held = ", ".join(f"{len(v)} {k}" for k, v in declared.items() if v)
        return f"<Conventions {self.name!r}{': ' + held if held else ''}>"

    @property
    def alias_map(self) -> dict[str, str]:
        """The aliases as a mapping."""
        return dict(self.aliases)

    def label_rule(self, label: str | None) -> LabelRule | None:
        """Return the rule for a paragraph's label, if one declares its kind."""
        if label is None or not self.labels:
            return None
        try:
            return self._rules[label]
        except KeyError:
            text = label.strip()
            rule = self._rules[label] = next((rule for rule in self.labels if rule.label.fullmatch(text)), None)
            return rule

    def symbol(self, number: str, organ: str | None, kind: str | None = None) -> str:
        """Return the symbol of a document whose head gives this number."""
        for rule in self.symbols:
            found = rule.apply(number, organ, kind)
            if found is not None:
                return found
        return number

    def titled_symbol(self, text: str) -> tuple[str, str, str | None] | None:
        """Read a line holding a symbol and a title: (symbol, title, organ), or None."""
        if not self.titled_symbols:
            return None
        if not self._any_titled:
            patterns = [rule.pattern for rule in self.titled_symbols]
            self._any_titled.append((any_of(patterns), min(map(shortest_match, patterns))))
        # Every line of a file is asked whether it heads a document: its length, then one
        # pattern, say no to most.
        screen, shortest = self._any_titled[0]
        if len(text) < shortest or (screen is not None and screen.fullmatch(text) is None):
            return None
        for rule in self.titled_symbols:
            match = rule.pattern.fullmatch(text)
            if match is not None:
                return match.group("symbol"), match.group("title"), rule.organ
        return None

    def opens_operative_part(self, text: str) -> bool:
        """Tell a line that opens the operative part ("RESOLVES:")."""
        return any(pattern.fullmatch(text.strip()) for pattern in self.operative_part)

    def closes(self, text: str) -> bool:
        """Tell a line that closes a document ("Assembly debate on ...")."""
        return any(pattern.match(text) for pattern in self.closing)

    def score(self, text: str) -> float:
        """Weigh the signs that ``text`` is this body's (each sign's test: :func:`sign_test`)."""
        if not self._tests and self.detect:
            self._tests.extend((sign_test(pattern), weight) for pattern, weight in self.detect)
        total = 0.0
        for test, weight in self._tests:
            if test(text):
                total += weight
        return total

    def under(self, parent: Conventions) -> Conventions:
        """Return these conventions added to a parent's: own rules first, the parent's after."""
        return attrs.evolve(
            self,
            organs=tuple(dict.fromkeys((*self.organs, *parent.organs))),
            symbols=(*self.symbols, *parent.symbols),
            titled_symbols=(*self.titled_symbols, *parent.titled_symbols),
            subjects=tuple(dict.fromkeys((*self.subjects, *parent.subjects))),
            operative_part=(*self.operative_part, *parent.operative_part),
            closing=(*self.closing, *parent.closing),
            labels=(*self.labels, *parent.labels),
            aliases=tuple({**parent.alias_map, **self.alias_map}.items()),
        )


@functools.cache
def sign_test(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    """Return a test that tells, as ``pattern.search(text) is not None`` does, text with the sign.

    Most signs are asked of text that does not hold them, so each is made quick to say no:

    - A sign whose pattern needs a word ("FCCC/", "European Parliament") is looked for only
      where the text holds that word: a substring search is many times faster than a regular
      expression tried at every character.
    - A sign anchored at a line's start, ``(?m)^[ \\t]*`` and a rest that opens with a word
      ("Resolution [0-9]+/CP", "A/RES"), has no word for the expression to skip ahead to: it
      is tried at every character. Its rest has one, so the rest is searched for (a quick
      scan for its first word), and each place it matches is kept when only spaces and tabs
      stand before it on its line. That is exactly where the whole pattern matches.
    """
    needed = _needed_literal(pattern)
    rest = _line_start_rest(pattern)
    if rest is not None:
        return functools.partial(_at_line_start, rest, needed)
    if needed is not None:
        return functools.partial(_with_word, pattern, needed)
    return functools.partial(_found, pattern)


#: How a sign anchored at a line's start opens (see :func:`sign_test`).
_LINE_START = "(?m)^[ \\t]*"


def _line_start_rest(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The rest of a sign anchored at a line's start, when it opens with a literal; else None."""
    if not pattern.pattern.startswith(_LINE_START) or pattern.flags != _MULTILINE_FLAGS:
        return None
    rest = "(?m)" + pattern.pattern[len(_LINE_START) :]
    try:
        parsed = _sre_parse.parse(rest)
    except re.error:
        return None
    if not parsed.data or parsed.data[0][0] is not _sre_constants.LITERAL:
        return None  # no word to skip ahead to: the rest is no quicker to search
    return re.compile(rest)


_MULTILINE_FLAGS = re.compile("(?m)").flags


def _at_line_start(rest: re.Pattern[str], needed: str | None, text: str) -> bool:
    if needed is not None and needed not in text:
        return False
    search = rest.search
    match = search(text)
    while match is not None:
        start = match.start()
        if not text[text.rfind("\n", 0, start) + 1 : start].strip(" \t"):
            return True
        match = search(text, start + 1)
    return False


def _with_word(pattern: re.Pattern[str], needed: str, text: str) -> bool:
    return needed in text and pattern.search(text) is not None


def _found(pattern: re.Pattern[str], text: str) -> bool:
    return pattern.search(text) is not None


@functools.cache
def _needed_literal(pattern: re.Pattern[str]) -> str | None:
    """Return the longest run of plain characters that every match of ``pattern`` holds.

    Only the pattern's top level is read (a run inside a group or an alternative is not sure to
    be matched); runs shorter than three characters, and case-blind patterns, give None.
    """
    if pattern.flags & re.IGNORECASE:
        return None
    try:
        parsed = _sre_parse.parse(pattern.pattern, pattern.flags)
    except re.error:  # pragma: no cover - the pattern compiled already
        return None
    best = ""
    run = ""
    for op, value in parsed.data:
        if op is _sre_constants.LITERAL:
            run += chr(value)  # type: ignore[arg-type]
            continue
        best = max(best, run, key=len)
        run = ""
    best = max(best, run, key=len)
    return best if len(best) >= _LEAST_NEEDED else None


def load_conventions(path: Path) -> Conventions:
    """Read a layer's ``body.toml``.

    Raises:
        GrammarError: When the file cannot be read or declares something unknown; the message
            names the file and the key at fault.
    """
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise GrammarError(f"cannot read the body file {path}: {exc}") from exc
    return _Reader(path, data).conventions()


class _Reader:
    """Reads and checks a ``body.toml``, naming the key at fault in every error."""

    _TOP = frozenset({"name", "title", "extends", "grammar", "lexicon", "terminals", "detect", "header", "paragraphs"})
    _TABLES: ClassVar[dict[str, frozenset[str]]] = {
        "lexicon": frozenset({"casing", "operative_forms"}),
        "header": frozenset({"organs", "symbols", "titled_symbols"}),
        "paragraphs": frozenset({"subjects", "operative_part", "closing", "labels"}),
    }

    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path = path
        self.data = data

    def fail(self, key: str, problem: str) -> GrammarError:
        return GrammarError(f"{self.path}: {key}: {problem}")

    def conventions(self) -> Conventions:
        data = self.data
        unknown = sorted(set(data) - self._TOP)
        if unknown:
            raise self.fail(unknown[0], f"unknown key (known: {', '.join(sorted(self._TOP))})")
        for table, known in self._TABLES.items():
            wrong = sorted(set(self.table(data, table)) - known)
            if wrong:
                raise self.fail(f"{table}.{wrong[0]}", f"unknown key (known: {', '.join(sorted(known))})")
        name = self.text(data, "name")
        lexicon = self.table(data, "lexicon")
        header = self.table(data, "header")
        paragraphs = self.table(data, "paragraphs")
        return Conventions(
            name=name,
            title=self.text(data, "title", ""),
            organs=self.texts(header, "header.organs"),
            symbols=tuple(self.symbol(i, rule) for i, rule in enumerate(self.tables(header, "header.symbols"))),
            titled_symbols=tuple(
                self.titled(i, rule) for i, rule in enumerate(self.tables(header, "header.titled_symbols"))
            ),
            subjects=self.texts(paragraphs, "paragraphs.subjects"),
            operative_part=tuple(
                self.pattern(f"paragraphs.operative_part[{i}]", p)
                for i, p in enumerate(self.texts(paragraphs, "paragraphs.operative_part"))
            ),
            closing=tuple(
                self.pattern(f"paragraphs.closing[{i}]", p)
                for i, p in enumerate(self.texts(paragraphs, "paragraphs.closing"))
            ),
            labels=tuple(self.label(i, rule) for i, rule in enumerate(self.tables(paragraphs, "paragraphs.labels"))),
            detect=tuple(
                (self.pattern(f"detect.{key!r}", key), self.number(f"detect.{key!r}", weight))
                for key, weight in self.table(data, "detect").items()
            ),
            aliases=tuple((str(k), self.text({str(k): v}, str(k))) for k, v in self.table(data, "terminals").items()),
            casing=self.choices(lexicon, "lexicon.casing", CASINGS, ("title", "capitals")),
            operative_forms=self.choices(lexicon, "lexicon.operative_forms", OPERATIVE_FORMS, ("third", "base")),
            extends=self.text(data, "extends", None),
            grammar=self.text(data, "grammar", None),
        )

    def symbol(self, index: int, rule: dict[str, Any]) -> SymbolRule:
        key = f"header.symbols[{index}]"
        return SymbolRule(
            self.pattern(f"{key}.number", self.text(rule, "number")),
            self.text(rule, "symbol"),
            self.text(rule, "organ", None),
            self.text(rule, "kind", None),
        )

    def titled(self, index: int, rule: dict[str, Any]) -> TitledSymbol:
        key = f"header.titled_symbols[{index}]"
        pattern = self.pattern(f"{key}.pattern", self.text(rule, "pattern"))
        if not {"symbol", "title"} <= set(pattern.groupindex):
            raise self.fail(f"{key}.pattern", "needs the groups (?P<symbol>...) and (?P<title>...)")
        return TitledSymbol(pattern, self.text(rule, "organ", None))

    def label(self, index: int, rule: dict[str, Any]) -> LabelRule:
        key = f"paragraphs.labels[{index}]"
        kind = self.text(rule, "kind")
        if kind not in _KINDS:
            raise self.fail(f"{key}.kind", f"{kind!r} is not one of {', '.join(_KINDS)}")
        numbered = rule.get("numbered", True)
        if not isinstance(numbered, bool):
            raise self.fail(f"{key}.numbered", "must be true or false")
        return LabelRule(self.pattern(f"{key}.label", self.text(rule, "label")), kind, numbered)

    # ------------------------------------------------------------ values
    def text(self, table: Mapping[str, Any], key: str, default: Any = ...) -> Any:
        value = table.get(key, default)
        if value is ...:
            raise self.fail(key, "is missing")
        if value is not None and not isinstance(value, str):
            raise self.fail(key, f"must be a string, not {type(value).__name__}")
        return value

    def texts(self, table: Mapping[str, Any], key: str) -> tuple[str, ...]:
        value = table.get(key.rpartition(".")[2], [])
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise self.fail(key, "must be a list of strings")
        return tuple(value)

    def table(self, table: Mapping[str, Any], key: str) -> dict[str, Any]:
        value = table.get(key, {})
        if not isinstance(value, dict):
            raise self.fail(key, "must be a table")
        return value

    def tables(self, table: Mapping[str, Any], key: str) -> list[dict[str, Any]]:
        value = table.get(key.rpartition(".")[2], [])
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            raise self.fail(key, "must be an array of tables")
        return value

    def number(self, key: str, value: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(key, "a weight must be a number")
        return float(value)

    def pattern(self, key: str, text: str) -> re.Pattern[str]:
        try:
            return re.compile(text)
        except re.error as exc:
            raise self.fail(key, f"not a regular expression: {exc}") from exc

    def choices(
        self, table: Mapping[str, Any], key: str, allowed: Iterable[str], default: tuple[str, ...]
    ) -> tuple[str, ...]:
        if key.rpartition(".")[2] not in table:
            return default
        values = self.texts(table, key)
        wrong = [value for value in values if value not in allowed]
        if wrong:
            raise self.fail(key, f"{wrong[0]!r} is not one of {', '.join(allowed)}")
        return values
