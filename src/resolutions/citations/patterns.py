"""The regular expressions of citations, each commented: numbers, lists, symbols, articles.

The scanner (:mod:`resolutions.citations.find`) tries them in turn at the places a first,
cheap pattern (:data:`TRIGGER`) points at: a keyword ("resolution", "Article"), a number that
names its body by itself ("WHA58.23", "1/CP.21") or what may be a document symbol.
"""

from __future__ import annotations

import re

from resolutions.citations.bodies import NAME_INITIALS, NAMES_PATTERN
from resolutions.dates import MONTH

#: Any dash a PDF may print in "ES-11/1" or "63/1-63/5" (hyphen, non-breaking hyphen, en dash).
DASH = "[-\u2010\u2011\u2012\u2013]"

#: Where a citation may start. Each alternative names what the scanner should try there.
#: Every alternative opens with a letter or a digit and none with a look-behind, so that the
#: regular expression engine can skip ahead to the characters that may open one; whether the
#: character before is part of a word (a match inside a longer token) is checked by the scanner.
TRIGGER = re.compile(
    r"""
    (?P<keyword>(?:[Rr]esolution|RESOLUTION|[Dd]ecision|DECISION)[sS]?)\b
  | (?P<article>(?:[Aa]rticle|ARTICLE)[sS]?)\b
  | (?P<who>(?:WHA|EB)\s?[0-9]{1,3}(?:\.R?[0-9]|\([0-9]))          # WHA58.23, EB132.R6, WHA65(8)
  | (?P<cop>[0-9]{1,3}/(?:CP|CMP|CMA|COP|MOP|MP)\.[0-9])              # 1/CP.21, 3/CMA.1
  | (?P<symbol>[A-Z][A-Z0-9.]*/)                                      # A/, E/CN.7/, WHA69/
    """,
    re.VERBOSE,
)

#: The number of a resolution or decision, in every form the bodies use (see ``bodies``).
NUMBER = re.compile(
    rf"""
    (?:(?P<series>A/HRC/RES|A/HRC/DEC|A/RES|A/DEC|S/RES|E/RES|E/DEC)/)?    # printed as a symbol
    (?:
        # WHO: WHA58.23 and EB132.R6 (resolutions), WHA65(8) and EB132(1) (decisions)
        (?P<who>(?P<who_organ>WHA|EB)\s?(?P<who_session>[0-9]{{1,3}})
            (?:\.(?P<who_r>R)?(?P<who_n>[0-9]{{1,3}})|\((?P<who_d>[0-9]{{1,3}})\)))
        # a conference of parties: number / body . session
      | (?P<cop>(?P<cop_n>[0-9]{{1,3}})/(?P<cop_organ>CP|CMP|CMA|COP|MOP|MP)\.(?P<cop_session>[0-9]{{1,2}}))
        # IMO: A.1006(25), MSC.1(45)
      | (?P<imo>(?P<imo_organ>A|MSC|MEPC|LEG|FAL|TC)\.(?P<imo_n>[0-9]{{1,4}})\s?\((?P<imo_session>[0-9]{{1,3}})\))
        # an emergency special or a special session: ES-11/1, S-26/2, S-20/4 E (part E)
      | (?P<special>(?P<sp_prefix>ES|S){DASH}(?P<sp_session>[0-9]{{1,2}})/(?P<sp_n>[0-9]{{1,4}})
            (?:\s?(?P<sp_part>[A-H])(?![\w/]))?)
        # session/number (68/262) or year/number (2014/26), a part letter perhaps (41/128 B)
      | (?P<slash>(?P<sl_a>[0-9]{{1,4}})/(?P<sl_b>[0-9]{{1,4}})(?![0-9/]|\.[0-9])
            (?:\s?(?P<sl_part>[A-H])(?![\w/]))?)
        # a meeting in Roman numerals / number: decision XIV/5
      | (?P<roman_slash>(?P<rs_session>[IVXLC]{{1,7}})/(?P<rs_n>[0-9]{{1,3}}))(?![\w/])
        # number (year) or number (Roman session): 242 (1967), 2625 (XXV), 217 A (III), and an
        # emergency special or special session's: 2253 (ES-V), 186 (S-2)
      | (?P<paren>(?P<pa_n>[0-9]{{1,4}})(?:\s?(?P<pa_part>[A-H]))?\s?
            \((?:(?P<pa_year>(?:19|20)[0-9]{{2}})|(?P<pa_roman>(?:E?S{DASH})?[IVXLC]{{1,7}}|S{DASH}[0-9]{{1,2}}))\))
        # session.number: "World Health Assembly resolution 69.2", AEWA "Resolution 1.9"
      | (?P<dotted>(?P<dt_a>[0-9]{{1,2}})\.(?P<dt_b>[0-9]{{1,3}}))(?![0-9]|\.[0-9])
    )
    """,
    re.VERBOSE,
)

#: A date printed after a number: "of 27 March 2014", "of March 27, 2014".
#: Its day, month and year are groups of their own, read without searching the date again.
DATE_TAIL = re.compile(
    rf",?\s+of\s+(?P<date>(?P<day>[0-9]{{1,2}})\s+(?P<month>{MONTH})\s+(?P<year>[0-9]{{4}})"
    rf"|(?P<us_month>{MONTH})\s+(?P<us_day>[0-9]{{1,2}}),\s*(?P<us_year>[0-9]{{4}}))",
    re.IGNORECASE,
)

#: Between two numbers of a list; "to", "through" and a dash make a range.
SEPARATOR = re.compile(
    rf"""
    \s*,\s*(?:and\s+|as\s+well\s+as\s+)?     # "1267 (1999), 1333 (2000)", "..., and 1390 (2002)"
  | \s+(?:and|as\s+well\s+as)\s+              # "425 (1978) and 426 (1978)"
  | (?P<range>\s+(?:to|through)\s+|\s*{DASH}\s*)   # "63/1 to 63/5", "1/CMP.14-5/CMP.14"
    """,
    re.VERBOSE,
)

#: Who is named just before a keyword: a body, a generic word ("the Council"), or "its".
#: It is searched for in the 120 characters before each keyword, and must end there.
_BEFORE = rf"""
    (?:
        (?<![\w])(?P<name>{NAMES_PATTERN})(?:'s|\u2019s)?           # "Security Council"
        \s*,?\s+(?:(?:in|by|under|through|at)\s+)?(?:its\s+)?       # ", in its"
      | \b(?P<generic>Assembly|Council|Commission|Board|Conference)(?:'s|\u2019s)?
        \s*,?\s+(?:(?:in|by|under|through|at)\s+)?(?:its\s+)?
      | \b(?P<its>[Ii]ts|ITS|[Tt]heir)\s+
    )
    (?:(?:own|previous|earlier|relevant|subsequent|recent|latest|related|other|various|historic|landmark)\s+)*
    \Z
    """
#: A first look at each place: the letter a name, a generic word, "Its" or "Their" opens with,
#: or "its" or "their". It changes no match (each alternative opens with one of these) and
#: spares the engine trying every name at every other place, which cost 60% of the search.
_BEFORE_FIRST = rf"(?=[{re.escape(''.join(sorted(set(NAME_INITIALS) | set('ACBIT'))))}]|its|their)"
BEFORE = re.compile(_BEFORE_FIRST + _BEFORE, re.VERBOSE)

#: Who is named just after a list: "resolution 1514 (XV) of the General Assembly".
AFTER = re.compile(
    rf",?\s+(?:of|adopted\s+by|by)\s+the\s+(?:UN\s+|United\s+Nations\s+)?(?P<name>{NAMES_PATTERN})\b",
)

#: A document symbol: a series ("A", "E/CN.7", "A/CONF.231", "WHA69", "A66"), then parts
#: after slashes ("73", "L.8", "Add.1", "PRST", "2013"). A part after the first slash must
#: hold a digit somewhere (see ``find``): "HIV/AIDS" and "Partnership/Global" are words.
SYMBOL = re.compile(
    rf"""
    (?P<symbol>
        [A-Z][A-Z]*[0-9]*(?:\.[0-9A-Z]+)*             # series: A, ST, WHA69, A66, E/CN.7 (first part)
        (?:/(?:(?:ES|S){DASH}[0-9]+                    # a special session: A/ES-11/L.7, A/S-26/2
             |[A-Z][A-Za-z]*(?:\.[0-9A-Za-z]+)*      # a part of letters: L.8, Add.1, PRST, CN.7, Agenda
             |[0-9]+[A-Z]?(?:\.[0-9]+)*               # a part of digits: 73, 2014, 136
             |[0-9]+\([0-9]+\)))+                     # a session in brackets: ICCD/COP(13)
        (?:\s(?:Add|Corr|Rev|Amend)\.[0-9]+)*         # WHO style, after a space: A66/9 Corr.1
    )
    (?![\w/])
    """,
    re.VERBOSE,
)

#: An elliptical addendum or corrigendum after a symbol: "S/25704 and Add.1" is S/25704/Add.1.
ELLIPSIS = re.compile(
    r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?P<suffix>(?:Add|Corr|Rev|Amend)\.[0-9]+(?:/(?:Add|Corr|Rev)\.[0-9]+)*)(?![\w/])"
)

#: An article's number: 2, 41, 5 bis, Roman I or VI; then any paragraph after it, which the
#: citation leaves out ("Article 2 (4)", "Article 2, paragraph 3,", "Article 7, paragraphs 10 and 11,").
ARTICLE_NUMBER = re.compile(
    r"""
    (?P<number>[0-9]{1,3}(?:\s?(?:bis|ter|quater)|[a-z](?![a-z]))?|[IVXLC]{1,6})(?![\w/])
    (?:\s?\([0-9a-z]{1,4}\))*                                      # (4), (1)(c)
    (?:,?\s+(?:para(?:graph)?s?\.?|subparagraphs?)\s+[0-9a-z()]+
        (?:(?:\s*,\s*|\s+and\s+|\s+to\s+)[0-9][0-9a-z()]*)*,?)?     # , paragraphs 10 and 11,
    """,
    re.VERBOSE,
)

#: Between two article numbers ("41 and 42", "6, 12 and 17", "16, paragraph 3, and Article 18").
ARTICLE_SEPARATOR = re.compile(
    rf"""
    (?:\s*,\s*(?:and\s+)?|\s+and\s+|(?P<range>\s+(?:to|through)\s+|\s*{DASH}\s*))
    (?:(?:[Aa]rticles?|ARTICLES?)\s+)?             # "and Article 18"
    """,
    re.VERBOSE,
)

#: Capitalised words with the small words between them: "Economic, Social and Cultural Rights",
#: "International Tribunal for the Prosecution of Persons"; not on past ", the" or "and the",
#: where another name begins.
_NAME = r"(?!Articles?\b)[A-Z0-9][\w'\u2019-]*"
_NAME_WORDS = rf"{_NAME}(?:(?:,\s+(?:and\s+)?|\s+and\s+|\s+(?:of|on|for|against|in|to)\s+(?:the\s+)?|\s+){_NAME})*"

#: The head nouns of instruments.
_NOUNS = (
    "Charter|Statutes?|Convention|Covenant|Agreement|Protocol|Constitution|Declaration"
    "|Treaty|Pact|Rules|Regulations|Code|Accord|Act|Arrangement"
)
#: The head noun in an instrument's name ("Statute" in "Rome Statute of the ...").
INSTRUMENT_NOUN = re.compile(rf"\b(?:{_NOUNS})\b")

#: The instrument an article belongs to: "of the Charter", "of the Rome Statute", "of the
#: International Covenant on Economic, Social and Cultural Rights". Its head noun must be an
#: instrument's; "the present Convention" is the citing text itself, "the annex" a part of it.
INSTRUMENT = re.compile(
    rf"""
    \s+(?:of|to|under)\s+the\s+(?!present\b|draft\b)
    (?P<instrument>
        (?:(?:[0-9]{{4}}|{_NAME})\s+)*?                          # 1988, Rome, Relationship, Paris
        (?:{_NOUNS})\b
        (?:\s+(?:of|on|for|against|concerning|between)\s+(?:the\s+)?{_NAME_WORDS})?
    )
    """,
    re.VERBOSE,
)

#: The instrument named just before its articles: "the Charter of the United Nations, in
#: particular Articles 1 and 2", "the Convention, including its article 4".
INSTRUMENT_BEFORE = re.compile(
    rf"""
    \bthe\s+(?!present\b|draft\b)
    (?P<instrument>
        (?:(?:[0-9]{{4}}|{_NAME})\s+)*?
        (?:{_NOUNS})\b
        (?:\s+(?:of|on|for|against|concerning|between)\s+(?:the\s+)?{_NAME_WORDS})?
    )
    \s*,?\s*(?:and\s+)?(?:in\s+particular|including|especially|notably|particularly)\s+(?:its\s+)?\Z
    """,
    re.VERBOSE,
)
