"""Faster scanners for lark's lexer: the alternation of terminals tried by a line's first character.

lark scans a token by matching one pattern, the alternation of every terminal the parser
accepts there, each in a named group: ``(?P<FORMULA>...)|(?P<SYMBOL>...)|...``. Python's
regular-expression engine skips an alternative cheaply only when it opens with a literal or a
character class, and a named group opens each of these; so at a line's start, where some
35 terminals are offered, every line pays for trying them all, about 1.5 microseconds, even
a line that can only be text.

:func:`contextual_lexer` gives lark's contextual lexer a stand-in for the ``re`` module whose
scanner patterns look at the character where matching starts and use a copy of the
alternation in which each run of terminals that cannot start with that character is one group
guarded by a literal that never matches there. The groups, their numbers and the order of the
terminals are those of lark's pattern, so the match is the same (``tests/test_lexing.py``
checks it against lark's own pattern); the engine skips each guarded run at the cost of one
character comparison.

Which characters a terminal can start with is read from the pattern's parse (Python's own
``re._parser``), erring on the side of "any": an alternative whose first character cannot be
told (a back-reference, a pattern that may match nothing) is always tried. The same parse
gives :func:`shortest_match`, the length of the shortest text a pattern can match: the stages
that try many patterns on every line skip those a line is too short for.
"""

from __future__ import annotations

import copy
import functools
import importlib
import re
from collections.abc import Callable
from typing import Any

_sre_parse: Any
try:  # Python's own parser of regular expressions: private, the same in 3.11 to 3.13
    _sre_parse = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - another Python: no dispatch
    _sre_parse = None

#: Alternations with fewer terminals are left as they are: the dispatch costs a dictionary
#: look-up per token, more than it saves on a few alternatives.
MIN_BRANCHES = 8
#: Characters beyond this one use the whole alternation, so that the table of characters seen
#: stays bounded whatever the text (a few megabytes at most).
LAST_DISPATCHED = "\uffff"
#: How often a character must open a token before its copy of the alternation is made: a short
#: text (a command line's one file) is not made to wait for copies it would hardly use.
WARM_UP = 8
#: The opcodes that match nothing themselves: assertions, anchors.
_ZERO_WIDTH = ("AT", "ASSERT", "ASSERT_NOT")


class FirstCharPattern:
    """A compiled alternation of named groups that tries only the alternatives a character can open.

    Behaves as the compiled pattern for ``match(text, pos)``, the one call lark's scanner makes
    (a plain function set on the instance, not a method: a token pays for one call, not two),
    and hands every other attribute to it. What each terminal can start with is worked out when
    a character has opened :data:`WARM_UP` tokens, and that character's copy made then.
    """

    def __init__(self, full: re.Pattern[str]) -> None:
        self.full = full
        self.by_char: dict[str, re.Pattern[str]] = {}
        self.by_candidates: dict[tuple[tuple[bool, ...], str], re.Pattern[str]] = {}
        self.seen: dict[str, int] = {}
        self._branches: tuple[list[str], list[str], list[re.Pattern[str] | None]] | None = None
        by_char = self.by_char
        seen = self.seen
        variant_of = self.variant

        def match(text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
            if endpos is None:
                try:
                    return by_char[text[pos]].match(text, pos)
                except (KeyError, IndexError):
                    if pos < len(text):
                        char = text[pos]
                        count = seen[char] = seen.get(char, 0) + 1
                        if count >= WARM_UP:
                            return variant_of(char).match(text, pos)
                return full.match(text, pos)
            return full.match(text, pos, endpos)

        self.match = match

    def __getattr__(self, name: str) -> Any:
        return getattr(self.full, name)

    @property
    def branches(self) -> list[str]:
        """The terminals' alternatives, as lark joined them."""
        return self._analysed()[0]

    @property
    def starts(self) -> list[re.Pattern[str] | None]:
        """For each alternative, a pattern of the characters it can start with (None: any)."""
        return self._analysed()[2]

    def variant(self, char: str) -> re.Pattern[str]:
        """The alternation with every branch that cannot start with ``char`` guarded."""
        if char > LAST_DISPATCHED:
            return self.full
        branches, stubs, starts = self._analysed()
        candidates = tuple(start is None or start.match(char) is not None for start in starts)
        guard = "\x00" if char != "\x00" else "\x01"
        key = (candidates, guard)
        variant = self.by_candidates.get(key)
        if variant is None:
            source = "|".join(_guarded(branches, stubs, candidates, guard))
            variant = re.compile(source, self.full.flags)
            if variant.groupindex != self.full.groupindex:  # pragma: no cover - cut wrongly: be safe
                variant = self.full
            self.by_candidates[key] = variant
        self.by_char[char] = variant
        return variant

    def _analysed(self) -> tuple[list[str], list[str], list[re.Pattern[str] | None]]:
        """Cut the alternation into its terminals; their stubs, and what each can start with."""
        if self._branches is None:
            full = self.full
            branches = _split_branches(full.pattern)
            starts = [_starts(branch, full.flags) for branch in branches]
            # A guarded branch is never entered, so it needs none of its pattern, only its
            # groups (their numbers must stay): its named group alone when it has no others.
            names = [b[4 : b.find(">")] for b in branches]
            numbers = [full.groupindex.get(name, -1) for name in names]
            ends = [*numbers[1:], full.groups + 1]
            stubs = [
                f"(?P<{name}>)" if end == number + 1 else branch
                for branch, name, number, end in zip(branches, names, numbers, ends, strict=True)
            ]
            if not all(b.startswith("(?P<") for b in branches) or -1 in numbers:  # pragma: no cover
                starts = [None] * len(branches)  # not cut where lark joined: every branch is tried
            self._branches = (branches, stubs, starts)
        return self._branches


def _guarded(branches: list[str], stubs: list[str], candidates: tuple[bool, ...], guard: str) -> list[str]:
    """The alternatives of a variant: candidates as they are, each run of the others one guarded group.

    A run is skipped at one comparison, and its stubs keep the groups' numbers.
    """
    out = []
    run: list[str] = []
    for branch, stub, keep in zip(branches, stubs, candidates, strict=True):
        if keep:
            if run:
                out.append(f"{guard}(?:{'|'.join(run)})")
                run = []
            out.append(branch)
        else:
            run.append(stub)
    if run:
        out.append(f"{guard}(?:{'|'.join(run)})")
    return out


class _DispatchingRe:
    """The ``re`` module, but ``compile`` returns :class:`FirstCharPattern` for scanner alternations."""

    def __getattr__(self, name: str) -> Any:
        return getattr(re, name)

    def compile(self, pattern: str, flags: int = 0) -> Any:
        compiled = re.compile(pattern, flags)
        if isinstance(pattern, str):
            dispatching = first_char_pattern(compiled)
            if dispatching is not None:
                return dispatching
        return compiled


DISPATCHING_RE = _DispatchingRe()


def shortest_match(pattern: re.Pattern[str]) -> int:
    """Return the length of the shortest text ``pattern`` can match (0 when it cannot be told).

    A text shorter than that cannot match, so a test of its length, at C speed, can stand
    before the pattern wherever most texts asked are short (lines of one word, a mark, junk).
    """
    if _sre_parse is None:  # pragma: no cover - another Python
        return 0
    try:
        return int(_sre_parse.parse(pattern.pattern, pattern.flags).getwidth()[0])
    except Exception:  # pragma: no cover - a pattern Python compiled but its parser refuses
        return 0


def first_char_pattern(compiled: re.Pattern[str]) -> FirstCharPattern | None:
    """Return a dispatching copy of a scanner's alternation, or None when it is not one worth it."""
    if _sre_parse is None or compiled.pattern.count("|(?P<") < MIN_BRANCHES - 1:
        return None  # a terminal's own pattern (lark compiles each to check it), or a small scanner
    if not compiled.pattern.startswith("(?P<"):
        return None
    return FirstCharPattern(compiled)


@functools.lru_cache(maxsize=4096)  # the scanners of a grammar's states share their terminals
def _starts(branch: str, flags: int) -> re.Pattern[str] | None:
    """A pattern of one character matching every character ``branch`` can start with (None: any)."""
    try:
        parsed = _sre_parse.parse(branch, flags)
    except (re.error, RecursionError):  # a back-reference to another branch: unknown
        return None
    first = _first(list(parsed), flags)
    return None if first is None else _class(first)


def contextual_lexer(base: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a contextual lexer class (lark's or lark_cython's) so that its scanners dispatch."""

    def make(conf: Any, states: Any, always_accept: Any = ()) -> Any:
        if getattr(conf, "re_module", None) is re:  # (another lark, or regex=True: left as it is)
            conf = copy.copy(conf)
            conf.re_module = DISPATCHING_RE
        return base(conf, states, always_accept=always_accept)

    return make


def _split_branches(pattern: str) -> list[str]:
    """Cut a pattern at its top-level ``|``s (outside groups and character classes)."""
    out = []
    depth = 0
    start = 0
    index = 0
    in_class = False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            if char == "]":
                in_class = False
        elif char == "[":
            in_class = True
            if pattern.startswith("]", index + 1) or pattern.startswith("^]", index + 1):
                index += 2 if pattern[index + 1] == "]" else 3
                continue
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            out.append(pattern[start:index])
            start = index + 1
        index += 1
    out.append(pattern[start:])
    return out


#: A first character: an sre item (LITERAL, NOT_LITERAL, IN) with the flags in force there.
_Item = tuple[Any, Any, int]


def _first(items: list[Any], flags: int) -> list[_Item] | None:
    """The items a sequence's first character matches; None when it may be any (or nothing)."""
    out: list[_Item] = []
    for op, value in items:
        name = op.name
        if name in _ZERO_WIDTH:
            continue
        if name in ("LITERAL", "NOT_LITERAL", "IN"):
            out.append((name, value, flags))
            return out
        inner = _inside(name, value, flags)
        if inner is None:
            return None  # ANY, back-references, conditionals: any character
        sequences, inside, optional = inner
        for sequence in sequences:
            found = _first(sequence, inside)
            if found is None:
                return None
            out.extend(found)
        if not optional and not any(_nullable(sequence) for sequence in sequences):
            return out
    return None  # the sequence may match nothing: what follows it is unknown


def _nullable(items: list[Any]) -> bool:
    """Whether a sequence may match the empty string (True when unsure)."""
    for op, value in items:
        name = op.name
        if name in _ZERO_WIDTH:
            continue
        if name in ("LITERAL", "NOT_LITERAL", "IN", "ANY"):
            return False
        inner = _inside(name, value, 0)
        if inner is None:
            return True
        sequences, _flags, optional = inner
        if not optional and not any(_nullable(sequence) for sequence in sequences):
            return False
    return True


def _inside(name: str, value: Any, flags: int) -> tuple[list[list[Any]], int, bool] | None:
    """What a group, an alternation or a repeat holds; None for anything else.

    Its sequences, the flags in force in them, and whether it may match nothing whatever they
    hold (a repeat of at least 0).
    """
    if name == "SUBPATTERN":
        _group, add, remove, inner = value
        return [list(inner)], (flags | add) & ~remove, False
    if name == "ATOMIC_GROUP":
        return [list(value)], flags, False
    if name == "BRANCH":
        return [list(alternative) for alternative in value[1]], flags, False
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, _high, inner = value
        return [list(inner)], flags, low == 0
    return None


_CATEGORIES = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}


def _class(items: list[_Item]) -> re.Pattern[str] | None:
    """A pattern of one character matching every first character of ``items`` (None: any)."""
    parts = []
    for name, value, flags in items:
        scoped = _scoped(flags)
        if name == "LITERAL":
            parts.append(f"(?{scoped}:{_escape(value)})")
        elif name == "NOT_LITERAL":
            parts.append(f"(?{scoped}:[^{_escape(value)}])")
        else:
            negate = ""
            members = []
            for op, member in value:
                kind = op.name
                if kind == "NEGATE":
                    negate = "^"
                elif kind == "LITERAL":
                    members.append(_escape(member))
                elif kind == "RANGE":
                    members.append(f"{_escape(member[0])}-{_escape(member[1])}")
                elif kind == "CATEGORY" and member.name in _CATEGORIES:
                    members.append(_CATEGORIES[member.name])
                else:
                    return None
            if not members:
                return None
            parts.append(f"(?{scoped}:[{negate}{''.join(members)}])")
    return re.compile("|".join(parts), re.DOTALL)


def _scoped(flags: int) -> str:
    out = "s"
    if flags & re.IGNORECASE:
        out += "i"
    if flags & re.ASCII:
        out += "a"
    return out


def _escape(code: int) -> str:
    return "\\" + chr(code) if not chr(code).isalnum() else chr(code)
