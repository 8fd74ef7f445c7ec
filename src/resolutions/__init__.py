"""Read UN-style resolutions and declarations into typed document trees.

>>> import resolutions
>>> doc = resolutions.parse("The Security Council,\\n\\n1. Decides to remain seized of the matter.\\n")
>>> doc.header.organ
'Security Council'

``dir(resolutions)`` lists the public API (``__all__``); the modules behind it stay importable
by name (``import resolutions.records``) for those who extend the library.
"""

from __future__ import annotations

from resolutions.api import parse, parse_all, parse_all_file, parse_file, parse_html
from resolutions.batch import Failure, Result, parse_files
from resolutions.bodies import bodies, load_body, register_body
from resolutions.builder import Builder
from resolutions.collection import Collection
from resolutions.compare import differences, same_content
from resolutions.errors import GrammarError, LimitError, ParseError, ResolutionsError, UnknownBodyError
from resolutions.explain import explain
from resolutions.grammar import Grammar, available_bodies, load_grammar, register_grammar
from resolutions.lexicon import Lexicon
from resolutions.nodes import Document
from resolutions.parquet import read_parquet, write_parquet
from resolutions.samples import examples
from resolutions.serialise.akn import from_akn
from resolutions.serialise.json import from_dict, from_json
from resolutions.tabular import Tables, tables

#: The one place the version is written: the build (hatchling) reads it from here, the command
#: line's ``--version`` and ``importlib.metadata.version("resolutions")`` report it.
__version__ = "0.1.0"

__all__ = [
    "Builder",
    "Collection",
    "Document",
    "Failure",
    "Grammar",
    "GrammarError",
    "Lexicon",
    "LimitError",
    "ParseError",
    "ResolutionsError",
    "Result",
    "Tables",
    "UnknownBodyError",
    "__version__",
    "available_bodies",
    "bodies",
    "differences",
    "examples",
    "explain",
    "from_akn",
    "from_dict",
    "from_json",
    "load_body",
    "load_grammar",
    "parse",
    "parse_all",
    "parse_all_file",
    "parse_file",
    "parse_files",
    "parse_html",
    "read_parquet",
    "register_body",
    "register_grammar",
    "same_content",
    "tables",
    "write_parquet",
]


def __dir__() -> list[str]:
    """Show the public API in ``dir(resolutions)`` and tab completion, not the modules behind it."""
    return sorted({*__all__, *(name for name in globals() if name.startswith("__") and name.endswith("__"))})
