"""Files that hold many documents: ``parse_all`` cuts them at their heads, and loses nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

import resolutions
from resolutions.compare import differences, same_content
from resolutions.serialise.json import from_dict, to_dict
from resolutions.serialise.markdown import to_markdown
from tests.conftest import SEEDS, bulk_texts, corpus_collections

REPORT = (
    "|  | United Nations | FCCC/CP/2099/1/Add.1 |\n"
    "|  |  | Distr.: General 1 March 2099  Original: English |\n\n"
    "Conference of the Parties\n"
    "Report of the Conference of the Parties on its ninety-ninth session\n"
    "Contents\n"
    "\t1/CP.99\tFirst matter\t\t2\n"
    "\t2/CP.99\tSecond matter\t\t3\n\n"
    "Decision 1/CP.99\n"
    "First matter\n"
    "\tThe Conference of the Parties,\n"
    "\tRecalling decision 3/CP.98,\n"
    "\t1.\tDecides to meet again;\n"
    "\t2.\tRequests the secretariat to report.\n"
    "\t\t7th plenary meeting\n"
    "\t\t2 March 2099\n\n"
    "Decision 2/CP.99\n"
    "Second matter\n"
    "\tThe Conference of the Parties,\n"
    "\t1.\tTakes note of the report;\n"
    "\t\t8th plenary meeting\n"
    "\t\t3 March 2099\n"
)


def test_a_report_gives_one_document_per_decision() -> None:
    documents = resolutions.parse_all(REPORT)
    assert [d.header.symbol for d in documents] == ["1/CP.99", "2/CP.99"]
    assert [d.title for d in documents] == ["First matter", "Second matter"]
    first, second = documents
    assert [(r["kind"], r["number"], r["verb"]) for r in first.records()] == [
        ("preambular", None, "Recalling"),
        ("operative", "1", "Decides"),
        ("operative", "2", "Requests"),
    ]
    assert first.closing is not None and first.closing.meeting == "7th plenary meeting"
    assert second.records()[0]["verb"] == "Takes note"
    assert second.header.organ == "Conference of the Parties"


def test_the_preface_is_kept_apart_and_the_file_comes_back() -> None:
    documents = resolutions.parse_all(REPORT)
    assert documents.preface is not None
    assert documents.preface.header.symbol == "FCCC/CP/2099/1/Add.1"
    assert documents.preface.text.startswith("|  | United Nations")
    assert "Contents" in documents.preface.text and "Decision 1/CP.99" not in documents.preface.text
    assert "".join(d.to_source() for d in documents) == REPORT
    assert documents.to_source() == REPORT
    assert documents.offsets[0] == 0 and REPORT[documents.offsets[1] :].startswith("Decision 2/CP.99")
    assert [f.kind for f in documents[0].furniture][:1] == ["preface"]
    assert documents[0].header.symbol == "1/CP.99"  # not the report's


def test_contents_entries_are_not_documents() -> None:
    contents = "Contents\nDecision 1/CP.99 First matter\nDecision 2/CP.99 Second matter\n\n"
    documents = resolutions.parse_all(contents + REPORT.split("\n\n", 1)[1])
    assert [d.header.symbol for d in documents] == ["1/CP.99", "2/CP.99"]


def test_parse_reads_one_document_under_a_cover_as_parse_all_does() -> None:
    one = REPORT.split("Decision 2/CP.99")[0]
    document = resolutions.parse(one)
    assert document == resolutions.parse_all(one)[0]
    assert document.header.symbol == "1/CP.99" and document.title == "First matter"
    assert [f.kind for f in document.furniture][:1] == ["preface"]
    assert document.to_source() == one


def test_parse_of_several_documents_reads_them_as_one_and_says_so() -> None:
    document = resolutions.parse(REPORT)
    assert document.to_source() == REPORT
    warnings = [d for d in document.diagnostics if d.code == "several-documents"]
    assert len(warnings) == 1
    assert "2 documents" in warnings[0].message and "Decision 2/CP.99" in warnings[0].message
    assert REPORT[warnings[0].span.start : warnings[0].span.end] == "Decision 2/CP.99"
    assert "parse_all" in (warnings[0].expected or "")
    assert all(d.code != "several-documents" for d in resolutions.parse_all(REPORT)[1].diagnostics)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_a_file_with_one_document_gives_a_collection_of_one(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    documents = resolutions.parse_all(text)
    assert len(documents) == 1 and documents.preface is None
    assert documents[0] == resolutions.parse(text)
    assert documents[0].to_source() == text


def test_a_masthead_above_a_head_belongs_to_its_document() -> None:
    one = (
        "United Nations\tA/RES/99/1\nGeneral Assembly\tDistr.: General\n\n"
        "99/1. First resolution\n\nThe General Assembly,\n\n1. Decides to meet;\n\n"
        "1st plenary meeting\n1 January 2099\n\n"
    )
    two = one.replace("99/1", "99/2").replace("First", "Second").replace("1st plenary", "2nd plenary")
    documents = resolutions.parse_all(one + two)
    assert [d.header.symbol for d in documents] == ["A/RES/99/1", "A/RES/99/2"]
    assert [d.title for d in documents] == ["First resolution", "Second resolution"]
    assert documents[1].to_source() == two


def test_parse_all_file_reads_the_file(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(REPORT.replace("\n", "\r\n").encode("utf-8"))
    documents = resolutions.parse_all_file(path)
    assert len(documents) == 2
    assert documents.to_source() == REPORT.replace("\n", "\r\n")


def test_strict_collections_raise_for_any_document() -> None:
    broken = REPORT.replace("\t2.\tRequests", "\t3.\tRequests")
    assert len(resolutions.parse_all(broken)) == 2
    with pytest.raises(resolutions.ParseError):
        resolutions.parse_all(broken, strict=True)


def test_parse_all_takes_text_only() -> None:
    with pytest.raises(TypeError):
        resolutions.parse_all(Path("report.txt"))  # type: ignore[arg-type]


@pytest.mark.parametrize("path", corpus_collections(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_real_collections_lose_nothing(path: Path) -> None:
    text = path.read_bytes().decode("utf-8")
    documents = resolutions.parse_all(text)
    assert len(documents) > 1
    assert "".join(d.to_source() for d in documents) == text
    for document in documents:
        assert from_dict(to_dict(document)) == document
        assert resolutions.from_akn(document.to_akn()) == document
        again = resolutions.parse(to_markdown(document))
        assert same_content(again, document), differences(document, again)[:5]


#: The Security Council's early volumes: each resolution headed by its number, year and date,
#: its notes printed right after it (a note's last line may be a document's symbol alone).
VOLUME = (
    "4 (1946). Resolution of 29 April 1946\n\n"
    "The Security Council,\n\n"
    "Keeping in mind the resolutions adopted at San Francisco 12 and at the first session 13,\n\n"
    "Hereby resolves to make further studies.\n\n"
    "Adopted at the 39th meeting by 10 votes to none.\n\n"
    "12 See United Nations Conference on International Organization, I/10.\n\n"
    "13 See Resolutions adopted by the General Assembly, contained in document\n"
    "A/64.\n\n"
    "7 (1946). Resolution of 26 June 1946\n\n"
    "Whereas the Security Council on 29 April 1946 appointed a Sub-Committee,\n\n"
    "The Security Council decides to keep the situation under continuous observation.\n\n"
    "Adopted at the 47th meeting.\n\n"
    "10 (1946). Resolution of 4 November 1946\n\n"
    "The Security Council,\n\n"
    "Resolves that the situation in Spain be taken off the list 14.\n\n"
    "Adopted at the 79th meeting.\n\n"
    "14 Official Records of the Security Council, First Year, No. 21.\n"
)


def test_a_volume_gives_each_resolution_its_head_and_its_notes() -> None:
    documents = resolutions.parse_all(VOLUME)
    assert [(d.header.symbol, str(d.header.date)) for d in documents] == [
        ("S/RES/4 (1946)", "1946-04-29"),
        ("7 (1946)", "1946-06-26"),  # no formula names the Council: its number as printed
        ("S/RES/10 (1946)", "1946-11-04"),
    ]
    # each document's notes are its own, though no form feed marks a page's foot; the symbol
    # that ends a note ("A/64.") stays in it, not in the next document's masthead
    assert [[note.marker for note in d.footnotes] for d in documents] == [["12", "13"], [], ["14"]]
    assert documents[0].footnotes[1].text.endswith("contained in document A/64.")
    assert [d.closing is not None for d in documents] == [True, True, True]
    assert [r["text"] for r in documents[0].records()][-1] == "Hereby resolves to make further studies."
    assert documents.to_source() == VOLUME


@pytest.mark.skipif(not bulk_texts(), reason="the shared bulk corpus is not here")
def test_the_security_councils_resolutions_read_alike_alone_and_in_a_volume() -> None:
    paths = bulk_texts()
    alike = 0
    for start in range(0, len(paths), 50):
        group = paths[start : start + 50]
        volume = resolutions.parse_all("\n\n".join(path.read_text(encoding="utf-8") for path in group))
        alone = [resolutions.parse_file(path) for path in group]
        assert [d.header.symbol for d in volume] == [d.header.symbol for d in alone]
        for together, single in zip(volume, alone, strict=True):
            alike += together.records() == single.records() and together.footnotes == single.footnotes
    # three of the 298 still differ in a paragraph or two (their neighbours alone, they do not)
    assert alike >= len(paths) - 3
