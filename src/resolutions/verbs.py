"""Verb phrases: taking the opening phrase off a paragraph's pieces, and naming its parts.

The grammar finds the phrase (a ``PREAMBULAR_VERB`` or ``OPERATIVE_VERB`` token, compiled from
the lexicon). This module records how it was set off (italic, bold, capitals or plain), extends
it with an adverb that Markdown emphasis left outside ("**Reaffirm** also the commitments"),
and splits it into its head and its modifiers.
"""

from __future__ import annotations

import re

from resolutions.lexicon import Lexicon
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
        self._split: dict[str, tuple[str, tuple[str, ...]]] = {}
        self._phrases = re.compile("|".join(f"(?:{rx})" for rx in lexicon.terminal_regexes().values()))

    def take(self, pieces: list[Piece]) -> tuple[VerbPhrase | None, list[Piece]]:
        """Take the opening verb phrase off a paragraph's pieces.

        Returns:
            The verb phrase (None when the paragraph opens with none) and the remaining pieces.
        """
        index = 0
        opener: Piece | None = None
        if pieces and pieces[0].kind in ("STAR", "TAG"):
            opener = pieces[0]
            index = 1
        if index >= len(pieces) or pieces[index].kind not in VERBS:
            return None, pieces
        verb = pieces[index]
        text = verb.text
        end = verb.end
        index += 1
        marking = self._marking(opener, verb)
        if opener is not None:
            closer = _closer_at(opener, pieces, index)
            if closer is None:  # the emphasis goes on past any phrase: leave it to the content
                return None, pieces
            # The whole emphasised run is the phrase ("*Welcomes and expresses strong support*").
            text += "".join(piece.text for piece in pieces[index:closer])
            end = pieces[closer].end
            index = closer + 1
            text, end, pieces = self._extend(text, end, pieces, index)
        phrase = " ".join(text.split())
        head, modifiers = self.split(phrase)
        start = opener.start if opener is not None else verb.start
        return VerbPhrase(phrase, head, modifiers, marking, Span(start, end)), pieces[index:]

    def split(self, phrase: str) -> tuple[str, tuple[str, ...]]:
        """Split a phrase into its head and its adverbs: "Also strongly urges" -> urges, (Also, strongly)."""
        found = self._split.get(phrase)
        if found is None:
            found = self._split[phrase] = self._split_new(phrase)
        return found

    def _split_new(self, phrase: str) -> tuple[str, tuple[str, ...]]:
        modifiers: list[str] = []
        head = phrase
        match = self._leading_words.match(head)
        if match and match.end() < len(head):
            modifiers.extend(w for w in re.split(r",?\s+", match.group(0).strip(" ,")) if w)
            head = head[match.end() :]
        match = self._trailing_words.search(head)
        if match and match.start() > 0:
            modifiers.append(match.group(0).strip())
            head = head[: match.start()]
        return head, tuple(_group_adverbs(modifiers, self.lexicon))

    def _marking(self, opener: Piece | None, verb: Piece) -> Marking:
        if opener is not None and opener.kind == "STAR":
            return _STAR_MARKING.get(opener.text, "bold_italic")
        if opener is not None:
            match = _TAG_NAME.match(opener.text)
            return _TAG_MARKING.get(match.group(1).lower() if match else "", "plain")
        letters = [c for c in verb.text if c.isalpha()]
        return "capitals" if len(letters) > 1 and all(c.isupper() for c in letters) else "plain"

    def _extend(self, text: str, end: int, pieces: list[Piece], index: int) -> tuple[str, int, list[Piece]]:
        """Take what the emphasis left outside the phrase.

        That is a trailing adverb ("**Reaffirm** also the"), or the rest of a lexicon phrase
        ("*Call* for continued" reads as "Call for").
        """
        if index >= len(pieces) or pieces[index].kind != "TEXT":
            return text, end, pieces
        following = pieces[index]
        taken = 0
        whole = self._phrases.match(text + following.text)
        if whole is not None and whole.end() > len(text):
            taken = whole.end() - len(text)
        match = self._trailing.match(following.text, taken)
        if match:
            taken = match.end()
        if not taken:
            return text, end, pieces
        rest = Piece("TEXT", following.text[taken:], following.start + taken, following.end)
        pieces = [*pieces[:index], rest, *pieces[index + 1 :]]  # the adverb now belongs to the phrase
        return text + following.text[:taken], following.start + taken, pieces


#: The most words an emphasised run may hold and still be a verb phrase.
_PHRASE_WORDS = 8


def _closer_at(opener: Piece, pieces: list[Piece], start: int) -> int | None:
    """Find the piece that closes the emphasis around a verb, if the run is a short phrase."""
    words = 0
    for position in range(start, len(pieces)):
        piece = pieces[position]
        if _closes(opener, piece):
            return position
        if piece.kind != "TEXT" and piece.kind not in VERBS:
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
