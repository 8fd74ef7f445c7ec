"""Where compiled grammars are cached on disk, so that a new process starts in a few milliseconds.

Building the LALR tables of a body's grammar takes about 0.4 s; the command line and every worker
of :func:`resolutions.parse_files` would pay that at start. lark's own ``cache=`` option saves the
tables to a file and reads them back. The file's name is a digest of everything the tables are
made from: the grammar's text, every ``.lark`` file its imports may come from, the verb lexicon,
the options, and the versions of lark and Python. A changed grammar file or lexicon therefore
gives a new name and is never read from a stale file (lark also checks the digests of the files it
imported before it trusts a cache file).

The folder is ``$RESOLUTIONS_CACHE`` when set, else the user's cache folder
(``$XDG_CACHE_HOME/resolutions`` or ``~/.cache/resolutions``; ``%LOCALAPPDATA%\\resolutions`` on
Windows, ``~/Library/Caches/resolutions`` on macOS). ``RESOLUTIONS_CACHE=off`` (or ``0``, or
empty) turns the cache off; a folder that cannot be written turns it off silently.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import lark

if TYPE_CHECKING:
    from resolutions.grammar import Grammar

#: The environment variable naming the cache folder, or "off".
ENVIRONMENT_VARIABLE = "RESOLUTIONS_CACHE"
_OFF = ("", "0", "off", "false", "no")


def cache_dir() -> Path | None:
    """Return the folder compiled grammars are cached in, or None when caching is off."""
    chosen = os.environ.get(ENVIRONMENT_VARIABLE)
    if chosen is not None:
        return None if chosen.strip().lower() in _OFF else Path(chosen).expanduser()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "resolutions"


def cache_file(grammar: Grammar, text: str, loader: object, options: dict[str, object]) -> str | bool:
    """Return the cache file for a grammar built with these options (lark's ``cache=``), or False.

    Args:
        grammar: The body's grammar (its name makes the file easy to recognise).
        text: The text of the ``.lark`` file being compiled.
        loader: The import loader; its ``repr`` is a digest of the lexicon and grammar files.
        options: The other options given to lark; the transformer is left out (it is attached
            when the tables are loaded, never saved).
    """
    folder = cache_dir()
    if folder is None:
        return False
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    if not os.access(folder, os.W_OK):
        return False
    key = hashlib.sha256()
    for part in (text, repr(loader), lark.__version__, sys.version, _plugins_name()):
        key.update(part.encode("utf-8") + b"\0")
    for name, value in sorted(options.items()):
        if name != "transformer":
            key.update(f"{name}={value!r}\0".encode())
    return str(folder / f"{grammar.name}-{key.hexdigest()[:40]}.lark-cache")


def _plugins_name() -> str:
    """Name the compiled parser in use (lark-cython or pure lark): the tables differ in kind."""
    try:
        import lark_cython
    except ImportError:
        return "lark"
    return f"lark_cython {getattr(lark_cython, '__version__', '?')}"
