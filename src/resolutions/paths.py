"""What a batch reads: paths, folders and glob patterns made into a list of inputs, in order.

Every name the user gives yields at least one input, so that a typo never disappears from a
batch without a word: a folder or a pattern that holds no document is an input that fails.
"""

from __future__ import annotations

import glob
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

import attrs

#: The files a folder is searched for (by suffix, case-insensitively). A file named explicitly
#: is read whatever its suffix.
DOCUMENT_SUFFIXES = (".txt", ".md", ".markdown", ".pdf", ".html", ".htm", ".docx")
#: The name that stands for standard input.
STDIN = "-"
_GLOB_CHARACTERS = frozenset("*?[")


@attrs.frozen
class Input:
    """One file of a batch, or a name that gave none.

    Attributes:
        name: The path as found (``str``), or ``"-"`` for standard input.
        relative: Its path within the folder it was found in, or its file name: where the
            command line writes its output, under the output folder.
        data: The bytes of standard input, read whole in the main process.
        problem: ``(kind, message)`` when the name cannot give a document at all (a pattern
            that matches nothing, a special file that could block).
    """

    name: str
    relative: str = ""
    data: bytes | None = attrs.field(default=None, repr=False)
    problem: tuple[str, str] | None = None


def expand(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[Input]:
    """Return the inputs named by paths, folders (searched recursively) and glob patterns.

    Args:
        paths: One path or pattern, or several. ``"-"`` is standard input, read whole now.

    Returns:
        The inputs in the order given; a folder's files and a pattern's matches sorted by name.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    inputs: list[Input] = []
    for path in paths:
        inputs.extend(_expand_one(os.fspath(path)))
    return inputs


def _expand_one(name: str) -> Iterator[Input]:
    if name == STDIN:
        yield Input(STDIN, "stdin", data=_read_stdin())
        return
    if not os.path.lexists(name) and _GLOB_CHARACTERS.intersection(name):
        matches = sorted(glob.glob(name, recursive=True))
        if not matches:
            yield Input(name, problem=("no-match", f"no file matches the pattern {name!r}"))
        for match in matches:
            yield from _expand_existing(match)
        return
    yield from _expand_existing(name)


def _expand_existing(name: str) -> Iterator[Input]:
    try:
        mode = os.stat(name).st_mode
    except OSError:
        yield Input(name, os.path.basename(name))  # reading it will say what is wrong (missing, no permission ...)
        return
    if stat.S_ISDIR(mode):
        found = sorted(_folder_documents(Path(name)))
        if not found:
            suffixes = ", ".join(DOCUMENT_SUFFIXES)
            yield Input(name, problem=("no-match", f"the folder {name} holds no document file ({suffixes})"))
        yield from (Input(str(path), str(path.relative_to(name))) for path in found)
    elif stat.S_ISREG(mode):
        yield Input(name, os.path.basename(name))
    elif name in ("/dev/stdin", "/proc/self/fd/0"):
        yield Input(name, "stdin", data=_read_stdin())
    else:
        message = f"{name} is not a regular file (a pipe or device could block); pass '-' to read standard input"
        yield Input(name, problem=("not-a-file", message))


def _folder_documents(folder: Path) -> Iterator[Path]:
    for root, folders, files in os.walk(folder):
        folders[:] = [f for f in folders if not f.startswith(".")]  # .git, .ipynb_checkpoints ...
        for file in files:
            if not file.startswith(".") and file.lower().endswith(DOCUMENT_SUFFIXES):
                yield Path(root, file)


def _read_stdin() -> bytes:
    """Read standard input whole, as bytes (a PDF or any encoding may come through a pipe)."""
    import sys

    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # replaced by a text stream (a notebook, a test)
        return sys.stdin.read().encode("utf-8") if sys.stdin is not None else b""
    data: bytes = stream.read()
    return data
