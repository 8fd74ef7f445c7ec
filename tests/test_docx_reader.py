"""The Word reader: drafts written here with python-docx (real automatic numbering, footnotes,
tables, headers and footers, tracked changes), files a converter made, and bad input."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import resolutions
from resolutions.errors import LimitError, ParseError
from resolutions.inline import inline_text
from tests.conftest import EXAMPLES

pytest.importorskip("docx")

from resolutions.docx import DocxSupportMissingError, read_docx
from tests.docxgen import Draft


def rows(doc: resolutions.Document) -> list[tuple[str, str | None, str | None, int | None]]:
    return [(r["kind"], r["number"], r["verb"], r["parent"]) for r in doc.records()]


def draft_resolution() -> Draft:
    """A UN draft: masthead in the first page's header, running header and footer, numbered paragraphs."""
    draft = Draft()
    section = draft.document.sections[0]
    section.different_first_page_header_footer = True
    first = section.first_page_header
    first.paragraphs[0].text = "United Nations\tA/RES/99/1"
    first.add_paragraph("General Assembly\tDistr.: General")
    first.add_paragraph("\t3 January 2024")
    section.header.paragraphs[0].text = "A/RES/99/1"  # the running header of later pages
    section.footer.paragraphs[0].text = "24-00001"
    section.first_page_footer.paragraphs[0].text = "24-00001 (E) 010124"
    draft.paragraph(("b", "99/1. Cooperation between the United Nations and the Example Organization"))
    draft.paragraph(("i", "The General Assembly"), ",")
    recalling = draft.paragraph(("i", "Recalling"), " its resolution 98/1 of 1 January 2023,")
    draft.footnote(recalling, "Resolution 98/1.")
    draft.paragraph(("i", "Recalling also"), " the Charter of the United Nations,")
    levels = draft.list_definition()
    operative = draft.list_instance(levels)
    draft.numbered(operative, 0, ("i", "Welcomes"), " the report of the Secretary-General;")
    draft.numbered(operative, 0, ("i", "Requests"), " the Secretary-General:")
    draft.numbered(operative, 1, "to report on the implementation of the present resolution;")
    draft.numbered(operative, 2, "in writing;")
    draft.numbered(operative, 2, "orally;")
    draft.numbered(operative, 1, "to keep the matter under review;")
    decides = draft.numbered(operative, 0, ("i", "Decides"), " to include the item in its agenda;")
    draft.footnote(decides, "See A/99/100.")
    draft.numbered(operative, 0, ("i", "Decides also"), " to remain seized of the matter.")
    return draft


@pytest.fixture(scope="module")
def draft_bytes() -> bytes:
    return draft_resolution().save()


@pytest.fixture(scope="module")
def draft_path(tmp_path_factory: pytest.TempPathFactory, draft_bytes: bytes) -> Path:
    path = tmp_path_factory.mktemp("docx") / "draft.docx"
    path.write_bytes(draft_bytes)
    return path


# ---------------------------------------------------------------------------------- drafts written here


def test_automatic_numbering_is_rebuilt(draft_path: Path) -> None:
    doc = resolutions.parse_file(draft_path)
    assert rows(doc)[2:] == [
        ("operative", "1", "Welcomes", None),
        ("operative", "2", "Requests", None),
        ("item", "a", None, 3),
        ("item", "i", None, 4),
        ("item", "ii", None, 4),
        ("item", "b", None, 3),
        ("operative", "3", "Decides", None),
        ("operative", "4", "Decides also", None),
    ]
    assert "\n(a) to report" in doc.source and "\n(i) in writing;" in doc.source


def test_numbers_are_in_numbering_xml_not_in_the_text(draft_bytes: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(draft_bytes)) as package:
        body = package.read("word/document.xml").decode("utf-8")
        numbering = package.read("word/numbering.xml").decode("utf-8")
    texts = re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", body)
    assert "Welcomes" in texts
    assert not [text for text in texts if re.match(r"\s*(?:[0-9]+\.|\([a-z]+\))", text)]
    assert 'w:lvlText w:val="(%2)"' in numbering


def test_header_masthead_and_furniture(draft_path: Path) -> None:
    doc = resolutions.parse_file(draft_path)
    assert doc.header.symbol == "A/RES/99/1"
    assert doc.header.organ == "General Assembly"
    assert str(doc.header.date) == "2024-01-03"
    assert doc.title == "Cooperation between the United Nations and the Example Organization"
    assert "24-00001" not in doc.source  # footers are page furniture
    assert doc.source.count("A/RES/99/1") == 1  # the running header too


def test_source_is_the_text_read(draft_path: Path) -> None:
    doc = resolutions.parse_file(draft_path)
    assert doc.source == read_docx(draft_path)
    assert doc.to_source() == doc.source


def test_footnotes_are_paired_with_their_references(draft_path: Path) -> None:
    doc = resolutions.parse_file(draft_path)
    assert [(note.marker, inline_text(note.content)) for note in doc.footnotes] == [
        ("1", "Resolution 98/1."),
        ("2", "See A/99/100."),
    ]
    assert doc.records()[0]["footnotes"] == ["1"]
    assert "agenda;<sup>2</sup>" in doc.source
    assert not [d for d in doc.diagnostics if d.severity == "error"]


def test_italic_verbs_are_marked(draft_path: Path) -> None:
    source = resolutions.parse_file(draft_path).source
    assert "\n*Recalling also* the Charter" in source
    assert "\nThe General Assembly,\n" in source  # italic from end to end, its comma aside: plain


def test_restarts_start_values_and_formats() -> None:
    draft = Draft()
    levels = draft.list_definition((("decimal", "%1."), ("lowerLetter", "%2)")), start=5)
    first = draft.list_instance(levels)
    draft.numbered(first, 0, "Five.")
    draft.numbered(first, 1, "sub a;")
    draft.numbered(first, 0, "Six.")
    draft.numbered(first, 1, "sub a again: the level below restarts;")
    continued = draft.list_instance(levels)  # another instance of the definition: the list goes on
    draft.numbered(continued, 0, "Seven.")
    restarted = draft.list_instance(levels, restart_at=1)  # "restart numbering"
    draft.numbered(restarted, 0, "One.")
    draft.numbered(restarted, 0, "Two.")
    capitals = draft.list_definition((("upperRoman", "%1."),))
    draft.numbered(draft.list_instance(capitals), 0, "Part one")
    legal = draft.list_definition((("decimal", "%1."), ("decimal", "%1.%2")))
    outline = draft.list_instance(legal)
    draft.numbered(outline, 0, "Chapter")
    draft.numbered(outline, 1, "Section")
    bullets = draft.list_definition((("bullet", "\uf0b7"),))
    draft.numbered(draft.list_instance(bullets), 0, "A point")
    labels = [block.split(" ", 1)[0] for block in read_docx(draft.save()).split("\n\n")]
    assert labels == ["5.", "a)", "6.", "a)", "7.", "1.", "2.", "I.", "1.", "1.1", "•"]


def test_numbering_from_a_paragraph_style() -> None:
    draft = Draft()
    draft.paragraph("The Security Council,")
    for text in ("Decides one;", "Decides two;"):
        draft.paragraph(text, style="List Number")  # python-docx's template numbers this style
    assert resolutions.parse(read_docx(draft.save())).records()[1]["number"] == "2"


def test_tables_keep_labels_with_their_text() -> None:
    draft = Draft()
    draft.paragraph("1. ", ("i", "Requests"), " the Secretary-General:")
    table = draft.document.add_table(rows=2, cols=2)
    for row, (label, text) in enumerate([("(a)", "to report;"), ("(b)", "to act.")]):
        table.cell(row, 0).text = label
        table.cell(row, 1).text = text
    grid = draft.document.add_table(rows=1, cols=2)
    grid.cell(0, 0).text = "Yes: 12"
    grid.cell(0, 1).text = "No: 3"
    text = read_docx(draft.save())
    assert text.split("\n\n") == [
        "1. *Requests* the Secretary-General:",
        "(a) to report;",
        "(b) to act.",
        "Yes: 12",
        "No: 3\n",
    ]


def test_tracked_changes_are_accepted_and_reported() -> None:
    draft = Draft()
    draft.paragraph("The Security Council,")
    paragraph = draft.paragraph("1. ", ("i", "Decides"), " to remain")
    draft.tracked(paragraph, deleted=" forever", inserted=" actively seized of the matter.")
    doc = resolutions.parse(read_docx(draft.save()))
    assert doc.records()[0]["text"] == "Decides to remain actively seized of the matter."
    data = draft.save()
    from resolutions.docx import extract_docx

    extracted = extract_docx(data, name="draft.docx")
    assert [d.code for d in extracted.diagnostics] == ["tracked-changes"]
    assert "1 deletions, 1 insertions" in extracted.diagnostics[0].message


def test_tracked_changes_reach_the_document(tmp_path: Path) -> None:
    draft = Draft()
    draft.paragraph("The Security Council,")
    draft.tracked(draft.paragraph("1. Decides to act"), inserted=" now.")
    path = tmp_path / "tracked.docx"
    path.write_bytes(draft.save())
    doc = resolutions.parse_file(path, strict=True)  # a warning: strict mode reads on
    assert [d.code for d in doc.diagnostics] == ["tracked-changes"]
    assert doc.to_source() == doc.source


def test_hidden_and_deleted_paragraph_marks() -> None:
    draft = Draft()
    draft.paragraph("The Security Council,")
    hidden = draft.paragraph("1. Decides to act.")
    hidden.add_run(" (hidden note)").font.hidden = True
    joined = draft.paragraph("2. Decides to remain")
    properties = joined._p.get_or_add_pPr()
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    properties.append(
        parse_xml(f'<w:rPr {nsdecls("w")}><w:del w:id="7" w:author="x" w:date="2024-01-01T00:00:00Z"/></w:rPr>')
    )
    draft.paragraph(" seized of the matter.")
    assert read_docx(draft.save()).split("\n\n") == [
        "The Security Council,",
        "1. Decides to act.",
        "2. Decides to remain seized of the matter.\n",
    ]


# ---------------------------------------------------------------------------------- converters


def soffice() -> str:
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if path is None:
        pytest.skip("LibreOffice is not installed (Debian: apt-get install libreoffice-writer-nogui)")
    return path


def convert(source: Path, target: str, folder: Path) -> Path:
    subprocess.run(
        [
            soffice(),
            "--headless",
            f"-env:UserInstallation=file://{folder / 'profile'}",
            "--convert-to",
            target,
            "--outdir",
            str(folder),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return folder / f"{source.stem}.{target.split(':')[0]}"


def test_libreoffice_docx_of_a_seed_reads_as_the_seed(tmp_path: Path) -> None:
    seed = resolutions.parse_file(EXAMPLES / "002_5927ce86d9264869.txt")
    text = tmp_path / "seed.txt"
    text.write_text(seed.to_text(), encoding="utf-8")
    converted = convert(text, "docx", tmp_path)
    assert resolutions.parse_file(converted).records() == seed.records()


def test_libreoffice_keeps_automatic_numbering(tmp_path: Path, draft_path: Path) -> None:
    """LibreOffice writes numbering.xml its own way: round trip the draft through .odt."""
    original = resolutions.parse_file(draft_path)
    odt = convert(draft_path, "odt", tmp_path)
    back = tmp_path / "back"
    back.mkdir()
    converted = convert(odt, "docx", back)
    assert rows(resolutions.parse_file(converted))[2:] == rows(original)[2:]


# ---------------------------------------------------------------------------------- bad input


def test_password_protected_docx(tmp_path: Path) -> None:
    """An encrypted Office file is an OLE2 compound file holding an EncryptedPackage stream."""
    path = tmp_path / "locked.docx"
    path.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 64
    )
    with pytest.raises(ParseError, match="password-protected") as caught:
        resolutions.parse_file(path)
    assert "save it without one" in caught.value.hint


def test_old_word_document(tmp_path: Path) -> None:
    path = tmp_path / "draft.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "WordDocument".encode("utf-16-le"))
    with pytest.raises(ParseError, match="97-2003") as caught:
        resolutions.parse_file(path)
    assert "--convert-to docx" in caught.value.hint


def test_rich_text_named_doc(tmp_path: Path) -> None:
    path = tmp_path / "draft.doc"
    path.write_bytes(b"{\\rtf1\\ansi The Security Council,\\par 1. Decides to act.}")
    with pytest.raises(ParseError, match="Rich Text Format") as caught:
        resolutions.parse_file(path)
    assert "--convert-to docx" in caught.value.hint


@pytest.mark.parametrize("cut", [10, 200, 2000, -100], ids=["head", "early", "middle", "tail"])
def test_corrupt_docx(tmp_path: Path, draft_bytes: bytes, cut: int) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(draft_bytes[:cut])
    with pytest.raises(ParseError) as caught:
        resolutions.parse_file(path)
    assert "damaged" in caught.value.message or "not a Word document" in caught.value.message
    assert caught.value.hint


def test_zip_that_is_not_a_word_document(tmp_path: Path) -> None:
    path = tmp_path / "sheet.docx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("xl/workbook.xml", "<workbook/>")
    path.write_bytes(buffer.getvalue())
    with pytest.raises(ParseError, match="not a Word document"):
        resolutions.parse_file(path)


def test_zip_bomb_stops_at_its_limit(draft_bytes: bytes) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(draft_bytes)) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            out.writestr(item, source.read(item))
        out.writestr("word/media/padding.bin", b"\x00" * (8 << 20))
    with pytest.raises(LimitError) as caught:
        read_docx(buffer.getvalue(), max_unpacked_bytes=4 << 20)
    assert caught.value.limit == "max_unpacked_bytes"
    assert "Welcomes" in read_docx(buffer.getvalue())


def test_empty_document() -> None:
    with pytest.raises(ParseError, match="holds no text"):
        read_docx(Draft().save())


def test_missing_extra_says_how_to_install(monkeypatch: pytest.MonkeyPatch, draft_bytes: bytes) -> None:
    monkeypatch.setitem(sys.modules, "docx", None)
    with pytest.raises(DocxSupportMissingError) as caught:
        read_docx(draft_bytes)
    assert 'pip install "resolutions[docx]"' in caught.value.hint
