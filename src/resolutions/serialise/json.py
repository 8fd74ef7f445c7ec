"""JSON and plain dicts: the whole document tree, every field of every node, and back again.

The format (``schema_version`` 2; ``document.schema.json`` beside this module describes it):

- Every node is an object whose first key, ``"type"``, names its class (``"Paragraph"``,
  ``"FootnoteRef"``); its other keys are the class's fields in declaration order, always all of
  them, so that a reader never has to know a default. The tag is what tells a paragraph from a
  section in ``body`` and a footnote reference from text in ``content``.
- A span is a two-integer array ``[start, end]``: every node has one, and the short form keeps
  the output small and quick to write.
- Dates are ISO 8601 strings (``"2018-10-29"``).
- The top-level object opens with ``"schema_version"``, raised whenever a reader of the old
  format could misread the new one.

Everything is kept, also the fields that equality ignores (spans, parts, repeats, furniture,
diagnostics and the source text), so ``from_dict(to_dict(d))`` is the same tree down to the
last offset and ``doc.to_source()`` still gives the file back.

The mapping is made by a cattrs converter rather than hand-written recursion: cattrs generates
one plain function per node class (as fast as code written by hand) and reports every problem of
a malformed input at once, with its path.
"""

from __future__ import annotations

import datetime
import functools
import importlib.resources
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal, get_args, get_origin

import attrs

from resolutions.errors import ParseError
from resolutions.nodes import (
    Annex,
    Block,
    Closing,
    Diagnostic,
    Document,
    Emphasis,
    Footnote,
    FootnoteRef,
    Formula,
    Furniture,
    Header,
    HeaderLine,
    Inline,
    Paragraph,
    Preamble,
    Section,
    Span,
    SubItem,
    Text,
    Title,
    VerbPhrase,
)

if TYPE_CHECKING:
    import cattrs

#: The version of the format :func:`to_dict` writes and :func:`from_dict` reads.
SCHEMA_VERSION = 2
#: What version 2 added to version 1, which is still read: each new field, and its value then.
_ADDED_IN_2: dict[str, dict[str, Any]] = {
    "VerbPhrase": {"guessed": False, "subject": None},
    "Header": {"kind": None},
    "Preamble": {"enacting": None},
    "Document": {"grammar": None},
}
#: The key that names a node's class.
TAG = "type"
#: The node classes the format knows, each tagged with its class name (spans are pairs).
NODE_CLASSES: tuple[type, ...] = (
    Text,
    Emphasis,
    FootnoteRef,
    VerbPhrase,
    SubItem,
    Paragraph,
    Formula,
    Preamble,
    Section,
    Annex,
    Footnote,
    Title,
    HeaderLine,
    Header,
    Closing,
    Furniture,
    Diagnostic,
    Document,
)
_SCHEMA_FILE = "document.schema.json"
#: Fields written under another key: a paragraph's ``label`` (its number as written) keeps the
#: key ``"number"`` it had before the field was renamed, so that files of either version read.
RENAMED_KEYS: dict[type, dict[str, str]] = {Paragraph: {"label": "number"}}


def to_dict(document: Document) -> dict[str, Any]:
    """Return the document as plain dicts, lists, strings, integers and None, ready for JSON.

    Args:
        document: The document to convert.

    Returns:
        A dict that opens with ``schema_version``; every node is a dict tagged with its class
        under ``"type"`` (see the module docstring for the format).

    Examples:
        >>> import resolutions
        >>> data = to_dict(resolutions.parse("The Security Council,\\n\\n1. Decides to remain seized.\\n"))
        >>> list(data)[:3], data["body"][0]["type"], data["body"][0]["span"]
        (['schema_version', 'type', 'header'], 'Paragraph', [23, 51])
    """
    unstructured: dict[str, Any] = _converter().unstructure(document, Document)
    return {"schema_version": SCHEMA_VERSION, **unstructured}


def from_dict(data: dict[str, Any]) -> Document:
    """Rebuild a document from :func:`to_dict`'s output (or the same data read from JSON).

    Args:
        data: A dict in the format of ``schema_version`` 2 (or 1, which had fewer fields).

    Returns:
        The document, equal to the one written, spans and source included.

    Raises:
        ParseError: When ``data`` is not a document of a known ``schema_version``; the message
            lists every problem found, each with its path (``$.body[3].kind``).

    Examples:
        >>> import resolutions
        >>> doc = resolutions.parse("The Security Council,\\n\\n1. Decides to remain seized.\\n")
        >>> data = doc.to_dict()
        >>> resolutions.from_dict(data) == doc
        True
        >>> data["body"][0]["kind"] = "operatve"
        >>> resolutions.from_dict(data)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        resolutions.errors.ParseError: not a resolutions document: ... @ $.body[0].kind
        expected the format of schema_version 2 (see resolutions.serialise.json.schema())
    """
    if not isinstance(data, dict):
        raise ParseError(f"a document is a JSON object, not {type(data).__name__}", expected="an object")
    version = data.get("schema_version")
    if version == 1:
        data = _from_version_1(data)
        version = SCHEMA_VERSION
    if version != SCHEMA_VERSION:
        raise ParseError(
            f"schema_version {version!r} is not one this version of resolutions reads"
            if "schema_version" in data
            else "no schema_version: not a document written by resolutions",
            expected=f"schema_version {SCHEMA_VERSION}",
            hint="a document written by a newer resolutions needs that version to read it"
            if isinstance(version, int) and version > SCHEMA_VERSION
            else "",
        )
    import cattrs

    fields = {key: value for key, value in data.items() if key != "schema_version"}
    try:
        document: Document = _converter().structure(fields, Document)
    except cattrs.BaseValidationError as exc:
        problems = "; ".join(cattrs.transform_error(exc, path="$", format_exception=_problem))
        raise ParseError(f"not a resolutions document: {problems}", expected=_EXPECTED) from exc
    except _Invalid as exc:  # the top level, read before cattrs's validation takes over
        raise ParseError(f"not a resolutions document: {exc} @ $", expected=_EXPECTED) from exc
    return document


_EXPECTED = f"the format of schema_version {SCHEMA_VERSION} (see resolutions.serialise.json.schema())"


def to_json(document: Document, **options: Any) -> str:
    """Return the document as JSON text, ending with a line break as a text file does.

    Args:
        document: The document to write.
        **options: Passed to :func:`json.dumps` (``indent=2``, ``ensure_ascii=True`` ...). By
            default the output is compact and keeps non-ASCII characters as they are.

    Returns:
        The JSON text of :func:`to_dict`.
    """
    return json.dumps(to_dict(document), **{"ensure_ascii": False, **options}) + "\n"


def from_json(text: str | bytes) -> Document:
    """Rebuild a document from :func:`to_json`'s output: ``from_json(doc.to_json()) == doc``.

    Args:
        text: JSON text (str, or UTF-8 bytes).

    Returns:
        The document, spans and source included.

    Raises:
        ParseError: When the text is not JSON (with its line and column), or not a document.

    Examples:
        >>> import resolutions
        >>> doc = resolutions.parse("The Security Council,\\n\\n1. Decides to remain seized.\\n")
        >>> again = resolutions.from_json(doc.to_json())
        >>> again == doc, again.to_source() == doc.to_source()
        (True, True)
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ParseError(f"not JSON: {exc.msg}", line=exc.lineno, column=exc.colno - 1, expected="JSON") from exc
    except UnicodeDecodeError as exc:
        raise ParseError(f"not UTF-8 text: {exc.reason} at byte {exc.start}", expected="JSON in UTF-8") from exc
    except RecursionError as exc:  # arrays or objects nested thousands deep
        raise ParseError(
            "the JSON nests deeper than Python's JSON reader follows", expected=_EXPECTED, hint=_DEPTH_HINT
        ) from exc
    return from_dict(data)


_DEPTH_HINT = "a document written by resolutions nests a few dozen levels at most (see resolutions.limits)"


def schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of the format, read from the installed package.

    A fresh copy each time, so that a caller may change it freely.
    """
    resource = importlib.resources.files("resolutions.serialise").joinpath(_SCHEMA_FILE)
    loaded: dict[str, Any] = json.loads(resource.read_text(encoding="utf-8"))
    return loaded


# ---------------------------------------------------------------------------------- converter


class _Invalid(ValueError):
    """A problem in the input, worded for the reader: reported as it is."""


@functools.cache
def _converter() -> cattrs.Converter:
    """Build the converter once, on first use (``import resolutions`` stays quick).

    cattrs generates the field-by-field functions; the hooks below add the ``"type"`` tag and
    make reading strict: no missing or unknown keys, no string taken for a list, no number taken
    for a string. A lenient reader would accept data the schema rejects.
    """
    from cattrs.preconf.json import make_converter

    converter = make_converter()  # the stdlib-json preset: dates as ISO strings, tuples as lists
    converter.register_unstructure_hook(Span, _span_to_list)
    converter.register_structure_hook(Span, _span_from_list)
    converter.register_structure_hook(str, _exactly(str))
    converter.register_structure_hook(int, _exactly(int))
    converter.register_structure_hook(bool, _boolean)
    converter.register_structure_hook(datetime.date, _date_from_text)
    converter.register_structure_hook_factory(_is_tuple, _tuple_from_list)
    converter.register_unstructure_hook_factory(_is_node, _tagged_writer)
    converter.register_structure_hook_factory(_is_node, _tagged_reader)
    # The unions' hooks are registered before any node's hook is made, so that each node's
    # generated function finds the hook of its (recursive) children.
    for union in (Inline, Block):
        converter.register_structure_hook(union, _union_reader(union, converter))
    return converter


def _from_version_1(data: dict[str, Any]) -> dict[str, Any]:
    """Give a version 1 document the fields version 2 added, with the values they then had."""
    copy: dict[str, Any] = json.loads(json.dumps(data))  # a deep copy: the caller's data stays as it was
    stack: list[Any] = [copy]
    while stack:  # a walk without recursion: documents may nest deep
        item = stack.pop()
        if isinstance(item, dict):
            for key, value in _ADDED_IN_2.get(item.get(TAG, ""), {}).items():
                item.setdefault(key, value)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    copy["schema_version"] = SCHEMA_VERSION
    return copy


def _is_node(cls: Any) -> bool:
    return cls in NODE_CLASSES


def _tagged_writer(cls: type, converter: cattrs.Converter) -> Callable[[Any], dict[str, Any]]:
    """Write a node as its tag, then its fields in declaration order."""
    from cattrs.gen import make_dict_unstructure_fn

    fields: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(cls, converter, **_renames(cls))
    tag = cls.__name__

    def unstructure(node: Any) -> dict[str, Any]:
        return {TAG: tag, **fields(node)}

    return unstructure


def _tagged_reader(cls: type, converter: cattrs.Converter) -> Callable[[Any, type], Any]:
    """Read a node after checking its tag and that its keys are exactly the class's fields."""
    from cattrs.gen import make_dict_structure_fn

    build: Callable[[Any, type], Any] = make_dict_structure_fn(cls, converter, **_renames(cls))
    tag = cls.__name__
    renamed = RENAMED_KEYS.get(cls, {})
    keys = frozenset(renamed.get(field.name, field.name) for field in attrs.fields(cls)) | {TAG}

    def structure(data: Any, _: type) -> Any:
        if not isinstance(data, dict):
            raise _Invalid(f"a {tag} node is an object, not {type(data).__name__}")
        if data.get(TAG) != tag:
            raise _Invalid(f"expected a node of type {tag!r}, found type {data.get(TAG)!r}")
        if data.keys() != keys:
            missing, extra = sorted(keys - data.keys()), sorted(map(str, data.keys() - keys))
            problems = ([f"lacks {', '.join(missing)}"] if missing else []) + (
                [f"has unknown keys {', '.join(extra)}"] if extra else []
            )
            raise _Invalid(f"a {tag} node {' and '.join(problems)}")
        return build(data, cls)

    return structure


def _renames(cls: type) -> dict[str, Any]:
    from cattrs.gen import override

    return {name: override(rename=key) for name, key in RENAMED_KEYS.get(cls, {}).items()}


def _union_reader(union: Any, converter: cattrs.Converter) -> Callable[[Any, type], Any]:
    """Read a member of a union of nodes, chosen by its tag.

    cattrs's ``configure_tagged_union`` does the same, but reports an unknown tag as a missing
    field; this names the tag found and the ones allowed. Members' hooks are looked up on first
    use, when every hook they need exists.
    """
    members = {cls.__name__: cls for cls in get_args(union)}
    hooks: dict[str, Callable[[Any, type], Any]] = {}

    def structure(data: Any, _: type) -> Any:
        tag = data.get(TAG) if isinstance(data, dict) else None
        if not isinstance(tag, str) or tag not in members:
            raise _Invalid(f"expected a node of type {' or '.join(members)}, found {_describe(data)}")
        hook = hooks.get(tag)
        if hook is None:
            hook = hooks[tag] = converter.get_structure_hook(members[tag])
        return hook(data, members[tag])

    return structure


def _describe(data: Any) -> str:
    if isinstance(data, dict):
        return f"type {data.get(TAG)!r}"
    return f"a {type(data).__name__}"


def _is_tuple(cls: Any) -> bool:
    args = get_args(cls)
    return get_origin(cls) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_from_list(cls: Any, converter: cattrs.Converter) -> Callable[[Any, type], tuple[Any, ...]]:
    """Read a tuple from a JSON array only (cattrs would also take a string as its characters).

    The items are read by cattrs's list hook, which reports each bad item with its index. It is
    looked up on first use: nodes hold tuples of themselves, whose hook is still being made now.
    """
    as_list: Any = list.__class_getitem__(get_args(cls)[0])
    hooks: list[Callable[[Any, Any], list[Any]]] = []

    def structure(data: Any, _: type) -> tuple[Any, ...]:
        if not isinstance(data, list):
            raise _Invalid(f"expected an array, not {type(data).__name__}")
        if not hooks:
            hooks.append(converter.get_structure_hook(as_list))
        return tuple(hooks[0](data, as_list))

    return structure


def _exactly(kind: type) -> Callable[[Any, type], Any]:
    """Accept a value of exactly this JSON type (cattrs would call str(3) or int("3"))."""

    def structure(data: Any, _: type) -> Any:
        if not isinstance(data, kind) or isinstance(data, bool):
            raise _Invalid(f"expected {'a string' if kind is str else 'an integer'}, not {data!r}")
        return data

    return structure


def _boolean(data: Any, _: type) -> bool:
    """Accept true or false only (cattrs would call bool("no"))."""
    if not isinstance(data, bool):
        raise _Invalid(f"expected true or false, not {data!r}")
    return data


def _span_to_list(span: Span) -> list[int]:
    return [span.start, span.end]


def _span_from_list(data: Any, _: type) -> Span:
    if (
        not isinstance(data, list)
        or len(data) != 2
        or not all(isinstance(offset, int) and not isinstance(offset, bool) for offset in data)
        or not 0 <= data[0] <= data[1]
    ):
        raise _Invalid(f"a span is [start, end] with 0 <= start <= end, not {data!r}")
    return Span(data[0], data[1])


def _date_from_text(data: Any, _: type) -> datetime.date:
    if not isinstance(data, str):
        raise _Invalid(f"a date is an ISO 8601 string, not {data!r}")
    try:
        return datetime.date.fromisoformat(data)
    except ValueError as exc:
        raise _Invalid(f"not a date in ISO 8601 (YYYY-MM-DD): {data!r}") from exc


def _problem(exc: BaseException, expected: Any) -> str:
    """Word one problem for :func:`cattrs.transform_error`."""
    from cattrs.v import format_exception

    if isinstance(exc, _Invalid):
        return str(exc)
    if get_origin(expected) is Literal:
        return f"expected one of {', '.join(map(repr, get_args(expected)))}"
    return format_exception(exc, expected)
