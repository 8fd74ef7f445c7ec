"""Verb phrases: taking the opening phrase off a paragraph's pieces, and naming its parts.

The grammar finds the phrase (a ``PREAMBULAR_VERB`` or ``OPERATIVE_VERB`` token, compiled from
the lexicon). This module records how it was set off (italic, bold, capitals or plain), extends
it with an adverb that Markdown emphasis left outside ("**Reaffirm** also the commitments"),
and splits it into its head and its modifiers.
"""

from __future__ import annotations

import re

from resolutions.lexicon import Lexicon, trie_regex
from resolutions.lines import VERBS, Piece
from resolutions.nodes import Marking, Span, VerbPhrase

_STAR_MARKING: dict[str, Marking] = {"*": "italic", "**": "bold", "***": "bold_italic", "_": "italic"}
_TAG_MARKING: dict[str, Marking] = {"i": "italic", "em": "italic", "b": "bold", "strong": "bold"}
_TAG_NAME = re.compile(r"<([A-Za-z]+)")


class VerbReader:
    """Reads verb phrases with one lexicon's adverbs."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._trailing = re.compile(f"(?:{lexicon.trailing_adverb_regex()})+")
        leading = sorted(lexicon.leading, key=len, reverse=True)
        trailing = sorted(lexicon.trailing, key=len, reverse=True)
        self._leading_words = re.compile(r"^(?:(?:" + "|".join(map(re.escape, leading)) + r"),?\s+)+", re.I)
        self._trailing_words = re.compile(r"(?:\s+(?:" + "|".join(map(re.escape, trailing)) + r"))+$", re.I)
        spaced = [r"\s+".join(map(re.escape, adverb.split())) for adverb in trailing]
        self._infix_word = re.compile(r"^(\S+)\s+(" + "|".join(spaced) + r")\s+(\S.*)$", re.I) if spaced else None
        self._written = frozenset(lexicon.preambular) | frozenset(lexicon.written_operative())
        self._split: dict[str, tuple[str, tuple[str, ...]]] = {}
        self._subjects: dict[tuple[str, ...], re.Pattern[str]] = {}
        regexes = lexicon.terminal_regexes()
        self._phrases = re.compile("|".join(f"(?:{rx})" for rx in regexes.values()))
        #: A comma or a semicolon, then the first word of a phrase: where a run-in paragraph may
        #: start (see resolutions.runin). A trie of words: each comma costs one quick match. One
        #: pattern per mark: a pattern that opens with one character is searched for far faster
        #: than one that opens with a class of two.
        phrase = (
            rf"[ \t\u00a0]*(?=(?:\*{{1,3}}|_{{1,2}}|<(?:i|em|b|strong)>)?(?:{trie_regex(lexicon.first_words())})"
            r"(?![\w\u2019'-]))"
        )
        self._run_ins = (re.compile("," + phrase), re.compile(";" + phrase))
        self._kind_regexes = regexes  # compiled when first needed: most documents never need them
        self._by_kind: dict[str, re.Pattern[str]] | None = None
        # Words that can go on with a phrase already begun: any word of a phrase but its first,
        # and the trailing adverbs.
        self._continuations = frozenset(
            word
            for phrase in (*lexicon.preambular, *lexicon.operative, *lexicon.leading, *lexicon.trailing)
            for word in phrase.split()[1:]
        ) | frozenset(word for adverb in lexicon.trailing for word in adverb.split())

    def run_in_places(self, text: str) -> list[int]:
        """Return, in order, the offsets in text where a run-in paragraph may start."""
        return sorted(match.end() for pattern in self._run_ins for match in pattern.finditer(text))

    def take(self, pieces: list[Piece]) -> tuple[VerbPhrase | None, list[Piece]]:
        """Take the opening verb phrase off a paragraph's pieces.

        Returns:
            The verb phrase (None when the paragraph opens with none) and the remaining pieces.
        """
        if pieces and pieces[0].kind == "TAG" and pieces[0].text.startswith("</"):
            # Tags that closed the label's line ("2.</p>" / "<p>Decides ..."): the phrase follows.
            lead = next((i for i, piece in enumerate(pieces) if not _closes_or_breaks(piece)), len(pieces))
            verb, rest = self.take(pieces[lead:]) if lead < len(pieces) else (None, [])
            return verb, (pieces[:lead] + rest if verb is not None else pieces)
        if pieces and pieces[0].kind in ("STAR", "TAG"):
            return self._marked(pieces)
        first = pieces[0] if pieces else None
        if first is not None and (first.kind in VERBS or (first.kind == "TEXT" and self._opens_phrase(first.text))):
            return self._unmarked(pieces)
        return None, pieces

    def take_after_subject(
        self, pieces: list[Piece], subjects: tuple[str, ...]
    ) -> tuple[VerbPhrase | None, list[Piece]]:
        """Take a phrase that follows the body named as its subject: "The Assembly strongly condemns".

        The verb is in the third person, written in lower case, with its adverbs ("therefore
        calls on"), or a preambular phrase after "is"/"are" ("is alarmed by").
        """
        if not subjects or not pieces or pieces[0].kind != "TEXT":
            return None, pieces
        match = self._subject_regex(subjects).match(pieces[0].text)
        if match is None:
            return None, pieces
        first = pieces[0]
        text = " ".join(match.group(0).split())
        subject = " ".join(match.group("subject").split()).rstrip(",")
        head, modifiers = self.split(" ".join(match.group("verb").split()))
        end = first.start + match.end()
        verb = VerbPhrase(text, head, modifiers, "plain", Span(first.start, end), subject=subject)
        rest = first.text[match.end() :]
        return verb, ([Piece("TEXT", rest, end, first.end)] if rest else []) + pieces[1:]

    def _subject_regex(self, subjects: tuple[str, ...]) -> re.Pattern[str]:
        found = self._subjects.get(subjects)
        if found is None:
            found = self._subjects[subjects] = self._compile_subjects(subjects)
        return found

    def _compile_subjects(self, subjects: tuple[str, ...]) -> re.Pattern[str]:
        lexicon = self.lexicon
        operative = trie_regex(sorted({form.lower() for form in lexicon.written_operative()}))
        preambular = trie_regex(sorted(lexicon.preambular))
        adverbs = trie_regex(sorted(lexicon.leading | lexicon.trailing))
        names = "|".join(
            re.escape(s) for s in sorted({*subjects, *(s.upper() for s in subjects)}, key=len, reverse=True)
        )
        space = r"[ \t\u00a0]+"
        adverb = rf"(?:(?:{adverbs}),?{space})"
        verb = rf"{adverb}*(?:{operative}|(?:is|are){space}{adverb}*(?:{preambular}))"
        # The subject may have a phrase in apposition, between commas: "We, the States Members of
        # the United Nations, welcome ..." (bounded: it is tried at a paragraph's start only).
        apposition = r"(?:,[^;:\n]{1,300}?,)?"
        return re.compile(rf"(?P<subject>(?:{names}){apposition}),?{space}(?P<verb>{verb})(?![\w\u2019'-])")

    def _opens_phrase(self, text: str) -> bool:
        return text[:1].isupper() or (self.lexicon.lower_case and text[:1].islower())

    def phrase_end(self, text: str, start: int = 0) -> int | None:
        """Return where a verb phrase of the lexicon that opens at ``start`` ends, or None."""
        match = self._phrases.match(text, start)
        return match.end() if match is not None else None

    def kind_of(self, phrase: str) -> str | None:
        """Return the lexicon kind ("PREAMBULAR_VERB", "OPERATIVE_VERB") a phrase belongs to.

        For a phrase the line grammar could not see whole, because a line break cut it
        ("Having" / "considered the report").
        """
        best: tuple[int, str | None] = (0, None)
        if self._by_kind is None:
            self._by_kind = {kind: re.compile(rx) for kind, rx in self._kind_regexes.items()}
        for kind, regex in self._by_kind.items():
            match = regex.match(phrase + " ")
            if match is not None and match.end() > best[0]:
                best = (match.end(), kind)
        return best[1]

    def _marked(self, pieces: list[Piece]) -> tuple[VerbPhrase | None, list[Piece]]:
        """Read a phrase set off by emphasis: the whole emphasised run, and what the lexicon adds."""
        opener = pieces[0]
        closer = _closer_at(opener, pieces, 1)
        if closer is None or closer == 1:  # the emphasis goes on past any phrase: not a verb
            return None, pieces
        # The whole emphasised run is the phrase ("*Welcomes and expresses strong support*"), if
        # it opens with one (a page break may cut it: "*Are fully" / "aware*").
        text = "".join(" " if piece.kind == "BREAK" else piece.text for piece in pieces[1:closer])
        if pieces[1].kind not in VERBS and self._phrases.match(text) is None:
            return None, pieces  # the lexer found no phrase there, and the whole run is none
        text, end, rest = self._extend(text, pieces[closer].end, pieces, closer + 1)
        return self._phrase(text, self._marking(opener, pieces[1]), opener.start, end), rest[closer + 1 :]

    def _unmarked(self, pieces: list[Piece]) -> tuple[VerbPhrase | None, list[Piece]]:
        """Read a plain phrase with the lexicon, across the paragraph's first line break.

        The line grammar finds a phrase within one line; here the next line is in view, so
        that "Also" / "request the ..." is one phrase, and so that an adverb at a line end is
        judged by the word after it ("Encourages further" / "dialogue": an adjective).
        """
        joined, starts = _leading_text(pieces)
        match = self._phrases.match(joined)
        if match is None:
            return None, pieces
        taken = len(joined[: match.end()].rstrip())
        text = " ".join(joined[:taken].split())
        first = pieces[0]
        letters = [c for c in text if c.isalpha()]
        marking: Marking = "capitals" if len(letters) > 1 and all(c.isupper() for c in letters) else "plain"
        rest, end = _cut(pieces, starts, taken)
        return self._phrase(text, marking, first.start, end), rest

    def _phrase(self, text: str, marking: Marking, start: int, end: int) -> VerbPhrase:
        phrase = " ".join(text.split())
        head, modifiers = self.split(phrase)
        return VerbPhrase(phrase, head, modifiers, marking, Span(start, end))

    def split(self, phrase: str) -> tuple[str, tuple[str, ...]]:
        """Split a phrase into its head and its adverbs: "Also strongly urges" -> urges, (Also, strongly)."""
        found = self._split.get(phrase)
        if found is None:
            found = self._split[phrase] = self._split_new(phrase)
        return found

    def _split_new(self, phrase: str) -> tuple[str, tuple[str, ...]]:
        modifiers: list[str] = []
        head = phrase
        trailing: list[str] = []
        match = self._trailing_words.search(head)
        if match and match.start() > 0:
            trailing.append(match.group(0).strip())
            head = head[: match.start()]
        # A lexicon phrase that opens with an adverb stays whole: "Deeply concerned".
        match = self._leading_words.match(head) if head.lower() not in self._written else None
        if match and match.end() < len(head):
            modifiers.extend(w for w in re.split(r",?\s+", match.group(0).strip(" ,")) if w)
            head = head[match.end() :]
        # "Having also heard": an adverb inside a phrase of the lexicon.
        infix = self._infix_word.match(head) if self._infix_word is not None else None
        if infix and f"{infix.group(1)} {infix.group(3)}".lower() in self._written:
            modifiers.append(infix.group(2))
            head = f"{infix.group(1)} {infix.group(3)}"
        return head, tuple(_group_adverbs(modifiers + trailing, self.lexicon))

    def _marking(self, opener: Piece | None, verb: Piece) -> Marking:
        if opener is not None and opener.kind == "STAR":
            return _STAR_MARKING.get(opener.text, "bold_italic")
        if opener is not None:
            match = _TAG_NAME.match(opener.text)
            return _TAG_MARKING.get(match.group(1).lower() if match else "", "plain")
        letters = [c for c in verb.text if c.isalpha()]
        return "capitals" if len(letters) > 1 and all(c.isupper() for c in letters) else "plain"

    def _extend(self, text: str, end: int, pieces: list[Piece], index: int) -> tuple[str, int, list[Piece]]:
        """Take the rest of a phrase that markup or a line break cut off.

        That is a trailing adverb ("**Reaffirm** also the"), or the rest of a lexicon phrase
        ("*Call* for continued" reads as "Call for"; "Calls" at a line end, "upon" on the next).
        """
        broken = index + 1 < len(pieces) and pieces[index].kind == "BREAK"
        at = index + 1 if broken else index
        if at >= len(pieces) or pieces[at].kind != "TEXT":
            return text, end, pieces
        following = pieces[at]
        words = following.text[:_WORD].split(None, 1)
        if not words or words[0].lower().rstrip(",;:.") not in self._continuations:
            return text, end, pieces  # the next word cannot go on with any phrase
        tail = (" " if broken else "") + following.text[:_LOOKAHEAD]  # a phrase is short
        taken = 0
        whole = self._phrases.match(text + tail)
        if whole is not None and whole.end() > len(text):
            taken = whole.end() - len(text)
        match = self._trailing.match(tail, taken)
        if match:
            taken = match.end()
        used = taken - (1 if broken else 0)  # characters taken from the following text
        if used <= 0:
            return text, end, pieces
        rest = Piece("TEXT", following.text[used:], following.start + used, following.end)
        pieces = [*pieces[:index], rest, *pieces[at + 1 :]]  # the break and the words join the phrase
        return text + tail[:taken], following.start + used, pieces


def _closes_or_breaks(piece: Piece) -> bool:
    return piece.kind == "BREAK" or (piece.kind == "TAG" and piece.text.startswith("</"))


def _leading_text(pieces: list[Piece]) -> tuple[str, list[int]]:
    """Return the text of a paragraph's first two lines of plain pieces, and where each piece starts."""
    joined = ""
    starts: list[int] = []
    breaks = 0
    for piece in pieces:
        if piece.kind == "BREAK":
            breaks += 1
            if breaks > 1:
                break
        elif piece.kind != "TEXT" and piece.kind not in VERBS:
            break
        starts.append(len(joined))
        joined += " " if piece.kind == "BREAK" else piece.text
        if len(joined) > _LOOKAHEAD:
            break
    return joined, starts


def _cut(pieces: list[Piece], starts: list[int], taken: int) -> tuple[list[Piece], int]:
    """Drop the first ``taken`` characters of the leading pieces; return the rest and its start."""
    for index, start in enumerate(starts):
        piece = pieces[index]
        size = 1 if piece.kind == "BREAK" else len(piece.text)
        if start + size <= taken:
            continue
        used = taken - start
        if used <= 0 or piece.kind == "BREAK":
            return pieces[index:], pieces[index].start
        rest = Piece("TEXT", piece.text[used:], piece.start + used, piece.end)
        return [rest, *pieces[index + 1 :]], piece.start + used
    last = pieces[len(starts) - 1]
    return pieces[len(starts) :], last.end


#: How much of the next piece holds its first word.
_WORD = 40
#: How much of a paragraph's opening is read to find its phrase.
_LOOKAHEAD = 200
#: The most words an emphasised run may hold and still be a verb phrase.
_PHRASE_WORDS = 8


def _closer_at(opener: Piece, pieces: list[Piece], start: int) -> int | None:
    """Find the piece that closes the emphasis around a verb, if the run is a short phrase."""
    words = 0
    for position in range(start, len(pieces)):
        piece = pieces[position]
        if _closes(opener, piece):
            return position
        if piece.kind != "TEXT" and piece.kind != "BREAK" and piece.kind not in VERBS:
            return None
        words += len(piece.text.split())
        if words > _PHRASE_WORDS:
            return None
    return None


def _closes(opener: Piece, piece: Piece) -> bool:
    if opener.kind == "STAR":
        return piece.kind == "STAR" and piece.text == opener.text
    match = _TAG_NAME.match(opener.text)
    return piece.kind == "TAG" and match is not None and piece.text.lower() == f"</{match.group(1).lower()}>"


def _group_adverbs(words: list[str], lexicon: Lexicon) -> list[str]:
    """Put multi-word adverbs back together: ["once", "again"] -> ["once again"]."""
    out: list[str] = []
    for word in words:
        if out and f"{out[-1]} {word}".lower() in lexicon.leading | lexicon.trailing:
            out[-1] = f"{out[-1]} {word}"
        else:
            out.append(word)
    return out
