"""Exceptions. Everything raised on purpose derives from :class:`ResolutionsError`.

Input problems (:class:`ParseError`) are kept apart from programming problems with a grammar
(:class:`GrammarError`), as lark does. No lark exception reaches a user: each is wrapped.
"""

from __future__ import annotations

from collections.abc import Sequence


class ResolutionsError(Exception):
    """The root of every error this library raises on purpose."""


class ParseError(ResolutionsError, ValueError):
    """The input is not a document the parser can accept (strict mode), or cannot be read.

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
    """A grammar file or lexicon cannot be built (a problem with the grammar, not the input)."""


class UnknownBodyError(ResolutionsError, KeyError):
    """No grammar is known under the body name asked for."""

    def __init__(self, name: str, known: Sequence[str]) -> None:
        self.name = name
        self.known = list(known)
        super().__init__(name)

    def __str__(self) -> str:
        return f"no grammar for body {self.name!r}; known bodies: {', '.join(self.known) or 'none'}"
