"""JSON and dicts: exact round trips, the shipped JSON Schema, key order, and strict reading."""

from __future__ import annotations

import copy
import datetime
import json
import typing
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given

import resolutions
from resolutions import cli, nodes
from resolutions.errors import ParseError
from resolutions.serialise.json import (
    NODE_CLASSES,
    RENAMED_KEYS,
    SCHEMA_VERSION,
    from_dict,
    from_json,
    schema,
    to_dict,
    to_json,
)
from tests import strategies
from tests.conftest import SEEDS, STYLES, corpus_texts

jsonschema = pytest.importorskip("jsonschema")

DOCUMENTS = SEEDS + STYLES + corpus_texts()
SMALL = (
    "The Security Council,\n\n*Recalling* its resolution 1 (2001),¹ and *The future we want*,\n\n"
    "1. *Decides* to remain seized.\n\n¹ A note.\n"
)


def _validator() -> Any:
    found = schema()
    jsonschema.Draft202012Validator.check_schema(found)
    return jsonschema.Draft202012Validator(found, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


SCHEMA_CHECK = _validator()


@pytest.fixture(scope="module")
def validator() -> Any:
    return SCHEMA_CHECK


def everything(document: nodes.Document) -> Any:
    """Every field of every node, also those equality ignores: an oracle independent of cattrs."""
    return attrs.asdict(document, recurse=True)


def assert_exact_round_trip(document: nodes.Document, validator: Any) -> None:
    data = to_dict(document)
    validator.validate(data)
    back = from_json(to_json(document))
    assert back == document
    assert everything(back) == everything(document)
    assert to_dict(from_dict(data)) == data
    assert back.source == document.source


# ---------------------------------------------------------------------------------- round trips


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_seed_and_corpus_round_trip_exactly(path: Path, validator: Any) -> None:
    document = resolutions.parse_file(path)
    assert_exact_round_trip(document, validator)
    assert resolutions.from_json(document.to_json()) == document
    assert resolutions.from_dict(document.to_dict()).to_source() == path.read_bytes().decode("utf-8")


@given(strategies.node_trees())
def test_generated_trees_round_trip_and_match_the_schema(document: nodes.Document) -> None:  # property 3
    assert_exact_round_trip(document, SCHEMA_CHECK)


@given(strategies.texts())
def test_parsed_texts_round_trip(text: str) -> None:  # property 3, parsed
    document = resolutions.parse(text)
    back = from_json(document.to_json())
    assert back == document
    assert everything(back) == everything(document)
    assert back.to_source() == text


# ---------------------------------------------------------------------------------- format


def test_keys_follow_the_declared_field_order() -> None:
    document = resolutions.parse(SMALL)
    data = to_dict(document)
    assert list(data)[:2] == ["schema_version", "type"]
    assert data["schema_version"] == SCHEMA_VERSION
    seen: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            cls = getattr(nodes, value["type"])
            renamed = RENAMED_KEYS.get(cls, {})
            expected = [renamed.get(field.name, field.name) for field in attrs.fields(cls)]
            keys = [key for key in value if key not in ("schema_version", "type")]
            assert keys == expected, value["type"]
            seen.add(value["type"])
            for child in value.values():
                walk(child)
        elif isinstance(value, list):
            for child in value:
                walk(child)

    walk(data)
    assert {"Document", "Header", "Paragraph", "VerbPhrase", "Emphasis", "Text", "FootnoteRef", "Footnote"} <= seen


def test_spans_dates_and_output_options() -> None:
    document = resolutions.parse(SMALL)
    data = to_dict(document)
    paragraph = document.body[0]
    assert isinstance(paragraph, nodes.Paragraph)
    assert data["body"][0]["span"] == [paragraph.span.start, paragraph.span.end]
    dated = attrs.evolve(document, header=attrs.evolve(document.header, date=datetime.date(2018, 10, 29)))
    assert to_dict(dated)["header"]["date"] == "2018-10-29"
    text = to_json(document)
    assert text.endswith("}\n") and "\n" not in text[:-1]
    assert json.loads(to_json(document, indent=2)) == json.loads(text)
    assert "\\u" not in to_json(attrs.evolve(document, source="Zürich"))
    assert "\\u00fc" in to_json(attrs.evolve(document, source="Zürich"), ensure_ascii=True)


def test_writer_is_offered_to_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([str(SEEDS[0]), "--to", "json"]) == 0
    assert from_json(capsys.readouterr().out) == resolutions.parse_file(SEEDS[0])


# ---------------------------------------------------------------------------------- schema


def test_schema_ships_in_the_package_and_describes_every_node() -> None:
    found = schema()
    assert found["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    for cls in NODE_CLASSES:
        definition = found["$defs"][cls.__name__]
        renamed = RENAMED_KEYS.get(cls, {})
        fields = [renamed.get(field.name, field.name) for field in attrs.fields(cls)]
        extra = ["schema_version"] if cls is nodes.Document else []
        assert list(definition["properties"]) == [*extra, "type", *fields], cls.__name__
        assert definition["required"] == [*extra, "type", *fields], cls.__name__
        assert definition["additionalProperties"] is False
        assert definition["properties"]["type"] == {"const": cls.__name__}
        hints = typing.get_type_hints(cls, vars(nodes))
        for field in attrs.fields(cls):
            name = renamed.get(field.name, field.name)
            hint = hints[field.name]
            choices = typing.get_args(hint) if typing.get_origin(hint) is typing.Literal else None
            if choices:
                assert definition["properties"][name]["enum"] == list(choices), f"{cls.__name__}.{name}"
    assert schema() is not schema()  # a fresh copy each time


def test_schema_rejects_what_the_reader_rejects(validator: Any) -> None:
    data = to_dict(resolutions.parse(SMALL))
    for change in BREAKAGES:
        broken = copy.deepcopy(data)
        change(broken)
        assert not validator.is_valid(broken)
        with pytest.raises(ParseError):
            from_dict(broken)


BREAKAGES = [
    lambda d: d["body"][0].__setitem__("kind", "bogus"),
    lambda d: d["body"][0].__setitem__("type", "Bogus"),
    lambda d: d["body"][0].pop("type"),
    lambda d: d["body"][0].pop("content"),
    lambda d: d["body"][0].__setitem__("extra", 1),
    lambda d: d["body"][0].__setitem__("span", [1]),
    lambda d: d["body"][0].__setitem__("span", [-1, 2]),
    lambda d: d["body"][0].__setitem__("span", "0-1"),
    lambda d: d["body"][0].__setitem__("content", "text"),
    lambda d: d["body"][0]["content"][0].__setitem__("type", "Paragraph"),
    lambda d: d["header"].__setitem__("organ", 3),
    lambda d: d["header"].__setitem__("date", "2018-13-01"),
    lambda d: d["header"].__setitem__("date", 20181029),
    lambda d: d["header"].__setitem__("type", "Footnote"),
    lambda d: d.__setitem__("body", 5),
    lambda d: d.__setitem__("schema_version", SCHEMA_VERSION + 1),
    lambda d: d.pop("schema_version"),
    lambda d: d.pop("type"),
]


# ---------------------------------------------------------------------------------- errors


def test_reader_names_each_problem_and_where() -> None:
    data = to_dict(resolutions.parse(SMALL))
    data["body"][0]["kind"] = "bogus"
    data["header"]["organ"] = 3
    with pytest.raises(ParseError) as caught:
        from_dict(data)
    message = str(caught.value)
    assert "$.body[0].kind" in message and "'operative'" in message
    assert "$.header.organ" in message
    assert isinstance(caught.value, ValueError)


def test_reversed_span_is_refused() -> None:
    data = to_dict(resolutions.parse(SMALL))
    data["body"][0]["span"] = [9, 2]
    with pytest.raises(ParseError, match=r"span.*\$\.body\[0\]\.span"):
        from_dict(data)


def test_bad_json_reports_line_and_column() -> None:
    with pytest.raises(ParseError) as caught:
        from_json('{\n  "schema_version": 1,\n  "type": }')
    assert (caught.value.line, caught.value.column) == (3, 10)


def test_version_problems_are_told_apart() -> None:
    data = to_dict(resolutions.parse(SMALL))
    newer = {**data, "schema_version": SCHEMA_VERSION + 1}
    with pytest.raises(ParseError, match=f"schema_version {SCHEMA_VERSION + 1} is not one") as caught:
        from_dict(newer)
    assert "newer" in caught.value.hint
    with pytest.raises(ParseError, match="no schema_version"):
        from_dict({key: value for key, value in data.items() if key != "schema_version"})


def test_version_1_is_read_with_the_fields_version_2_added() -> None:
    document = resolutions.parse("Resolution 1 (2000)\n\nThe Security Council,\n\n1. *Decides* to act.\n")
    data = to_dict(document)
    old = json.loads(json.dumps(data))
    old["schema_version"] = 1
    del old["grammar"], old["header"]["kind"], old["preamble"]["enacting"]
    for paragraph in old["body"]:
        del paragraph["verb"]["guessed"], paragraph["verb"]["subject"]
    back = from_dict(old)
    assert back == attrs.evolve(document, header=attrs.evolve(document.header, kind=None))
    assert back.header.kind is None and back.grammar is None
    assert old["schema_version"] == 1  # the caller's data is left as it was


def test_json_as_bytes() -> None:
    document = resolutions.parse(SMALL)
    assert from_json(to_json(document).encode("utf-8")) == document
    with pytest.raises(ParseError, match="UTF-8"):
        from_json(b'{"a": "\xff"}')


@pytest.mark.parametrize("value", [[], "text", None, 1])
def test_non_object_is_refused(value: Any) -> None:
    with pytest.raises(ParseError):
        from_dict(value)
