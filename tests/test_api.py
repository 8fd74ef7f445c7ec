"""The public entry points: lenient and strict parsing, bad input, errors users can act on."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

import resolutions
from resolutions import ParseError, UnknownBodyError
from resolutions.api import HAND_OVER_SIZE
from tests.conftest import EXAMPLES, SEEDS


def test_public_names() -> None:
    for name in resolutions.__all__:
        assert hasattr(resolutions, name), name
    assert resolutions.__version__


def test_parse_small_resolution() -> None:
    text = "The Security Council,\n\nRecalling its resolutions,\n\n1. Decides to remain seized of the matter.\n"
    doc = resolutions.parse(text)
    assert doc.header.organ == "Security Council"
    assert [(r["kind"], r["number"], r["verb"]) for r in doc.records()] == [
        ("preambular", None, "Recalling"),
        ("operative", "1", "Decides"),
    ]


def test_empty_text_is_lenient_and_strict_raises() -> None:
    doc = resolutions.parse("")
    assert doc.records() == []
    assert doc.to_source() == ""
    assert [d.code for d in doc.diagnostics] == ["empty-document"]
    with pytest.raises(ParseError, match="no document"):
        resolutions.parse("   \n\n", strict=True)


def test_binary_junk() -> None:
    junk = "".join(chr(c) for c in range(0, 32)) + "\x7f\ufffd" * 3 + "\x00abc\n"
    doc = resolutions.parse(junk)
    assert doc.to_source() == junk
    assert "unrecognised-line" in {d.code for d in doc.diagnostics}
    with pytest.raises(ParseError) as caught:
        resolutions.parse(junk, strict=True)
    error = caught.value
    assert error.line >= 1 and error.expected
    assert "^" in error.excerpt
    assert not any(ord(char) < 32 for char in error.excerpt.replace("\n", "")), "control characters shown raw"


def test_lines_of_junk_in_a_row_are_one_report_at_the_first() -> None:
    text = "The General Assembly,\n\n1. Decides\x01 one;\n2. \x02\n\n3. x\x03;\n4. Decides two;\n5. \x04\n"
    doc = resolutions.parse(text)
    reports = [d for d in doc.diagnostics if d.code == "unrecognised-line"]
    assert [(d.span.start, d.message) for d in reports] == [
        (text.index("\x01"), "control character '\\x01' in the text, and more on the 2 lines that follow"),
        (text.index("\x04"), "control character '\\x04' in the text"),
    ]
    many = resolutions.parse("\x00\n" * 5000)
    assert [d.message for d in many.diagnostics if d.code == "unrecognised-line"] == [
        "control character '\\x00' in the text, and more on the 4,999 lines that follow"
    ]


def test_excerpt_caret_stays_under_the_offending_character() -> None:
    text = "The General Assembly,\n\n1. Decides\x01 one;\n\n1. Decides two;\n"
    with pytest.raises(ParseError) as caught:
        resolutions.parse(text, strict=True)
    shown, caret = caught.value.excerpt.split("\n")
    assert shown == "1. Decides\u2401 one;"
    assert len(caret) - 1 == caught.value.column


def test_one_megabyte_single_line() -> None:
    line = ("Recalling the obligations of all States under the Charter, " * 18000)[:1_000_000]
    doc = resolutions.parse(line)
    assert doc.to_source() == line
    # Each clause is a run-in preambular paragraph; the last, cut off, stays with the one before.
    assert len(doc.records()) == line.count(", Recalling the") + 1


def test_paragraphs_numbered_alike_in_a_row_are_one_report_at_the_first() -> None:
    paragraphs = ["1. Decides a;", "1. Decides b;", "1. Decides c;", "1. Decides d;", "2. Decides e;", "2. Decides f;"]
    text = "The General Assembly,\n\n" + "\n\n".join([*paragraphs, "3. Decides g;", "5. Decides h."]) + "\n"
    reports = [(d.code, d.message, d.span.start) for d in resolutions.parse(text).diagnostics]
    assert reports == [
        (
            "duplicate-number",
            "paragraph 1 is numbered like the one before it, and so are the 2 after it",
            text.index("1. Decides b"),
        ),
        ("duplicate-number", "paragraph 2 is numbered like the one before it", text.index("2. Decides f")),
        ("skipped-number", "paragraph 5 follows paragraph 3", text.index("5. Decides h")),
    ]
    pair = "The General Assembly,\n\n1. Decides a;\n\n1. Decides b;\n\n1. Decides c.\n"
    assert [d.message for d in resolutions.parse(pair).diagnostics] == [
        "paragraph 1 is numbered like the one before it, and so is the one after it"
    ]


def test_strict_mode_reports_line_column_text_and_expectation() -> None:
    text = "The General Assembly,\n\n1. Decides one;\n\n1. Decides two;\n\n3. Decides three.\n"
    lenient = resolutions.parse(text)
    assert [d.code for d in lenient.diagnostics] == ["duplicate-number", "skipped-number"]
    with pytest.raises(ParseError) as caught:
        resolutions.parse(text, strict=True)
    error = caught.value
    assert (error.line, error.column) == (5, 0)
    assert error.expected == "paragraph 2"
    assert "1. Decides two;" in error.excerpt
    assert "line 5, column 0" in str(error)
    assert error.hint


def test_parse_error_survives_pickling() -> None:
    error = ParseError("bad", line=2, column=3, excerpt="x\n^", expected="y", hint="z")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.line, copy.column, copy.expected, str(copy)) == (2, 3, "y", str(error))


def test_unresolved_footnote_is_diagnosed() -> None:
    doc = resolutions.parse("The General Assembly,\n\n1. Decides<sup>4</sup> to act.\n")
    assert [d.code for d in doc.diagnostics] == ["unresolved-footnote"]


def test_parse_rejects_bytes() -> None:
    with pytest.raises(TypeError, match="parse_file"):
        resolutions.parse(b"The General Assembly,")  # type: ignore[arg-type]


def test_parse_file(tmp_path: Path) -> None:
    doc = resolutions.parse_file(EXAMPLES / "004_b3be5a33b20825bd.txt")
    assert doc.title == "Paris Pact Initiative"
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Résolution\n".encode("latin-1"))
    with pytest.raises(UnicodeDecodeError, match="not utf-8 text") as caught:
        resolutions.parse_file(latin)
    assert "encoding=" in caught.value.hint  # type: ignore[attr-defined]
    assert isinstance(caught.value, resolutions.ResolutionsError)
    assert resolutions.parse_file(latin, encoding="latin-1").to_source() == "Résolution\n"
    with pytest.raises(FileNotFoundError, match="no such file"):
        resolutions.parse_file(tmp_path / "missing.txt")


def test_unknown_body() -> None:
    with pytest.raises(UnknownBodyError) as caught:
        resolutions.parse("x", body="nowhere")
    assert isinstance(caught.value, KeyError)
    assert "un" in str(caught.value)
    assert "un" in resolutions.available_bodies()


def test_documents_compare_by_content_not_layout() -> None:
    plain = resolutions.parse("The General Assembly,\n\n1. Decides to act.\n")
    spaced = resolutions.parse("\n\nThe General Assembly,\n\n\n1.   Decides   to\nact.\n")
    assert plain.records() == spaced.records()
    assert plain.preamble == spaced.preamble


def test_documents_pickle_for_process_pools() -> None:
    doc = resolutions.parse_file(SEEDS[2])
    copy = pickle.loads(pickle.dumps(doc))
    assert copy == doc
    assert copy.to_source() == doc.to_source()
    assert next(copy.paragraphs()).span == next(doc.paragraphs()).span


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (b"The General Assembly,\r\n\r\n1. Decides to act.\r\n", "utf-8"),
        (b"\xef\xbb\xbfThe General Assembly,\n\n1. Decides to act.\n", "utf-8"),
        ("The General Assembly,\r\n\r\n1. Decides to act.\r\n".encode("utf-16"), "utf-8"),
        ("The General Assembly,\n\n1. D\u00e9cides to act.\n".encode("cp1252"), "cp1252"),
    ],
    ids=["crlf", "utf-8-bom", "utf-16", "cp1252"],
)
def test_files_are_read_as_written(tmp_path: Path, data: bytes, encoding: str) -> None:
    path = tmp_path / "resolution.txt"
    path.write_bytes(data)
    doc = resolutions.parse_file(path, encoding=encoding)
    assert doc.preamble.formula is not None
    assert len(doc.records()) == 1
    expected = data.decode("utf-16") if data[:2] == b"\xff\xfe" else data.decode(encoding)
    assert doc.to_source() == expected


def test_unknown_encoding_is_a_lookup_error(tmp_path: Path) -> None:
    path = tmp_path / "resolution.txt"
    path.write_text("The Council,\n", encoding="utf-8")
    with pytest.raises(LookupError, match="unknown text encoding") as caught:
        resolutions.parse_file(path, encoding="no-such-codec")
    assert isinstance(caught.value, resolutions.ResolutionsError)


def test_parse_leaves_the_garbage_collector_working() -> None:
    # parse pauses the collector, then hands what exists to its oldest generation (see
    # api.quiet_collector): it must be enabled after, collect cycles made before, and leave
    # objects someone else froze (a process pool's parent, say) frozen.
    import gc
    import weakref

    class Node:
        pass

    cycle = Node()
    cycle.self = cycle  # type: ignore[attr-defined]
    gone = weakref.ref(cycle)
    assert gc.isenabled()
    large = "The General Assembly,\n\n1. Decides to act.\n" * 4000
    assert len(large) >= HAND_OVER_SIZE
    resolutions.parse(large)
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0
    del cycle
    gc.collect()
    assert gone() is None
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        resolutions.parse(large)
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
    gc.disable()
    try:
        resolutions.parse("The General Assembly,\n")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_small_text_does_not_count_frozen_objects(monkeypatch: pytest.MonkeyPatch) -> None:
    # Counting frozen objects walks them: in a forked worker of a pool, a million objects, 7 ms
    # per parse, which made a batch of small files three times slower.
    import gc

    def refuse() -> int:
        raise AssertionError("counted frozen objects for a small text")

    monkeypatch.setattr(gc, "get_freeze_count", refuse)
    resolutions.parse("The General Assembly,\n\n1. Decides to act.\n" * 50)
    resolutions.parse_all("The General Assembly,\n\n1. Decides to act.\n" * 50)


def test_a_span_is_a_frozen_ordered_range_that_refuses_a_backward_one() -> None:
    import attrs

    from resolutions.nodes import Span

    span = Span(3, 7)
    assert (span.start, span.end, span.length) == (3, 7, 4)
    assert span == Span(3, 7) and hash(span) == hash(Span(3, 7)) and Span(2, 9) < span < Span(3, 8)
    assert pickle.loads(pickle.dumps(span)) == span and attrs.evolve(span, end=9) == Span(3, 9)
    assert Span(0, 0).length == 0
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        span.start = 1  # type: ignore[misc]
    for start, end in ((-1, 2), (5, 4)):
        with pytest.raises(ValueError, match="a span runs from an offset >= 0 to one no smaller"):
            Span(start, end)
