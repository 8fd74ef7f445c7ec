"""Verb-phrase lexicons, and their compilation into grammar terminals.

Verb phrases are data, not grammar: users add "Calls on" or "Takes note with concern" to a text
file (or pass them to :meth:`Lexicon.extended`) without touching a ``.lark`` file. The lexicon is
compiled into two terminals, ``PREAMBULAR_VERB`` and ``OPERATIVE_VERB``, served to the grammar
as a virtual ``lexicon.lark`` module.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import attrs

#: Words that may follow a trailing adverb when the adverb belongs to the verb phrase
#: ("Decides further that", "Recalling also the"); anything else ("Encourages further efforts")
#: makes the adverb an adjective of what follows.
_OBJECT_STARTS = (
    "that|to|the|its|their|his|her|a|an|all|each|both|any|upon|on|with|in|by|of|for|at|"
    "from|as|this|these|those|whether|how|once|again|also|further"
)
#: A phrase's word followed by a modal or "is" is a noun, the subject of a sentence: "Support
#: shall be provided ...", "Notes are kept ..." (an agreement's articles, annexed), also past a
#: clause between commas: "Support, including financial support, shall be provided ...".
_NOT_A_SUBJECT = (
    r"(?!(?:[ \t\u00a0]*,[^,;:\n]{1,80},)?[ \t\u00a0]+"
    r"(?:shall|should|may|must|will|would|can|could|might|is|are|was|were)(?![\w\u2019'-]))"
)
_SPACE = r"[ \t\u00a0]+"
#: A character trie: each character leads to the rest; "" marks the end of a word.
_Trie = dict[str, "_Trie"]


def _words(items: Iterable[str]) -> frozenset[str]:
    return frozenset(items)


def _third_person(word: str) -> str:
    """Return the third person singular of an English verb ("stress" -> "stresses")."""
    if word.endswith(("s", "sh", "ch", "x", "z", "o")):
        return word + "es"
    if len(word) > 2 and word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def operative_forms(phrase: str, adverbs: Iterable[str] = (), forms: Iterable[str] = ("third", "base")) -> list[str]:
    """Return the written forms of an operative phrase given in its base form.

    "decide" gives "decide" and "decides"; "are concerned" stays as it is. The verb is the
    first word that is not one of ``adverbs``: "solemnly declare" gives "solemnly declares".
    ``forms`` names the forms a body writes: "third" ("decides": resolutions), "base"
    ("decide": declarations in the first person plural), "to" ("to decide": the Organization
    of American States' "1. To reaffirm ...").
    """
    words = phrase.split(" ")
    skip = set(adverbs)
    wanted = set(forms)
    verb = next((i for i, word in enumerate(words) if word not in skip), 0)
    if words[verb] in ("are", "have"):
        return [phrase] if "base" in wanted or "third" in wanted else []
    out = [phrase] if "base" in wanted else []
    if "third" in wanted:
        out.append(" ".join([*words[:verb], _third_person(words[verb]), *words[verb + 1 :]]))
    if "to" in wanted:
        out.append(f"to {phrase}")
    return out


def _cased(phrase: str, casing: Iterable[str] = ("title", "capitals")) -> list[str]:
    """Return the spellings of a lower-case phrase in the casings asked for."""
    spellings = {"title": phrase[:1].upper() + phrase[1:], "capitals": phrase.upper(), "lower": phrase}
    return [spellings[name] for name in casing]


def trie_regex(words: Iterable[str]) -> str:
    """Return a regex matching exactly the given strings, longest first, as a character trie.

    A trie keeps matching fast with hundreds of phrases: the regex engine never backtracks over
    alternatives that share a prefix.
    """
    trie: _Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_to_regex(trie)


def _trie_to_regex(node: _Trie) -> str:
    ends_here = "" in node
    branches = []
    for char in sorted(k for k in node if k):
        char_re = _SPACE if char == " " else re.escape(char)
        branches.append(char_re + _trie_to_regex(node[char]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        return "(?:" + body + ")?"
    return body


@attrs.frozen
class Lexicon:
    """The phrases that open preambular and operative paragraphs.

    Attributes:
        preambular: Preambular phrases in lower case ("recalling", "bearing in mind").
        operative: Operative phrases in their base form ("decide", "call upon").
        leading: Adverbs that may precede a verb ("also", "once again").
        trailing: Adverbs that may follow a verb ("also", "further").
        casing: How phrases are written: "title" ("Recalling"), "capitals" ("RECALLING") and,
            for bodies that write them so, "lower" ("having regard to", "whereas").
        forms: The written forms of operative phrases (see :func:`operative_forms`).
    """

    preambular: frozenset[str] = attrs.field(converter=_words)
    operative: frozenset[str] = attrs.field(converter=_words)
    leading: frozenset[str] = attrs.field(converter=_words)
    trailing: frozenset[str] = attrs.field(converter=_words)
    casing: tuple[str, ...] = ("title", "capitals")
    forms: tuple[str, ...] = ("third", "base")

    def __repr__(self) -> str:
        counts = f"{len(self.preambular)} preambular, {len(self.operative)} operative phrases"
        return f"<Lexicon {counts}, casing {'/'.join(self.casing)}>"

    @classmethod
    def load(cls, directory: Path) -> Lexicon:
        """Read ``preambular.txt``, ``operative.txt`` and ``adverbs.txt`` from a folder.

        A file that is not there holds no phrases (a body's layer may add only some).
        """
        adverbs = _read_sections(directory / "adverbs.txt")
        return cls(
            preambular=_read_phrases(directory / "preambular.txt"),
            operative=_read_phrases(directory / "operative.txt"),
            leading=adverbs.get("leading", []),
            trailing=adverbs.get("trailing", []),
        )

    def extended(
        self,
        *,
        preambular: Iterable[str] = (),
        operative: Iterable[str] = (),
        leading: Iterable[str] = (),
        trailing: Iterable[str] = (),
    ) -> Lexicon:
        """Return a copy with more phrases (given in any case; stored in lower case)."""
        return attrs.evolve(
            self,
            preambular=self.preambular | {p.lower() for p in preambular},
            operative=self.operative | {p.lower() for p in operative},
            leading=self.leading | {p.lower() for p in leading},
            trailing=self.trailing | {p.lower() for p in trailing},
        )

    def merged(self, other: Lexicon) -> Lexicon:
        """Return a copy with another lexicon's phrases and adverbs added."""
        return self.extended(
            preambular=other.preambular, operative=other.operative, leading=other.leading, trailing=other.trailing
        )

    @property
    def lower_case(self) -> bool:
        """Whether phrases may be written in lower case (and so open text that starts in it)."""
        return "lower" in self.casing

    def written_operative(self) -> list[str]:
        """Return every written form of the operative phrases ("decide", "decides" ...), sorted."""
        return sorted({form for p in self.operative for form in operative_forms(p, self.leading, self.forms)})

    def terminal_regexes(self) -> dict[str, str]:
        """Return the regexes of ``PREAMBULAR_VERB`` and ``OPERATIVE_VERB``."""
        operative = self.written_operative()
        return {
            "PREAMBULAR_VERB": self._phrase_regex(sorted(self.preambular)),
            "OPERATIVE_VERB": self._phrase_regex(sorted(operative)),
        }

    def phrase_prefixes(self) -> frozenset[str]:
        """Return the word prefixes of every written phrase ("Taking", "Taking note", "Also").

        A line that holds only such a prefix, after a line that ended a paragraph, is a phrase
        cut by a line or page break ("Taking" / "note with appreciation ..."): a new paragraph.
        """
        operative = self.written_operative()
        prefixes: set[str] = set()
        for phrase in [*self.preambular, *operative, *self.leading]:
            words = phrase.split()
            for count in range(1, len(words) + 1):
                prefix = " ".join(words[:count])
                prefixes.update(_cased(prefix, self.casing))
        return frozenset(prefixes)

    def first_words(self) -> list[str]:
        """Return the words a written phrase may open with, in Title case and capitals.

        (Not in lower case, even where the body writes its phrases so: inside a sentence a
        lower-case phrase is just words.)
        """
        words = {phrase.split()[0] for phrase in [*self.preambular, *self.written_operative(), *self.leading]}
        casing = [name for name in self.casing if name != "lower"]
        return sorted({form for word in words for form in _cased(word, casing)})

    def grammar_text(self) -> str:
        """Return the text of the virtual ``lexicon.lark`` grammar module."""
        lines = ["// Generated from the verb lexicon (resolutions.lexicon). Do not edit."]
        for name, regex in self.terminal_regexes().items():
            lines.append(f"{name}.4: /{regex}/")
        return "\n".join(lines) + "\n"

    def trailing_adverb_regex(self) -> str:
        """Return a regex for adverbs that extend a phrase ("also", "further"), checked in context.

        Used inside the terminals and again by the builder, when Markdown emphasis ends the verb
        before its adverb ("**Reaffirm** also the commitments").
        """
        adverbs = trie_regex(sorted(self.trailing))
        # ... or the end of the emphasis that marks the phrase: "*Recalling also* that".
        follow = rf"(?={_SPACE}(?:{_OBJECT_STARTS})(?![\w-])|[ \t]*[,;:.*<]|{_SPACE}[A-Z]|[ \t]*\r?$|[ \t]*\r?\n)"
        return rf"(?:{_SPACE}(?:{adverbs}){follow})"

    def _phrase_regex(self, phrases: list[str]) -> str:
        lower = trie_regex(phrases)
        leading_lower = trie_regex(sorted(self.leading))
        branches = []
        if "title" in self.casing:
            leading_title = trie_regex(_cased(a)[0] for a in sorted(self.leading))
            # "Also welcomes", "Once again strongly urges": Title-case adverb, lower-case rest.
            with_adverbs = rf"(?:{leading_title})(?:,?{_SPACE}(?:{leading_lower}))*,?{_SPACE}(?:{lower})"
            # Tried first: where it matches, it matches at least what the plain phrases would.
            branches += [self._infix_regex(phrases), with_adverbs, trie_regex(_cased(p)[0] for p in phrases)]
        if "capitals" in self.casing:
            # "FURTHER DECIDES", "ALSO URGES": the adverbs in capitals too.
            leading_upper = trie_regex(a.upper() for a in sorted(self.leading))
            upper = trie_regex(p.upper() for p in phrases)
            branches.append(rf"(?:(?:{leading_upper}),?{_SPACE})*(?:{upper})")
        if "lower" in self.casing:
            branches.append(rf"(?:(?:{leading_lower}),?{_SPACE})*(?:{lower})")
        head = "(?:" + "|".join(branch for branch in branches if branch) + ")"
        return rf"{head}{self.trailing_adverb_regex()}*(?![\w\u2019'-]){_NOT_A_SUBJECT}"

    def _infix_regex(self, phrases: list[str]) -> str:
        """Return a regex for phrases of several words with an adverb after the first one.

        "Having also heard", "Noting further with concern", "Bearing also in mind": the
        adverb (a trailing one: "also", "further" ...) is optional, so that the longest phrase
        wins whether or not it has one. Title case only: the capitals of WHO resolutions put
        their adverbs after the verb ("URGES FURTHER").
        """
        rests: dict[str, list[str]] = {}
        for phrase in phrases:
            first, _, rest = phrase.partition(" ")
            if rest:
                rests.setdefault(first, []).append(rest)
        if not rests or not self.trailing:
            return ""
        adverbs = trie_regex(sorted(self.trailing))
        branches = [
            rf"{re.escape(first.capitalize())}(?:{_SPACE}(?:{adverbs}))?{_SPACE}(?:{trie_regex(sorted(rest))})"
            for first, rest in sorted(rests.items())
        ]
        return "(?:" + "|".join(branches) + ")"


def _read_phrases(path: Path) -> list[str]:
    return [line for line in _content_lines(path) if not line.startswith("[")]


def _read_sections(path: Path) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = sections.setdefault("", [])
    for line in _content_lines(path):
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        else:
            current.append(line)
    return sections


def _content_lines(path: Path) -> list[str]:
    if not path.is_file():
        return []
    text = path.read_text(encoding="utf-8")
    lines = (" ".join(line.split("#", 1)[0].split()).lower() for line in text.splitlines())
    return [line for line in lines if line]
