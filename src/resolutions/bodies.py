"""Bodies: a layer (grammar, phrases, conventions) per body whose documents the library reads.

A layer is a folder: ``body.toml`` (its name, what it extends and its conventions, see
:mod:`resolutions.conventions`), a ``.lark`` file that ``%import``\\ s and ``%extend``\\ s the
grammar it builds on, and, optionally, ``lexicon/preambular.txt``, ``operative.txt`` and
``adverbs.txt`` with the phrases it adds. The library ships layers in ``grammars/bodies/``;
:func:`register_body` adds one of a user's, which then also takes part in detection.
"""

from __future__ import annotations

from pathlib import Path

from resolutions.conventions import load_conventions
from resolutions.errors import GrammarError
from resolutions.grammar import _REGISTRY, Grammar, available_bodies, default_lexicon, load_grammar
from resolutions.lexicon import Lexicon

#: The file that makes a folder a body's layer.
BODY_FILE = "body.toml"


def load_body(path: str | Path) -> Grammar:
    """Read a body's layer from its folder (or its ``body.toml``), without registering it.

    Args:
        path: The layer's folder, or its ``body.toml``.

    Returns:
        The body's grammar, which ``parse(text, body=...)`` takes.

    Raises:
        GrammarError: When a file is missing or wrong; the message names the file and the key.

    Example:
        >>> from resolutions.grammar import grammar_dir
        >>> oas = load_body(grammar_dir() / "bodies" / "oas")
        >>> oas.name, oas.conventions.extends
        ('oas', 'un')
    """
    path = Path(path)
    toml = path / BODY_FILE if path.is_dir() else path
    if not toml.is_file():
        raise GrammarError(f"no {BODY_FILE} in {path}: a body's layer is a folder with a {BODY_FILE}")
    conventions = load_conventions(toml)
    folder = toml.parent
    lark_file = folder / (conventions.grammar or f"{conventions.name}.lark")
    if not lark_file.is_file():
        raise GrammarError(f"{toml}: grammar: no file {lark_file.name} beside it")
    lexicon = default_lexicon()
    if conventions.extends is not None:
        if conventions.extends == conventions.name:
            raise GrammarError(f"{toml}: extends: a body cannot extend itself")
        parent = load_grammar(conventions.extends)
        conventions = conventions.under(parent.conventions)
        lexicon = parent.lexicon
    own = Lexicon.load(folder / "lexicon")
    lexicon = lexicon.merged(own)
    lexicon = Lexicon(
        lexicon.preambular,
        lexicon.operative,
        lexicon.leading,
        lexicon.trailing,
        casing=conventions.casing,
        forms=conventions.operative_forms,
    )
    return Grammar(conventions.name, lark_file, lexicon, None, conventions)


def register_body(path: str | Path) -> Grammar:
    """Read a body's layer and register it under its name.

    ``parse(text, body=name)`` and detection (``parse(text)`` with no ``body``) then know it.
    Registering adds a name; it never changes how the other bodies read.
    """
    grammar = load_body(path)
    _REGISTRY[grammar.name] = grammar
    return grammar


def bodies() -> dict[str, str]:
    """Return every body the library knows (shipped, registered, installed): name and title.

    Example:
        >>> names = bodies()
        >>> names["un"]
        'United Nations system (General Assembly, Security Council, ECOSOC, WHO ...)'
        >>> "oas" in names and "ep" in names
        True
    """
    out: dict[str, str] = {}
    for name in available_bodies():
        try:
            out[name] = load_grammar(name).conventions.title or name
        except GrammarError:
            out[name] = name
    return out
