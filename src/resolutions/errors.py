"""Exceptions. Everything raised on purpose derives from :class:`ResolutionsError`.

Input problems (:class:`ParseError`) are kept apart from programming problems with a grammar
(:class:`GrammarError`), as lark does. No lark exception reaches a user: each is wrapped.

Problems with a file rather than with its text also subclass the built-in exception a Python
user already catches, as attrs' ``FrozenInstanceError`` is an ``AttributeError``:
:class:`MissingFileError` is a ``FileNotFoundError``, :class:`DirectoryGivenError` an
``IsADirectoryError``, :class:`ReadPermissionError` a ``PermissionError`` (all
:class:`FileReadError`, an ``OSError``), and :class:`DecodeError` a ``UnicodeDecodeError``.
A file too large or too costly to read raises :class:`LimitError`, which names the limit and
the keyword that raises it.
"""

from __future__ import annotations

import errno as errnos
from collections.abc import Sequence


class ResolutionsError(Exception):
    """The root of every error this library raises on purpose.

    Catch it to handle any of them; each is also the built-in error a Python user would catch
    for its kind of problem (a ``ValueError``, a ``FileNotFoundError``, a ``KeyError`` ...).

    Examples:
        >>> import resolutions
        >>> try:
        ...     resolutions.parse_file("no/such/file.txt")
        ... except resolutions.ResolutionsError as error:
        ...     print(type(error).__name__, isinstance(error, FileNotFoundError))
        MissingFileError True
    """


class ParseError(ResolutionsError, ValueError):
    """The input is not a document the parser can accept (strict mode), or cannot be read.

    Examples:
        >>> import resolutions
        >>> try:
        ...     resolutions.parse("The Council,\\n\\n1. Decides.\\n\\n3. Requests.\\n", strict=True)
        ... except resolutions.ParseError as error:
        ...     print(error)
        ...     print(error.line, error.column, error.expected)
        line 5, column 0: paragraph 3 follows paragraph 1
        expected paragraph 2
        3. Requests.
        ^
        hint: parse without strict=True to read the document anyway (1 problem(s) found)
        5 0 paragraph 2

    Attributes:
        message: What is wrong.
        line: 1-based line of the offending text.
        column: 0-based column of the offending text.
        excerpt: The offending line with a caret under the column.
        expected: What the parser expected there.
        hint: What to do about it.
    """

    def __init__(
        self,
        message: str,
        *,
        line: int = 0,
        column: int = 0,
        excerpt: str = "",
        expected: str = "",
        hint: str = "",
    ) -> None:
        self.message = message
        self.line = line
        self.column = column
        self.excerpt = excerpt
        self.expected = expected
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        parts = [f"line {self.line}, column {self.column}: {self.message}" if self.line else self.message]
        if self.expected:
            parts.append(f"expected {self.expected}")
        if self.excerpt:
            parts.append(self.excerpt)
        if self.hint:
            parts.append(f"hint: {self.hint}")
        return "\n".join(parts)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_parse_error, (self.message, self.line, self.column, self.excerpt, self.expected, self.hint))


def _rebuild_parse_error(message: str, line: int, column: int, excerpt: str, expected: str, hint: str) -> ParseError:
    return ParseError(message, line=line, column=column, excerpt=excerpt, expected=expected, hint=hint)


class GrammarError(ResolutionsError):
    """A grammar file or lexicon cannot be built (a problem with the grammar, not the input).

    Examples:
        >>> import resolutions
        >>> try:
        ...     resolutions.parse("The Council,\\n", body=resolutions.Grammar("mine", "no/such/mine.lark"))
        ... except resolutions.GrammarError as error:
        ...     print(str(error).split(":")[0])
        cannot build the grammar 'mine' from no/such/mine.lark
    """


class UnknownBodyError(ResolutionsError, KeyError):
    """No grammar is known under the body name asked for; also a ``KeyError``.

    Examples:
        >>> import resolutions
        >>> try:
        ...     resolutions.parse("The Council,\\n", body="nobody")
        ... except KeyError as error:
        ...     print(error.name, "un" in error.known)
        nobody True
    """

    def __init__(self, name: str, known: Sequence[str]) -> None:
        self.name = name
        self.known = list(known)
        super().__init__(name)

    def __str__(self) -> str:
        return f"no grammar for body {self.name!r}; known bodies: {', '.join(self.known) or 'none'}"


def _with_hint(message: str, hint: str) -> str:
    return f"{message}\nhint: {hint}" if hint else message


class FileReadError(ResolutionsError, OSError):
    """A file cannot be read: missing, a directory, not permitted, or a special file that would block.

    Also an ``OSError``, with ``errno``, ``strerror`` and ``filename`` set as the built-in sets them.

    Attributes:
        message: What is wrong.
        path: The file, as given.
        hint: What to do about it.
    """

    #: The errno a file of this kind of problem carries.
    code = errnos.EIO

    def __init__(self, message: str, *, path: str, hint: str = "") -> None:
        super().__init__(self.code, message, path)
        self.message = message
        self.path = path
        self.hint = hint

    def __str__(self) -> str:
        return _with_hint(self.message, self.hint)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_file_error, (type(self), self.message, self.path, self.hint))


def _rebuild_file_error(cls: type[FileReadError], message: str, path: str, hint: str) -> FileReadError:
    return cls(message, path=path, hint=hint)


class MissingFileError(FileReadError, FileNotFoundError):
    """There is no file at the path given."""

    code = errnos.ENOENT


class DirectoryGivenError(FileReadError, IsADirectoryError):
    """The path names a folder, not a file."""

    code = errnos.EISDIR


class ReadPermissionError(FileReadError, PermissionError):
    """The file exists but this process may not read it."""

    code = errnos.EACCES


class BlockingFileError(FileReadError, BlockingIOError):
    """A special file (a FIFO with no writer, a terminal) that cannot be read without waiting."""

    code = errnos.EAGAIN


class DecodeError(ResolutionsError, UnicodeDecodeError):
    """A file's bytes are not text in the encoding asked for (or found from its byte order mark).

    A ``UnicodeDecodeError`` (so also a ``ValueError``): ``encoding``, ``reason``, ``start`` and
    ``end`` are set as the built-in sets them, with ``object`` a short excerpt of the bytes around
    the problem (not the whole file) and ``start``/``end`` relative to it.

    Attributes:
        path: The file, or the name given to bytes read from elsewhere.
        position: The offset in the file of the first byte that cannot be decoded.
        hint: What to do about it.
    """

    def __init__(self, encoding: str, data: bytes, position: int, end: int, reason: str, *, path: str, hint: str):
        lead = max(0, position - 16)
        super().__init__(encoding, data[lead : end + 16], position - lead, end - lead, reason)
        self.path = path
        self.position = position
        self.hint = hint

    def __str__(self) -> str:
        bad = self.object[self.start : self.end]
        message = (
            f"{self.path} is not {self.encoding} text: {self.reason} (byte {bad.hex(' ')} at offset {self.position})"
        )
        return _with_hint(message, self.hint)

    def __reduce__(self) -> tuple[object, ...]:
        lead = self.position - self.start
        excerpt = b"\0" * lead + self.object
        end = self.position + (self.end - self.start)
        return (_rebuild_decode_error, (self.encoding, excerpt, self.position, end, self.reason, self.path, self.hint))


def _rebuild_decode_error(
    encoding: str, data: bytes, position: int, end: int, reason: str, path: str, hint: str
) -> DecodeError:
    return DecodeError(encoding, data, position, end, reason, path=path, hint=hint)


class UnknownEncodingError(ResolutionsError, LookupError):
    """The encoding asked for is not one Python knows."""

    def __init__(self, encoding: str, *, hint: str = "") -> None:
        self.encoding = encoding
        self.hint = hint
        super().__init__(encoding)

    def __str__(self) -> str:
        return _with_hint(f"unknown text encoding {self.encoding!r}", self.hint)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_unknown_encoding, (self.encoding, self.hint))


def _rebuild_unknown_encoding(encoding: str, hint: str) -> UnknownEncodingError:
    return UnknownEncodingError(encoding, hint=hint)


class LimitError(ResolutionsError):
    """Reading stopped at a limit that guards against files too large or too costly to read.

    Examples:
        >>> import resolutions
        >>> error = resolutions.LimitError(
        ...     "page 3 holds 2,400,000 characters",
        ...     limit="chars_per_page",
        ...     value=1_000_000,
        ...     hint="pass limits=PdfLimits(chars_per_page=...) to read it anyway",
        ... )
        >>> print(error)
        page 3 holds 2,400,000 characters (limit chars_per_page=1,000,000)
        hint: pass limits=PdfLimits(chars_per_page=...) to read it anyway
        >>> isinstance(error, resolutions.ResolutionsError)
        True

    Attributes:
        message: What was found.
        limit: The name of the keyword (or field) that sets the limit, e.g. ``"page_content_bytes"``.
        value: The limit in force.
        hint: How to raise it, or what to do instead.
    """

    def __init__(self, message: str, *, limit: str, value: float, hint: str = "") -> None:
        self.message = message
        self.limit = limit
        self.value = value
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        return _with_hint(f"{self.message} (limit {self.limit}={self.value:,})", self.hint)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_limit_error, (self.message, self.limit, self.value, self.hint))


def _rebuild_limit_error(message: str, limit: str, value: float, hint: str) -> LimitError:
    return LimitError(message, limit=limit, value=value, hint=hint)
