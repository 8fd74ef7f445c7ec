"""Hostile PDFs: bombs that would take the engine's time and memory stop at a named limit.

The bombs are the reproducers of issue 14, written here byte by byte: a page drawing three
million glyphs from a small stream, and a stream inflating to 300 MB of spaces. Each must end
in a LimitError that names its limit and the keyword that raises it, and the limit must be
checked as the content is inflated (before the engine sees it), not between pages. Time and
memory are measured by ``python benchmarks/bench_pdf.py --bombs``, not asserted here.
"""

from __future__ import annotations

import re
import time
import zlib

import pytest

from resolutions.errors import LimitError, ResolutionsError

pytest.importorskip("pypdfium2")

from resolutions.pdf import PdfLimits, read_pdf
from resolutions.pdf.preflight import check_streams
from tests.pdfgen import drawn_page, pdf_bytes, stream, text_lines

TEXT = text_lines(["The Security Council,", "", "1. Decides to remain seized of the matter."])


def glyph_bomb(glyphs: int = 3_000_000) -> bytes:
    """One page drawing ``glyphs`` glyphs, one text object each, from a stream of ~30 KB."""
    return drawn_page(b"BT /F1 1 Tf 72 700 Td " + b"(A) Tj 0.001 0 Td " * glyphs + b"ET")


def spaces_bomb(megabytes: int = 300) -> bytes:
    """A page whose content stream inflates to ``megabytes`` MB of spaces after a line of text."""
    packer = zlib.compressobj(9)
    chunks = [packer.compress(TEXT)]
    chunks += [packer.compress(b" " * (1 << 20)) for _ in range(megabytes)]
    chunks.append(packer.flush())
    data = b"".join(chunks)
    content = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
    return pdf_bytes(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R"
            b" /Resources << /Font << /F1 4 0 R >> >> >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            content,
        ]
    )


def test_glyph_bomb_stops_at_the_page_content_limit() -> None:
    data = glyph_bomb()
    assert len(data) < 200_000  # small on disk: the danger is what it draws
    with pytest.raises(LimitError) as caught:
        read_pdf(data)
    assert caught.value.limit == "page_content_bytes"
    assert "PdfLimits(page_content_bytes=...)" in caught.value.hint
    assert isinstance(caught.value, ResolutionsError)


def test_inflation_bomb_stops_at_the_stream_limit() -> None:
    with pytest.raises(LimitError, match="inflates to more than") as caught:
        read_pdf(spaces_bomb())
    assert caught.value.limit == "stream_bytes"


def test_limits_are_checked_as_the_stream_is_inflated() -> None:
    """The scan stops a few chunks past the limit, whatever the stream's full size."""
    data = spaces_bomb(megabytes=300)
    started = time.monotonic()
    with pytest.raises(LimitError) as caught:
        check_streams(data, "bomb.pdf", PdfLimits(stream_bytes=4 << 20, page_content_bytes=1 << 40), started)
    assert caught.value.limit == "stream_bytes"
    inflated = float(re.search(r"([0-9.]+) MB", caught.value.message).group(1))  # type: ignore[union-attr]
    assert 4 < inflated <= 5  # stopped one chunk past the limit, not at the end of 300 MB


def test_a_page_cut_into_many_streams_is_measured_whole() -> None:
    part = b"% " + b"x" * 600_000 + b"\n"  # each stream alone is under the page limit
    data = drawn_page(TEXT, part, part, part, part)
    with pytest.raises(LimitError, match="a page whose drawing instructions") as caught:
        read_pdf(data)
    assert caught.value.limit == "page_content_bytes"
    assert "Decides" in read_pdf(data, limits=PdfLimits(page_content_bytes=4 << 20))


def test_a_page_in_an_object_stream_is_found() -> None:
    """PDF 1.5 files keep page objects in compressed object streams; their /Contents are read there too."""
    part = zlib.compress(b"% " + b"x" * 1_500_000 + b"\n")
    page = b"<< /Type /Page /Parent 2 0 R /Contents 7 0 R >>"
    array = b"[5 0 R 6 0 R]"
    header = b"3 0 7 %d " % (len(page) + 1)
    packed = stream(header + page + b" " + array, extra=b" /Type /ObjStm /N 2 /First %d" % len(header))
    data = pdf_bytes(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            packed,  # object 3 (the page) and object 7 (its contents array) live in here
            b"null",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(part) + part + b"\nendstream",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(part) + part + b"\nendstream",
        ]
    )
    with pytest.raises(LimitError, match="a page"):
        check_streams(data, "packed.pdf", PdfLimits(), time.monotonic())


def test_every_limit_names_its_keyword() -> None:
    data = drawn_page(TEXT)
    cases = {
        "file_bytes": PdfLimits(file_bytes=100),
        "chars_per_page": PdfLimits(chars_per_page=10),
        "stream_bytes": PdfLimits(stream_bytes=10),
        "inflated_bytes": PdfLimits(inflated_bytes=10),
        "page_content_bytes": PdfLimits(page_content_bytes=10),
        "seconds": PdfLimits(seconds=-1),
    }
    for limit, limits in cases.items():
        with pytest.raises(LimitError) as caught:
            read_pdf(data, limits=limits)
        assert caught.value.limit == limit
        assert f"PdfLimits({limit}=...)" in caught.value.hint
        assert f"{limit}=" in str(caught.value)
    assert "Decides" in read_pdf(data, limits=PdfLimits())


def test_page_count_limit() -> None:
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF(unit="pt")
    pdf.set_font("Times", "", 12)
    for _ in range(3):
        pdf.add_page()
        pdf.text(72, 72, "The Security Council,")
    with pytest.raises(LimitError) as caught:
        read_pdf(bytes(pdf.output()), limits=PdfLimits(pages=2))
    assert caught.value.limit == "pages" and "3 pages" in caught.value.message


def test_limit_errors_pickle() -> None:
    import pickle

    with pytest.raises(LimitError) as caught:
        read_pdf(drawn_page(TEXT), limits=PdfLimits(chars_per_page=1))
    copy = pickle.loads(pickle.dumps(caught.value))
    assert str(copy) == str(caught.value) and copy.limit == "chars_per_page"
