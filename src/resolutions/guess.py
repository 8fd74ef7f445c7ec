"""Verb phrases the lexicon does not know, guessed from their form and place.

No lexicon is complete: other bodies and older texts open paragraphs with "Committed to",
"Aspiring to", "Stipulates that", "Entrusts the". Where a paragraph stands tells what it is
(before the operative part and ending with a comma: preambular; numbered after the formula:
operative); the first word's form tells whether it can be the phrase: a participle or an
adjective for a preambular one, a verb in the third person (or, in a declaration, its base form)
for an operative one. A guessed phrase is flagged (``VerbPhrase.guessed``) and reported by an
``info`` diagnostic, so that a user can see it and add it to the lexicon.
"""

from __future__ import annotations

import re

from resolutions.lines import Piece
from resolutions.nodes import Span, VerbPhrase

#: Words that open sentences without being verbs: articles, pronouns, prepositions, conjunctions.
_CLOSED = frozenset(
    """
    the a an this that these those it its their there they them we our us he she his her i my you your
    in on at for with by as of to from into onto upon under over after before during since until within
    without through throughout among between against towards toward about above below beyond despite
    if when whenever while where whereas although though because unless whether so thus hence
    such all each every any some no not none both either neither other another many most more much
    also further furthermore moreover however therefore accordingly likewise again once only even
    given pursuant notwithstanding following according regarding concerning including excluding
    what which who whom whose how why here then now yet still already
    and or but nor
    article articles annex paragraph paragraphs section chapter part rule rules
    """.split()
)
#: Plural nouns that open paragraphs as their subject ("States Parties shall ...").
_PLURAL_NOUNS = frozenset(
    """
    states parties members governments countries nations delegations participants ministers heads
    representatives rules regulations articles paragraphs decisions resolutions reports contributions
    funds resources activities programmes programs projects efforts measures persons women children
    refugees peoples rights issues questions matters services conditions arrangements procedures costs
    expenses assessments accounts elections meetings sessions documents texts amendments reservations
    declarations provisions obligations commitments principles goals targets indicators means news
    series species areas regions sectors experts officials organizations institutions agencies bodies
    committees commissions councils secretariats authorities operations forces troops missions
    observers judges candidates nominations proposals recommendations guidelines standards statutes
    """.split()
)
#: Words that follow a subject, not a verb ("Members shall", "Parties are").
_AFTER_SUBJECT = frozenset(
    "shall should may might must will would can could are is was were have has had do does did".split()
)
#: The form of a participle or an adjective: "Committed", "Aspiring", "Mindful", "Desirous".
_PARTICIPLE = re.compile(r"^[A-Z][a-z]{2,}(?:ing|ed|ful|ous|ive|ant|ent|able|ible)$")
#: The form of a verb in the third person singular: "Stipulates", "Entrusts", "Establishes".
_THIRD_PERSON = re.compile(r"^[A-Z][a-z]{2,}(?<![su]s)(?<!is)(?<!ics)s$")
#: The form of a verb's base, as declarations write it: "Commit", "Pledge", "Resolve".
_BASE_FORM = re.compile(r"^[A-Z][a-z]{2,}$")
#: Participles that take a past participle after them: "Having determined", "Being convinced".
_AUXILIARIES = frozenset({"Having", "Being"})
_PAST_PARTICIPLE = re.compile(r"^[a-z]+(?:ed|en|wn|ne|ught|ght|id|un|ok|ept)$")
#: An auxiliary, an adverb if any, and a past participle: "Being gravely concerned".
_AUXILIARY_PHRASE = re.compile(r"^(?:Having|Being)(?:[ \t\u00a0]+[a-z]+ly)?[ \t\u00a0]+([a-z]+)(?![\w'\u2019-])")
#: An adverb, then a participle or an adjective: "Deeply disappointed at", "Ever mindful that".
_ADVERB_PARTICIPLE = re.compile(
    r"^((?:[A-Z][a-z]{2,}ly|Ever|Still|Once again|Again))[ \t\u00a0]+"
    r"([a-z]{3,}(?:ing|ed|ful|ous|ive|ant|ent|able|ible))(?![\w'\u2019-])"
)
#: Words in -ly that are no adverbs: "Family planning", "Early warning", "Assembly resolutions".
_NOT_ADVERBS = frozenset(
    """
    family early only supply assembly italy july holy daily weekly monthly yearly quarterly friendly
    elderly likely unlikely lonely rally ally reply apply comply multiply anomaly monopoly homily
    lily fly butterfly belly jelly bully gully folly
    """.split()
)
#: "We", the adverbs after it, and the word that must be the verb: "We also stress".
_WE_VERB = re.compile(
    r"^We[ \t\u00a0]+((?:(?:also|further|again|once again|jointly|collectively|[a-z]{2,}ly)[ \t\u00a0]+)*)"
    r"([a-z]{3,})(?![\w'\u2019-])"
)
_FIRST_WORDS = re.compile(r"^([A-Z][a-z]+)(?:,?[ \t\u00a0]+([a-z][a-z'\u2019-]*))?")


def _take(
    pieces: list[Piece],
    offset: int,
    written: str,
    head: str,
    modifiers: tuple[str, ...] = (),
    subject: str | None = None,
) -> tuple[VerbPhrase, list[Piece]]:
    """Make the guessed phrase ``written`` at ``offset`` in the first piece, and the pieces after it."""
    first = pieces[0]
    start = first.start + offset
    end = start + len(written)
    text = " ".join(written.split())
    verb = VerbPhrase(text, head, modifiers, "plain", Span(start, end), guessed=True, subject=subject)
    rest = first.text[offset + len(written) :]
    return verb, [Piece("TEXT", rest, end, first.end), *pieces[1:]] if rest else pieces[1:]


def guess_verb(pieces: list[Piece], kind: str, *, declaration: bool = False) -> tuple[VerbPhrase | None, list[Piece]]:
    """Guess the phrase that opens a paragraph the lexicon found none in.

    Args:
        pieces: The paragraph's pieces.
        kind: What the paragraph's place makes it: "preambular" or "operative".
        declaration: The text speaks in the first person plural ("We, ... Commit to"): its
            operative verbs are in their base form.

    Returns:
        The guessed phrase (None when the first word cannot be one) and the pieces after it.
    """
    if not pieces or pieces[0].kind != "TEXT":
        return None, pieces
    first = pieces[0]
    text = first.text.lstrip()
    offset = len(first.text) - len(text)
    if declaration and kind == "operative" and (we := _WE_VERB.match(text)) is not None:
        # "We [adverbs] <verb>" of a declaration: "We gather at ...", "We also stress ..."
        word = we.group(2)
        if word in _CLOSED or word in _AFTER_SUBJECT or word.endswith(("ly", "ing")):
            return None, pieces
        return _take(pieces, offset, we.group(0), word, tuple(we.group(1).split()), subject="We")
    match = _FIRST_WORDS.match(text)
    if match is None:
        return None, pieces
    word, following = match.group(1), match.group(2)
    lower = word.lower()
    if lower in _CLOSED or lower in _PLURAL_NOUNS or (following or "") in _AFTER_SUBJECT:
        return None, pieces
    if kind == "preambular" and (adverbed := _ADVERB_PARTICIPLE.match(text)) is not None:
        adverb = adverbed.group(1)  # "Deeply disappointed", "Ever mindful"
        if adverb.lower() in _NOT_ADVERBS:
            return None, pieces
        return _take(pieces, offset, adverbed.group(0), adverbed.group(2), (adverb,))
    if kind == "preambular":
        fits = word in _AUXILIARIES or _PARTICIPLE.match(word) is not None
    else:
        shape = _BASE_FORM if declaration else _THIRD_PERSON
        fits = shape.match(word) is not None and following is not None and not _PARTICIPLE.match(word)
    if not fits:
        return None, pieces
    phrase = word
    auxiliary = _AUXILIARY_PHRASE.match(text) if word in _AUXILIARIES else None
    if auxiliary is not None and _PAST_PARTICIPLE.match(auxiliary.group(1)):
        phrase = auxiliary.group(0)  # "Having determined", "Being convinced", "Being gravely concerned"
    return _take(pieces, offset, phrase, " ".join(phrase.split()))
