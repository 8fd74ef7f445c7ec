"""Grammars: finding, registering and compiling them.

A body (the UN system, the African Commission, ...) is a ``.lark`` file that ``%import``\\ s the
body-neutral ``resolution`` grammar and ``%extend``\\ s it, plus a verb lexicon. Compiled parsers
are memoised, so a notebook pays for grammar construction once.
"""

from __future__ import annotations

import functools
import hashlib
import re
from importlib import metadata, resources
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
import lark
import lark.lexer

from resolutions.conventions import Conventions
from resolutions.errors import GrammarError, UnknownBodyError
from resolutions.grammar_cache import cache_file as _cache_file
from resolutions.inline import InlineScanner
from resolutions.lexicon import Lexicon
from resolutions.lexing import contextual_lexer
from resolutions.lines import FIELDS
from resolutions.verbs import VerbReader

if TYPE_CHECKING:
    from resolutions.builder import Builder

#: The body used when none is named.
DEFAULT_BODY = "un"
_ENTRY_POINT_GROUP = "resolutions.grammars"


def grammar_dir() -> Path:
    """Return the folder of the shipped grammars.

    In a wheel the grammars are package data (``resolutions/grammars``); in a checkout or an
    editable install they are the top-level ``grammars/`` folder.
    """
    packaged = resources.files("resolutions") / "grammars"
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "grammars"
    if checkout.is_dir():
        return checkout
    raise GrammarError("the grammars folder is missing from this installation of resolutions")


@functools.cache
def default_lexicon() -> Lexicon:
    """Return the shipped verb lexicon (``grammars/lexicon``)."""
    return Lexicon.load(grammar_dir() / "lexicon")


@attrs.frozen
class Grammar:
    """A body's grammar: its ``.lark`` file, its verb lexicon and its builder class.

    A ``Grammar`` can be passed to :func:`resolutions.parse` as ``body=`` without registering it.

    Attributes:
        name: The body's name ("un", "achpr").
        path: The ``.lark`` file. It may ``%import`` the shipped grammars by name.
        lexicon: Verb phrases; the shipped lexicon when not given.
        builder: The builder class that turns lines into nodes (rarely needed: a layer's
            ``body.toml`` declares what its terminals are).
        conventions: What the body's layer declares beyond its grammar and phrases (see
            :mod:`resolutions.conventions`).
    """

    name: str
    path: Path = attrs.field(converter=Path)
    lexicon: Lexicon = attrs.field(factory=default_lexicon)
    builder: type[Builder] | None = None
    conventions: Conventions = attrs.field(factory=Conventions)

    def __repr__(self) -> str:
        # Short, as node reprs are: the phrases and rules it holds would fill a notebook cell.
        return f"<Grammar {self.name!r} {self.path.name} {self.lexicon!r}>"

    def parser(self) -> lark.Lark:
        """Return the compiled LALR parser (memoised per grammar)."""
        return _compile(self).lark

    def compiled(self) -> Compiled:
        """Return the parser and its helpers (memoised per grammar)."""
        return _compile(self)


_REGISTRY: dict[str, Grammar] = {}


def register_grammar(
    name: str,
    path: str | Path,
    *,
    lexicon: Lexicon | None = None,
    builder: type[Builder] | None = None,
) -> Grammar:
    """Register a body's grammar under a name, for ``parse(text, body=name)``.

    Registering adds a name; it never changes how other bodies parse.

    Args:
        name: The body's name.
        path: Its ``.lark`` file.
        lexicon: Its verb lexicon; the shipped one when omitted.
        builder: A :class:`~resolutions.builder.Builder` subclass for rules the grammar adds.

    Returns:
        The registered grammar.
    """
    grammar = Grammar(name, Path(path), lexicon or default_lexicon(), builder)
    _REGISTRY[name] = grammar
    return grammar


def available_bodies() -> list[str]:
    """Return the names of the shipped, registered and installed (entry point) bodies."""
    return sorted({*_installed_bodies(), *_REGISTRY})


@functools.cache
def _installed_bodies() -> tuple[str, ...]:
    """The shipped bodies and those installed as packages.

    Looked up once: scanning the installed packages' entry points takes milliseconds, and a
    text that shows no body's signs names the bodies in its diagnostic.
    """
    names = set(shipped_bodies())
    names.update(ep.name for ep in metadata.entry_points(group=_ENTRY_POINT_GROUP))
    return tuple(sorted(names))


def load_grammar(body: str | Grammar | None = None) -> Grammar:
    """Return the grammar for a body name (``None`` for the default), or the grammar given."""
    if isinstance(body, Grammar):
        return body
    name = body or DEFAULT_BODY
    if name in _REGISTRY:
        return _REGISTRY[name]
    shipped = _shipped(name)
    if shipped is not None:
        return shipped
    installed = _installed(name)
    if installed is not None:
        return installed
    raise UnknownBodyError(name, available_bodies())


@functools.cache
def _installed(name: str) -> Grammar | None:
    """Return the grammar a package installs under ``name``, or None.

    Loaded once, like the shipped ones: detection asks for every body's grammar at each parse,
    and a grammar made again would be compiled again.
    """
    for entry_point in metadata.entry_points(group=_ENTRY_POINT_GROUP):
        if entry_point.name == name:
            found = entry_point.load()
            grammar = found() if callable(found) and not isinstance(found, Grammar) else found
            if not isinstance(grammar, Grammar):
                raise GrammarError(f"entry point {name!r} did not give a resolutions.Grammar")
            return grammar
    return None


def shipped_bodies() -> list[str]:
    """Return the names of the bodies shipped with the library (``grammars/bodies/*``)."""
    return sorted(path.parent.name for path in (grammar_dir() / "bodies").glob("*/body.toml"))


@functools.cache
def _shipped(name: str) -> Grammar | None:
    """Return a shipped body's grammar (looked up once: the files do not change while we run)."""
    folder = grammar_dir() / "bodies" / name
    if not (folder / "body.toml").is_file():
        return None
    from resolutions.bodies import load_body

    return load_body(folder)


class _Loader:
    """A lark import loader that serves ``lexicon.lark`` and the grammar folders.

    Its ``repr`` names a digest of everything it can serve (the lexicon's text and every
    ``.lark`` file in its folders). lark's ``cache=`` keys a compiled grammar by the grammar's
    text and the ``repr`` of its options, this loader among them, so a changed lexicon or
    imported grammar file is never read from a stale cache.
    """

    def __init__(self, lexicon: Lexicon, folders: tuple[Path, ...]) -> None:
        self.lexicon_text = lexicon.grammar_text()
        self.folders = folders
        digest = hashlib.sha256(self.lexicon_text.encode("utf-8"))
        for folder in folders:
            for path in sorted([*folder.glob("*.lark"), *folder.glob("bodies/*/*.lark")]):
                digest.update(str(path.relative_to(folder)).encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
        self.digest = digest.hexdigest()

    def __call__(self, base_path: str | None, grammar_path: str) -> tuple[str, str]:
        if grammar_path == "lexicon.lark":
            return "<lexicon>", self.lexicon_text
        for folder in self.folders:
            # A module of the folder, or a shipped body's layer ("%import un (...)").
            for candidate in (folder / grammar_path, folder / "bodies" / Path(grammar_path).stem / grammar_path):
                if candidate.is_file():
                    return str(candidate), candidate.read_text(encoding="utf-8")
        raise OSError(f"no grammar {grammar_path!r} in {[str(f) for f in self.folders]}")

    def __repr__(self) -> str:
        return f"<resolutions grammar loader {self.digest}>"


try:
    import lark_cython

    _PLUGINS = dict(lark_cython.plugins)
except ImportError:
    _PLUGINS = {}
# Scanners that try, at each token, only the terminals its first character may open (lexing.py).
_PLUGINS["ContextualLexer"] = contextual_lexer(_PLUGINS.get("ContextualLexer", lark.lexer.ContextualLexer))


def _default_builder() -> type[Builder]:
    from resolutions.builder import Builder

    return Builder


def _lark(grammar: Grammar, source: Path, loader: _Loader, **options: object) -> lark.Lark:
    try:
        text = source.read_text(encoding="utf-8")
        return lark.Lark(
            text,
            parser="lalr",
            source_path=str(source),
            import_paths=[loader],
            maybe_placeholders=False,
            _plugins=_PLUGINS,
            cache=_cache_file(grammar, text, loader, options),
            **options,
        )
    except (lark.exceptions.GrammarError, lark.exceptions.LexError, OSError) as exc:
        raise GrammarError(f"cannot build the grammar {grammar.name!r} from {source}: {exc}") from exc


@attrs.frozen
class Compiled:
    """A grammar made ready to parse: the LALR parser and the scanners that go with it.

    Attributes:
        lark: The line parser (its transformer is the body's builder).
        inline: The inline scanner the builder reads each line's content with.
        cells: A scanner for single header-field cells (symbols, dates, distribution ...), used
            where a header line lost its column gaps ("United Nations S/RES/1445 (2002)").
        verbs: Reads verb phrases with the grammar's lexicon.
        phrase_starts: Word prefixes of the lexicon's phrases (see ``Lexicon.phrase_prefixes``).
        conventions: The body's declared conventions.
        formula: The grammar's opening formula alone on a line (its terminal ``FORMULA``), to
            tell one that shares its line with the document's head.
    """

    lark: lark.Lark
    inline: InlineScanner
    cells: InlineScanner
    verbs: VerbReader
    phrase_starts: frozenset[str]
    conventions: Conventions
    formula: re.Pattern[str]

    def __repr__(self) -> str:
        return f"<Compiled grammar {self.conventions.name!r}>"


@functools.cache
def _compile(grammar: Grammar) -> Compiled:
    aliases = grammar.conventions.alias_map
    loader = _Loader(grammar.lexicon, (grammar.path.parent.resolve(), grammar_dir()))
    inline = _lark(grammar, _inline_source(grammar), loader, lexer="basic")
    scanner = InlineScanner(inline.terminals, lower_case=grammar.lexicon.lower_case, aliases=aliases)
    builder = (grammar.builder or _default_builder())(scanner, aliases)
    parser = _lark(grammar, grammar.path, loader, lexer="contextual", transformer=builder)
    bare = {t.name: t.name.rpartition("__")[2] for t in parser.terminals}
    fields = [t for t in parser.terminals if aliases.get(bare[t.name], bare[t.name]) in FIELDS]
    cells = InlineScanner(fields, aliases=aliases)
    formula = next(t for t in parser.terminals if bare[t.name] == "FORMULA")
    return Compiled(
        parser,
        scanner,
        cells,
        VerbReader(grammar.lexicon),
        grammar.lexicon.phrase_prefixes(),
        grammar.conventions,
        re.compile(formula.pattern.to_regexp()),
    )


def _inline_source(grammar: Grammar) -> Path:
    """Return the body's inline grammar (``<body>.inline.lark`` beside it) or the shipped one."""
    own = grammar.path.with_name(grammar.path.stem + ".inline.lark")
    return own if own.is_file() else grammar_dir() / "inline.lark"
