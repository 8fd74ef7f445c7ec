"""The verb lexicon: data files, derived forms, and the terminals compiled from them."""

from __future__ import annotations

import re

import pytest

import resolutions
from resolutions.grammar import default_lexicon, grammar_dir
from resolutions.lexicon import Lexicon, _third_person, operative_forms, trie_regex
from resolutions.verbs import VerbReader


@pytest.mark.parametrize(
    ("base", "third"),
    [
        ("decide", "decides"),
        ("stress", "stresses"),
        ("express", "expresses"),
        ("apply", "applies"),
        ("urge", "urges"),
        ("reach", "reaches"),
        ("play", "plays"),
    ],
)
def test_third_person(base: str, third: str) -> None:
    assert _third_person(base) == third


def test_trie_regex_matches_exactly_its_words_longest_first() -> None:
    words = ["note", "notes", "note with concern", "noting"]
    regex = re.compile(f"(?:{trie_regex(words)})")
    assert regex.match("note with concern that").group(0) == "note with concern"
    assert regex.match("notes").group(0) == "notes"
    assert regex.match("nothing") is None


def test_shipped_lexicon_files_load() -> None:
    lexicon = Lexicon.load(grammar_dir() / "lexicon")
    assert {"recalling", "bearing in mind", "noting with deep concern"} <= lexicon.preambular
    assert {"decide", "call upon", "take note"} <= lexicon.operative
    assert {"also", "once again"} <= lexicon.leading
    assert "further" in lexicon.trailing


def test_terminals_cover_forms_and_case() -> None:
    regexes = {name: re.compile(f"(?:{rx})") for name, rx in default_lexicon().terminal_regexes().items()}
    operative = regexes["OPERATIVE_VERB"]
    for text in [
        "Decides",
        "Decide",
        "DECIDES",
        "Calls upon",
        "Also calls upon",
        "Once again urges",
        "Are fully aware",
    ]:
        assert operative.fullmatch(text), text
    for text in ["decides", "Decidess", "Calls up"]:
        assert not operative.fullmatch(text), text
    assert regexes["PREAMBULAR_VERB"].fullmatch("Recalling also")


def test_extended_lexicon_is_a_new_lexicon() -> None:
    base = default_lexicon()
    more = base.extended(operative=["Take cognizance"], preambular=["Heeding"])
    assert "take cognizance" in more.operative and "heeding" in more.preambular
    assert "take cognizance" not in base.operative
    assert re.compile(more.terminal_regexes()["OPERATIVE_VERB"]).match("Takes cognizance")


def test_grammar_text_is_a_lark_module() -> None:
    text = default_lexicon().grammar_text()
    assert text.count("PREAMBULAR_VERB.4: /") == 1 and text.count("OPERATIVE_VERB.4: /") == 1


@pytest.mark.parametrize(
    ("phrase", "head", "modifiers"),
    [
        ("Having also heard", "Having heard", ("also",)),
        ("Noting further with concern", "Noting with concern", ("further",)),
        ("Calls once again upon", "Calls upon", ("once again",)),
        ("Also having considered", "having considered", ("Also",)),
        ("Noting also", "Noting", ("also",)),
        ("Decides further", "Decides", ("further",)),
        ("Takes note also", "Takes note", ("also",)),
        ("Deeply concerned", "Deeply concerned", ()),  # a lexicon phrase: kept whole
        ("Solemnly declares", "Solemnly declares", ()),
        ("Urgently calls upon", "calls upon", ("Urgently",)),
        ("Deeply grieved", "grieved", ("Deeply",)),
    ],
)
def test_verb_phrase_split_finds_adverbs_inside_a_phrase(phrase: str, head: str, modifiers: tuple[str, ...]) -> None:
    assert VerbReader(default_lexicon()).split(phrase) == (head, modifiers)


def test_infix_adverbs_need_a_phrase_of_several_words() -> None:
    """ "Recalling also" keeps its trailing adverb: there is no phrase "recalling <rest>" for an
    adverb to sit inside, so the infix branch must not swallow the words that follow."""
    regex = re.compile(default_lexicon().terminal_regexes()["PREAMBULAR_VERB"])
    for text, phrase in [
        ("Recalling also the report", "Recalling also"),
        ("Noting also with concern the", "Noting also with concern"),
    ]:
        match = regex.match(text)
        assert match is not None and match.group(0) == phrase


@pytest.mark.parametrize(
    ("phrase", "forms"),
    [
        ("decide", ["decide", "decides"]),
        ("call upon", ["call upon", "calls upon"]),
        ("are fully aware", ["are fully aware"]),
        ("solemnly declare", ["solemnly declare", "solemnly declares"]),
        ("apply", ["apply", "applies"]),
    ],
)
def test_operative_forms_conjugate_the_verb_after_adverbs(phrase: str, forms: list[str]) -> None:
    assert operative_forms(phrase, {"solemnly", "strongly"}) == forms


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("1. Support shall be provided to developing countries.", None),
        ("1. Notes are kept by the secretariat.", None),
        ("1. Request may be made in writing.", None),
        ("1. Supports the plan, which shall be reviewed.", "Supports"),
        ("1. Decides that the fund shall be kept.", "Decides"),
    ],
)
def test_a_word_before_a_modal_is_a_subject_not_a_verb(text: str, verb: str | None) -> None:
    doc = resolutions.parse(f"The General Assembly,\n\n{text}\n")
    assert doc.records()[0]["verb"] == verb
