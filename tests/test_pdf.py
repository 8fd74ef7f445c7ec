"""The PDF reader: small PDFs written here (furniture, footnotes, italics, page breaks,
hyphenation), the corpus PDFs against their gold, and bad input."""

from __future__ import annotations

import contextlib
import io
import json
import random
import re
import sys
import textwrap
from pathlib import Path

import pytest

import resolutions
from resolutions.errors import LimitError, ParseError
from tests.conftest import SHARED, shared

pytest.importorskip("pypdfium2")
fpdf = pytest.importorskip("fpdf")

from resolutions.pdf import PdfLimits, PdfSupportMissingError, is_pdf, read_pdf  # noqa: E402
from tests.pdfgen import Sheet, drawn_page, pdf_bytes, text_lines  # noqa: E402

LONG = (
    "the report of the Secretary-General on the implementation of the present resolution, and requests "
    "the Secretary-General to continue the measures taken in cooperation with the Example Organization "
    "and all relevant stakeholders, as appropriate;"
)


def un_document(path: Path, *, rule: str = "drawn", paragraphs: int = 9) -> Path:
    """A UN-style resolution: header, italic verbs, references, notes under a rule, furniture."""
    sheet = Sheet(
        rule=rule,
        notes=[
            [("1", "United Nations, *Treaty Series*, vol. 2187, No. 38544.")],
            [("2", "A/58/874 and A/58/874/Add.1."), ("3", "Resolution 70/1.")],
        ],
    )
    sheet.write_line(440, 58, "A/RES/99/1")
    sheet.write_line(123.4, 100, "**General Assembly**", size=20)
    sheet.write_line(397, 100, "Distr.: General")
    sheet.write_line(397, 112, "3 January 2024")
    sheet.write_line(60, 190, "**Ninety-ninth session**")
    sheet.write_line(60, 202, "Agenda item 12")
    sheet.y = 240
    sheet.heading("**99/1. Cooperation between the United Nations and the Example Organization**")
    sheet.paragraph("*The General Assembly*,")
    sheet.paragraph("*Recalling* its resolution 98/1 of 1 January 2023 and all its previous relevant resolutions,")
    sheet.lines(
        [
            "*Recalling also* the Charter of the United Nations^1^ and the importance of the",
            "implementation of post-conflict peacebuilding, in particular in societies emerging from",
            "conflict, and the need for effective implemen-",
            "tation of all the decisions taken so far by the organs of the United Nations,",
        ]
    )
    for number in range(1, paragraphs + 1):
        verb = "Welcomes" if number == 1 else "Also welcomes"
        reference = "^2^" if number == 5 else "^3^" if number == 8 else ""
        sheet.paragraph(f"*{verb}* {LONG.replace('Organization', 'Organization' + reference)}", number=f"{number}.")
    return sheet.save(path)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pdfs")


@pytest.fixture(scope="module")
def un_pdf(folder: Path) -> Path:
    return un_document(folder / "un.pdf")


@pytest.fixture(scope="module")
def un_text(un_pdf: Path) -> str:
    return read_pdf(un_pdf)


# ---------------------------------------------------------------------------------- fixtures


def page_texts(path: Path) -> list[str]:
    """The pages' text as PDFium gives it, without the reader's work."""
    import pypdfium2

    document = pypdfium2.PdfDocument(path)
    return [document[number].get_textpage().get_text_range() for number in range(len(document))]


def test_fixture_spans_pages_with_notes_on_each(un_pdf: Path) -> None:
    first, second = page_texts(un_pdf)[:2]
    assert "24-00001(E)" in first.replace(" ", "") and "2/" in second  # the furniture is there to be removed


def test_furniture_is_left_out(un_text: str) -> None:
    assert "24-00001" not in un_text
    assert "*2400001*" not in un_text and "2400001" not in un_text
    assert not re.search(r"^\s*\d+/\d+\s*$", un_text, re.MULTILINE)  # page numbers
    assert un_text.count("A/RES/99/1") == 1  # the header keeps it; the running header goes


def test_italic_runs_mark_verbs(un_text: str) -> None:
    assert "\n*Recalling also* the Charter" in un_text
    assert "\n1. *Welcomes* the report" in un_text
    assert "*Treaty Series*" in un_text  # italics inside a footnote are kept too
    assert "*The General Assembly*" not in un_text  # a line italic from end to end carries no verb
    doc = resolutions.parse(un_text)
    verbs = [(r["kind"], r["number"], r["verb"]) for r in doc.records()]
    assert verbs[:4] == [
        ("preambular", None, "Recalling"),
        ("preambular", None, "Recalling also"),
        ("operative", "1", "Welcomes"),
        ("operative", "2", "Also welcomes"),
    ]


def test_superscripts_become_references_and_notes_follow_the_rule(un_text: str) -> None:
    assert "Charter of the United Nations<sup>1</sup> and" in un_text
    body, _, notes = un_text.partition("\n---\n")
    assert "<sup>2</sup> A/58/874 and A/58/874/Add.1." in notes
    assert "<sup>1</sup> United Nations, *Treaty Series*, vol. 2187, No. 38544." in notes
    assert "A/58/874" not in body
    doc = resolutions.parse(un_text)
    assert [note.marker for note in doc.footnotes] == ["1", "2", "3"]
    referenced = {marker for record in doc.records() for marker in record["footnotes"]}
    assert referenced == {"1", "2", "3"}
    assert not [d for d in doc.diagnostics if d.severity == "error"]


def test_header_and_title(un_pdf: Path) -> None:
    doc = resolutions.parse_file(un_pdf)
    assert doc.header.organ == "General Assembly"
    assert doc.header.symbol == "A/RES/99/1"
    assert doc.header.distribution == "General"
    assert str(doc.header.date) == "2024-01-03"
    assert doc.title == "Cooperation between the United Nations and the Example Organization"


def test_paragraph_cut_by_page_break_and_notes_is_joined(un_pdf: Path) -> None:
    doc = resolutions.parse_file(un_pdf)
    operative = [r for r in doc.records() if r["kind"] == "operative"]
    assert [r["number"] for r in operative] == [str(n) for n in range(1, 10)]
    for record in operative:  # whichever of them the page break cut, each reads whole
        assert record["text"].endswith("all relevant stakeholders, as appropriate;"), record["text"]


def test_hyphenation(un_text: str) -> None:
    assert "post-conflict peacebuilding" in un_text  # a compound keeps its hyphen
    assert "effective implementation of all" in un_text  # a word the line broke is whole again
    assert "implemen-" not in un_text


def test_typed_rule_works_like_a_drawn_one(folder: Path) -> None:
    text = read_pdf(un_document(folder / "typed.pdf", rule="typed"))
    assert "___" not in text
    assert "\n<sup>3</sup> Resolution 70/1." in text


def test_source_is_the_text_read(un_pdf: Path, un_text: str) -> None:
    doc = resolutions.parse_file(un_pdf)
    assert doc.source == un_text
    assert doc.to_source() == un_text


def test_parse_file_knows_a_pdf_by_its_bytes(un_pdf: Path, folder: Path) -> None:
    renamed = folder / "download.bin"
    renamed.write_bytes(un_pdf.read_bytes())
    assert is_pdf(renamed) and is_pdf(un_pdf)
    assert not is_pdf(Path(__file__))
    assert resolutions.parse_file(renamed).title == resolutions.parse_file(un_pdf).title


def test_notes_without_rule_in_the_body_font(folder: Path) -> None:
    """WHO style: no rule, notes in the body size at the page foot, markers raised."""
    sheet = Sheet(left=72, right=540, rule="none", note_size=11, size=11, pitch=14.5, furniture=False, indent=0)
    sheet.notes = [[("1", "Document A66/6.")]]
    sheet.new_page()  # the first page had no notes queued yet
    sheet.paragraph("**WHA66.1 Twelfth General Programme of Work, 2014-2019**")
    sheet.paragraph("The Sixty-sixth World Health Assembly,")
    sheet.paragraph("Having considered the draft twelfth general programme of work, 2014-2019,^1^")
    sheet.paragraph("1. APPROVES the Twelfth General Programme of Work, 2014-2019;")
    text = read_pdf(sheet.save(folder / "who.pdf"))
    assert "2014-2019,<sup>1</sup>\n" in text
    assert text.rstrip().endswith("---\n\n<sup>1</sup> Document A66/6.")
    doc = resolutions.parse(text)
    assert [note.marker for note in doc.footnotes] == ["1"]
    assert [r["verb"] for r in doc.records()] == ["Having considered", "APPROVES"]


def _full_line(sheet: Sheet, words: list[str]) -> str:
    """As many of ``words`` as fit between the margins: a paragraph's last line that fills its line."""
    sheet.pdf.set_font("Times", "", sheet.size)
    line: list[str] = []
    for word in words:
        if sheet.left + sheet.pdf.get_string_width(" ".join([*line, word])) > sheet.right:
            break
        line.append(word)
    return " ".join(line)


def test_short_paragraphs_set_apart_are_blocks_though_a_line_fills_its_width(folder: Path) -> None:
    """WHO style: one-line paragraphs spaced apart, so the commonest step is between paragraphs."""
    sheet = Sheet(left=72, right=540, rule="none", size=11, pitch=14.5, gap=10, furniture=False, indent=0)
    sheet.paragraph("The Sixty-sixth World Health Assembly,")
    sheet.paragraph("Having considered the report by the Secretariat on the draft action plan,")
    sheet.paragraph("1. ADOPTS the comprehensive mental health action plan 2013-2020;")
    filler = ("and specific national circumstances as they stand in each region of the world " * 4).split()
    sheet.lines(
        [
            "2. URGES Member States to implement the proposed actions as adapted to national priorities",
            _full_line(sheet, filler) + ";",
        ]
    )
    sheet.paragraph("3. INVITES international, regional and national partners to take note of the plan;")
    sheet.paragraph("4. REQUESTS the Director-General to implement the actions for the Secretariat;")
    sheet.paragraph("5. FURTHER REQUESTS the Director-General to report to the Health Assembly.")
    text = read_pdf(sheet.save(folder / "who_short.pdf"))
    blocks = text.strip().split("\n\n")
    assert [block.split(maxsplit=2)[:2] for block in blocks[2:]] == [
        ["1.", "ADOPTS"],
        ["2.", "URGES"],
        ["3.", "INVITES"],
        ["4.", "REQUESTS"],
        ["5.", "FURTHER"],
    ]
    assert [r["number"] for r in resolutions.parse(text).records() if r["kind"] == "operative"] == [
        "1",
        "2",
        "3",
        "4",
        "5",
    ]


def test_notes_spaced_apart_at_the_page_foot_are_all_notes(folder: Path) -> None:
    sheet = Sheet(left=72, right=540, rule="none", size=11, pitch=12.7, gap=13, furniture=False, indent=0)
    sheet.paragraph("The Sixty-sixth World Health Assembly,")
    sheet.lines(
        [
            "Having examined the Financial Report and audited financial statements for the period 1",
            "January 2012-31 December 2012;^1^",
        ]
    )
    sheet.lines(
        [
            "Having noted the report of the Programme, Budget and Administration Committee of the",
            "Executive Board to the Sixty-sixth World Health Assembly,^2^",
        ]
    )
    sheet.paragraph("ACCEPTS the Director-General's Financial Report and audited financial statements.")
    for y, marker, note in ((600, "1", "Document A66/29."), (619.7, "2", "Document A66/54.")):
        sheet.write_line(72, y - 3.5, f"^{marker}^", size=11)
        sheet.write_line(78, y, note, size=11)
    text = read_pdf(sheet.save(folder / "who_notes.pdf"))
    assert text.rstrip().endswith("---\n\n<sup>1</sup> Document A66/29.\n\n<sup>2</sup> Document A66/54.")
    assert [note.marker for note in resolutions.parse(text).footnotes] == ["1", "2"]


def test_a_footnote_number_raised_almost_a_line_above_the_row_it_ends(folder: Path) -> None:
    # as WHO's PDFs of 2013 set it: full size, 11.5 pt above the row it ends, the row set lower for it
    sheet = Sheet(left=72, right=540, rule="none", size=11, pitch=12.7, gap=13, furniture=False, indent=0)
    sheet.paragraph("The Sixty-sixth World Health Assembly,")
    first = "Having examined the Financial Report and audited financial statements for the period 1 January"
    last = "2012-31 December 2012;"
    top = sheet.y
    sheet.write_line(72, top, first, size=11)
    sheet.write_line(72, top + 21.3, last, size=11)
    sheet.pdf.set_font("Times", "", 11)
    sheet.write_line(72 + sheet.pdf.get_string_width(last) + 1, top + 9.8, "1", size=11)
    sheet.skip(21.3 + sheet.pitch + sheet.gap)
    sheet.paragraph("ACCEPTS the Director-General's Financial Report and audited financial statements.")
    sheet.write_line(72, 600, "^1^", size=11)
    sheet.write_line(78, 603.5, "Document A66/29.", size=11)
    text = read_pdf(sheet.save(folder / "high_mark.pdf"))
    assert "\n2012-31 December 2012;<sup>1</sup>\n" in text
    doc = resolutions.parse(text)
    assert [r["verb"] for r in doc.records()] == ["Having examined", "ACCEPTS"]
    assert doc.records()[0]["footnotes"] == ["1"] and [n.marker for n in doc.footnotes] == ["1"]


def test_repeated_note_is_given_once(folder: Path) -> None:
    sheet = Sheet(furniture=False, notes=[[("3", "Documents A66/8 and A66/9.")]] * 3, rule="none")
    sheet.paragraph("*Having considered* the reports on noncommunicable diseases;^3^")
    while sheet.pages < 3:
        sheet.paragraph(f"*Recalling* {LONG}")
    text = read_pdf(sheet.save(folder / "repeated.pdf"))
    assert text.count("Documents A66/8") == 1


def test_left_margin_numbers_belong_to_their_paragraph(folder: Path) -> None:
    sheet = Sheet(furniture=False)
    for number in (1, 2):
        sheet.write_line(72, sheet.y, f"{number}.")  # the number in the margin, the text indented
        sheet.paragraph(f"*Decides* {LONG}", indent=0)
    text = read_pdf(sheet.save(folder / "margin.pdf"))
    assert text.startswith("1. *Decides* the report")
    assert "\n\n2. *Decides* the report" in text


def test_numbered_lines_and_items_are_blocks(folder: Path) -> None:
    sheet = Sheet(furniture=False)
    sheet.paragraph("*Requests* the Secretary-General:", number="1.")
    sheet.paragraph("(a) to report on the implementation of the present resolution;", indent=24)
    sheet.paragraph("(b) to keep the matter under review;", indent=24)
    text = read_pdf(sheet.save(folder / "items.pdf"))
    assert text.strip().split("\n\n")[:3] == [
        "1. *Requests* the Secretary-General:",
        "(a) to report on the implementation of the present resolution;",
        "(b) to keep the matter under review;",
    ]
    record = resolutions.parse(text).records()
    assert [(r["kind"], r["number"]) for r in record] == [("operative", "1"), ("item", "a"), ("item", "b")]


def test_literal_markup_characters_are_escaped(folder: Path) -> None:
    sheet = Sheet(furniture=False)
    sheet.write_line(123.4, 100, "United States of America: draft resolution")
    sheet.pdf.set_font("Times", "", 10)
    sheet.pdf.text(123.4, 130, "Costs in the table marked * are estimates <b>")
    text = read_pdf(sheet.save(folder / "stars.pdf"))
    assert "marked \\* are estimates \\<b>" in text
    assert resolutions.parse(text).to_source() == text


# ---------------------------------------------------------------------------------- corpus


def corpus_pdfs() -> list[Path]:
    folder = SHARED / "corpus"
    return sorted(folder.glob("*/*.pdf")) if folder.is_dir() else []


def norm(text: str | None) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", re.sub(r"<[^>]+>|[*_\\]", "", text or "").lower()))


@pytest.mark.parametrize("pdf", corpus_pdfs(), ids=lambda p: p.parent.name)
def test_corpus_pdf_against_gold(pdf: Path) -> None:
    gold = json.loads((pdf.parent / "gold.json").read_text(encoding="utf-8"))
    doc = resolutions.parse_file(pdf)
    assert doc.to_source() == doc.source
    markers = gold["footnotes"]["markers"] if isinstance(gold["footnotes"], dict) else gold["footnotes"]
    assert sorted(f.marker for f in doc.footnotes) == sorted(markers)
    assert norm(doc.title) == norm(gold["title"])
    top = [r for r in doc.records() if r["kind"] != "item"]
    wanted = [p for p in gold["paragraphs"] if not p.get("optional")]
    starts = [norm(r["text"]).split()[:5] for r in top]
    for paragraph in wanted:
        assert norm(paragraph["starts"]).split()[:5] in starts, paragraph["starts"]
    text = doc.source
    for furniture in re.findall(r"'(\d\d-\d{5}) \(E\)'", gold.get("notes", "")):
        assert furniture not in text


def test_corpus_present_when_shared_is() -> None:
    if SHARED.joinpath("corpus").is_dir():
        assert len(corpus_pdfs()) >= 5
    else:
        shared("corpus")


# ---------------------------------------------------------------------------------- bad input


def tiny_pdf(**encryption: str) -> bytes:
    pdf = fpdf.FPDF(unit="pt")
    pdf.add_page()
    pdf.set_font("Times", "", 12)
    pdf.text(72, 72, "The Security Council, 1. Decides to remain seized of the matter.")
    if encryption:
        pdf.set_encryption(**encryption)
    return bytes(pdf.output())


def test_encrypted_pdf_needs_its_password(folder: Path) -> None:
    path = folder / "locked.pdf"
    path.write_bytes(tiny_pdf(owner_password="owner", user_password="secret"))
    with pytest.raises(ParseError, match="encrypted") as caught:
        resolutions.parse_file(path)
    assert "password" in caught.value.hint and caught.value.expected
    assert "Decides" in read_pdf(path, password="secret")


def test_pdf_only_protected_against_editing_reads(folder: Path) -> None:
    path = folder / "owner-only.pdf"
    path.write_bytes(tiny_pdf(owner_password="owner"))
    assert "Decides" in read_pdf(path)


@pytest.mark.parametrize(
    "content",
    [b"%PDF-1.7\n" + bytes(range(256)) * 8, b"%PDF-1.4\n%%EOF\n", b"%PDF-"],
    ids=["garbage", "no-objects", "header-only"],
)
def test_corrupt_pdf(folder: Path, content: bytes) -> None:
    path = folder / "corrupt.pdf"
    path.write_bytes(content)
    with pytest.raises(ParseError) as caught:
        resolutions.parse_file(path)
    assert "damaged" in caught.value.message
    assert caught.value.hint and caught.value.expected


def test_truncated_or_mangled_pdf_never_escapes_as_a_library_error(folder: Path) -> None:
    original = tiny_pdf()
    rng = random.Random(4)
    path = folder / "mangled.pdf"
    for attempt in range(40):
        data = bytearray(original if attempt % 2 else original[: rng.randrange(10, len(original))])
        for _ in range(rng.randint(0, 6)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        path.write_bytes(bytes(data))
        with contextlib.suppress(ParseError):  # a ParseError says what is wrong; anything else fails the test
            resolutions.parse_file(path)


def test_image_only_pdf_asks_for_ocr(folder: Path) -> None:
    from PIL import Image

    picture = io.BytesIO()
    Image.new("RGB", (120, 60), "white").save(picture, "PNG")
    pdf = fpdf.FPDF(unit="pt")
    pdf.add_page()
    pdf.image(picture, 72, 72, 240, 120)
    path = folder / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(ParseError, match="no text layer") as caught:
        resolutions.parse_file(path)
    assert "OCR" in caught.value.hint and "ocrmypdf" in caught.value.hint


def test_blank_pdf(folder: Path) -> None:
    pdf = fpdf.FPDF(unit="pt")
    pdf.add_page()
    path = folder / "blank.pdf"
    pdf.output(str(path))
    with pytest.raises(ParseError, match="no text"):
        resolutions.parse_file(path)


def test_pdf_without_pages(folder: Path) -> None:
    path = folder / "empty.pdf"
    path.write_bytes(pdf_bytes([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]))
    with pytest.raises(ParseError, match="no pages"):
        resolutions.parse_file(path)


def test_text_named_pdf(folder: Path) -> None:
    path = folder / "notes.pdf"
    path.write_text("The Security Council,\n\n1. Decides to remain seized of the matter.\n", encoding="utf-8")
    with pytest.raises(ParseError, match="not a PDF") as caught:
        resolutions.parse_file(path)
    assert ".txt" in caught.value.hint


def test_missing_file() -> None:
    with pytest.raises(FileNotFoundError, match="no such file") as caught:
        read_pdf(Path("no/such/file.pdf"))
    assert isinstance(caught.value, resolutions.ResolutionsError)


def test_time_limit_stops_reading(un_pdf: Path) -> None:
    with pytest.raises(LimitError, match="took more than") as caught:
        read_pdf(un_pdf, limits=PdfLimits(seconds=-1.0))
    assert caught.value.limit == "seconds"
    assert "PdfLimits(seconds=...)" in caught.value.hint


def test_missing_extra_says_how_to_install(un_pdf: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from resolutions.pdf import engine

    monkeypatch.setattr(engine, "_CALLS", None)  # forget the bound library
    monkeypatch.setitem(sys.modules, "pypdfium2", None)  # import pypdfium2 now raises ImportError
    monkeypatch.setitem(sys.modules, "pypdfium2.raw", None)
    with pytest.raises(PdfSupportMissingError) as caught:
        resolutions.parse_file(un_pdf)
    assert isinstance(caught.value, ImportError) and isinstance(caught.value, ParseError)
    assert 'pip install "resolutions[pdf]"' in caught.value.hint


def test_command_line_reads_a_pdf(un_pdf: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from resolutions.cli import main

    assert main([str(un_pdf)]) == 0
    assert "Also welcomes" in capsys.readouterr().out


def test_hanging_items_across_a_page_break_and_sections(folder: Path) -> None:
    sheet = Sheet(furniture=False)
    sheet.paragraph("*The General Assembly*,")
    sheet.heading("**A. Demand reduction and related measures**", size=10)
    sheet.paragraph("*Requests* the Secretary-General:", number="1.")
    letters = "abcdefgh"
    for letter in letters:  # the label at the indent, the text and its continuation lines further in
        sheet.paragraph(f"({letter}) {LONG} {LONG}", indent=24, hang=24 + 13.3 + 13)
    assert sheet.pages >= 2
    doc = resolutions.parse(read_pdf(sheet.save(folder / "hanging.pdf")))
    items = [r for r in doc.records() if r["kind"] == "item"]
    assert [r["number"] for r in items] == list(letters)
    assert all(r["text"].count("as appropriate;") == 2 for r in items), [r["text"] for r in items]
    assert doc.records()[0]["section"] == ["A. Demand reduction and related measures"]


def test_note_carried_over_to_the_next_page(folder: Path) -> None:
    sheet = Sheet(
        furniture=False,
        notes=[
            [("1", "See Official Records of the General Assembly, Seventy-first")],
            [("", "Session, Supplement No. 53A.")],
        ],
    )
    sheet.paragraph(f"*Recalling* the report^1^ {LONG}")
    while sheet.pages < 2:
        sheet.paragraph(f"*Noting* {LONG}")
    text = read_pdf(sheet.save(folder / "carried.pdf"))
    assert (
        "<sup>1</sup> See Official Records of the General Assembly, Seventy-first Session, Supplement No. 53A." in text
    )


# ---------------------------------------------------------------------------------- page shapes


def column_text(paragraphs: list[str], left: float) -> bytes:
    lines: list[str] = []
    for paragraph in paragraphs:
        lines += [*textwrap.wrap(paragraph, 40), ""]
    return text_lines(lines, left=left, top=650, size=10)


def test_two_column_page_reads_column_by_column() -> None:
    left = [f"{n}. {LONG.capitalize()}" for n in (1, 2)]
    right = [f"{n}. Decides that paragraph {n} stands in the right column, read after the left one." for n in (3, 4)]
    data = drawn_page(
        text_lines(["The Security Council,"], top=700, size=10), column_text(left, 72), column_text(right, 320)
    )
    flat = " ".join(read_pdf(data).split())
    positions = [flat.index(f"{n}. ") for n in (1, 2, 3, 4)]
    assert positions == sorted(positions)
    assert LONG.capitalize() in flat  # each paragraph's lines follow each other
    numbers = [r["number"] for r in resolutions.parse(read_pdf(data)).records()]
    assert numbers == ["1", "2", "3", "4"]


def test_a_header_in_two_cells_is_not_read_as_columns(un_text: str) -> None:
    assert un_text.index("General Assembly") < un_text.index("Distr.: General") < un_text.index("Ninety-ninth")


def sideways(lines: list[str], *, rotate: int) -> bytes:
    """A landscape page: its text runs up the sheet (/Rotate 90 turns it upright on screen)."""
    body = b"".join(b"(%s) Tj T* " % line.encode("latin-1") for line in lines)
    content = b"BT /F1 11 Tf 14 TL 0 1 -1 0 100 72 Tm " + body + b"ET"
    page = pdf_bytes(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Rotate %d /Contents 5 0 R"
            b" /Resources << /Font << /F1 4 0 R >> >> >>" % rotate,
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        ]
    )
    return page


@pytest.mark.parametrize("rotate", [90, 0], ids=["rotated-page", "sideways-content"])
def test_sideways_text_is_read_upright(rotate: int) -> None:
    text = read_pdf(
        sideways(["The Security Council,", "", "1. Decides to remain seized of the matter."], rotate=rotate)
    )
    assert text == "The Security Council,\n\n1. Decides to remain seized of the matter.\n"


def test_text_running_another_way_than_the_page_is_left_out() -> None:
    margin = b"BT /F1 8 Tf 0 1 -1 0 40 300 Tm (Downloaded from the archive on 1 May 2024) Tj ET"
    diagonal = b"BT /F1 40 Tf 0.7071 0.7071 -0.7071 0.7071 150 300 Tm (DRAFT) Tj ET"
    text = read_pdf(drawn_page(text_lines(["The Security Council,", "", "1. Decides to act."]), margin, diagonal))
    assert text == "The Security Council,\n\n1. Decides to act.\n"


def test_scanned_page_inside_a_text_pdf_is_reported(folder: Path) -> None:
    from PIL import Image

    picture = io.BytesIO()
    Image.new("RGB", (85, 110), "white").save(picture, "PNG")
    pdf = fpdf.FPDF(unit="pt", format="Letter")
    pdf.set_font("Times", "", 12)
    pdf.add_page()
    pdf.text(72, 72, "The Security Council,")
    pdf.text(72, 100, "1. Decides to remain seized of the matter.")
    pdf.add_page()
    pdf.image(picture, 0, 0, 612, 792)  # a scanned page: an image filling it, no text
    path = folder / "half-scanned.pdf"
    pdf.output(str(path))
    doc = resolutions.parse_file(path, strict=True)  # a warning: strict mode reads on
    assert [r["verb"] for r in doc.records()] == ["Decides"]
    scanned = [d for d in doc.diagnostics if d.code == "scanned-page"]
    assert len(scanned) == 1 and "page 2" in scanned[0].message and scanned[0].severity == "warning"
    assert "ocrmypdf" in (scanned[0].expected or "")


def test_pdfs_read_in_threads_read_as_alone(un_pdf: Path) -> None:
    """PDFium is not thread-safe: the reader serialises it, so threads get the same text."""
    from concurrent.futures import ThreadPoolExecutor

    alone = read_pdf(un_pdf)
    with ThreadPoolExecutor(max_workers=4) as pool:
        texts = list(pool.map(read_pdf, [un_pdf] * 8))
    assert texts == [alone] * 8


def test_pdf_bytes_read_as_the_file(un_pdf: Path) -> None:
    assert read_pdf(un_pdf.read_bytes()) == read_pdf(un_pdf)


def test_the_command_line_reads_a_pdf(un_pdf: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from resolutions.cli import main

    assert main(["parse", str(un_pdf), "--to", "json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == json.loads(resolutions.parse_file(un_pdf).to_json())
    assert printed["body"]
