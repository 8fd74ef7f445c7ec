"""Reading files: formats told from the bytes, text decoded as written, pipes read whole,
special files refused without hanging, and errors that are the built-ins users catch."""

from __future__ import annotations

import codecs
import errno
import os
import pickle
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import resolutions
from resolutions.errors import (
    BlockingFileError,
    DecodeError,
    DirectoryGivenError,
    FileReadError,
    MissingFileError,
    ResolutionsError,
    UnknownEncodingError,
)
from resolutions.reading import read_bytes, read_file, sniff, text_encoding
from tests.conftest import EXAMPLES

TEXT = "The General Assembly,\n\n1. Decides to remain seized of the situation in C\u00f4te d\u2019Ivoire.\n"
SEED = EXAMPLES / "002_5927ce86d9264869.txt"
POSIX = pytest.mark.skipif(not hasattr(os, "mkfifo") or not Path("/dev/stdin").exists(), reason="needs POSIX pipes")


# ---------------------------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    "codec",
    ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"],
)
def test_unicode_files_are_read_with_or_without_a_byte_order_mark(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "resolution.txt"
    path.write_bytes(TEXT.encode(codec))
    doc = resolutions.parse_file(path, strict=True)
    assert doc.to_source().lstrip("\ufeff") == TEXT
    assert [r["verb"] for r in doc.records()] == ["Decides"]


def test_utf8_byte_order_mark_is_source_but_not_content(tmp_path: Path) -> None:
    path = tmp_path / "notepad.txt"
    path.write_bytes(codecs.BOM_UTF8 + TEXT.encode("utf-8"))
    doc = resolutions.parse_file(path, strict=True)  # no error diagnostic to raise
    assert doc.to_source() == "\ufeff" + TEXT  # the file back, mark included
    assert not [d for d in doc.diagnostics if d.severity != "info"]
    assert doc == resolutions.parse(TEXT)  # the same document as without the mark
    assert resolutions.parse(doc.to_text()).records() == doc.records()


def test_utf32_with_its_mark_is_not_taken_for_utf16() -> None:
    data = TEXT.encode("utf-32")  # the UTF-32 LE mark begins with the UTF-16 LE one
    assert data.startswith(codecs.BOM_UTF16_LE)
    assert text_encoding(data) == "utf-32"
    assert read_bytes(data) == TEXT


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_mark_is_told_by_its_zero_bytes(codec: str) -> None:
    assert text_encoding(TEXT.encode(codec)) == codec
    assert "\x00" not in read_bytes(TEXT.encode(codec))


def test_nul_bytes_are_refused_not_decoded(tmp_path: Path) -> None:
    path = tmp_path / "resolution.txt"
    path.write_bytes(b"The Council\x00\x01\x02\xff\x00binary" * 10)
    with pytest.raises(DecodeError) as caught:
        resolutions.parse_file(path)
    assert isinstance(caught.value, UnicodeDecodeError)
    with pytest.raises(DecodeError, match="NUL") as caught:
        resolutions.parse_file(path, encoding="latin-1")  # every byte decodes, but NULs are not text
    assert "utf-16" in caught.value.hint


def test_decode_error_is_a_unicode_decode_error(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("R\u00e9solution 1\n".encode("latin-1"))
    with pytest.raises(UnicodeDecodeError) as caught:
        resolutions.parse_file(path)
    error = caught.value
    assert isinstance(error, DecodeError) and isinstance(error, ResolutionsError) and isinstance(error, ValueError)
    assert error.encoding == "utf-8" and error.position == 1
    assert error.object[error.start : error.end] == b"\xe9"
    assert "encoding=" in error.hint and str(path) in str(error)
    copy = pickle.loads(pickle.dumps(error))
    assert str(copy) == str(error) and copy.object[copy.start : copy.end] == b"\xe9"


def test_unknown_encoding_is_a_lookup_error() -> None:
    with pytest.raises(LookupError, match="unknown text encoding") as caught:
        read_bytes(b"x", encoding="no-such-codec")
    assert isinstance(caught.value, UnknownEncodingError) and "utf-8" in caught.value.hint


# ---------------------------------------------------------------------------------- file errors


def test_missing_file_is_a_file_not_found_error(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    with pytest.raises(FileNotFoundError) as caught:
        resolutions.parse_file(missing)
    error = caught.value
    assert isinstance(error, MissingFileError) and isinstance(error, ResolutionsError)
    assert error.errno == errno.ENOENT and error.filename == str(missing)
    assert "no such file" in str(error) and "current folder" in error.hint
    assert isinstance(pickle.loads(pickle.dumps(error)), FileNotFoundError)


def test_path_through_a_file_is_missing(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        resolutions.parse_file(SEED / "inside.txt")


def test_directory_is_an_is_a_directory_error(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError) as caught:
        resolutions.parse_file(tmp_path)
    assert isinstance(caught.value, DirectoryGivenError) and isinstance(caught.value, OSError)
    assert "glob" in caught.value.hint


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_is_a_permission_error(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(TEXT, encoding="utf-8")
    path.chmod(0)
    with pytest.raises(PermissionError) as caught:
        resolutions.parse_file(path)
    assert isinstance(caught.value, FileReadError)


# ---------------------------------------------------------------------------------- formats


def test_formats_are_told_from_the_bytes() -> None:
    assert sniff(b"%PDF-1.7\n...", "notes.txt") == "pdf"
    assert sniff(b"\xef\xbb\xbf  <!DOCTYPE html><p>x</p>") == "html"
    assert sniff(b"<html><body>x</body></html>") == "html"
    assert sniff(b"The General Assembly,", "page.html") == "html"  # the name, when the bytes say nothing
    assert sniff(b"<i>The General Assembly</i>,") == "text"  # Markdown with tags stays text
    assert sniff(b"PK\x03\x04 ... word/document.xml ...") == "docx"
    assert sniff(b"1. Decides", "draft.docx") == "docx"  # the reader then says what it is instead


def test_read_bytes_reads_every_format() -> None:
    pytest.importorskip("pypdfium2")
    pytest.importorskip("selectolax")
    from tests.pdfgen import drawn_page, text_lines

    pdf = drawn_page(text_lines(["The Security Council,", "", "1. Decides to act."]))
    assert read_bytes(pdf) == "The Security Council,\n\n1. Decides to act.\n"
    assert (
        read_bytes(b"<!DOCTYPE html><p>The Council,</p><ol><li>Decides.</li></ol>") == "The Council,\n\n1. Decides.\n"
    )
    assert read_bytes(TEXT.encode("utf-8")) == TEXT


# ---------------------------------------------------------------------------------- pipes and special files


def run_reader(code: str, data: bytes, *args: str) -> subprocess.CompletedProcess[bytes]:
    script = "import sys, resolutions.reading as r\n" + textwrap.dedent(code)
    return subprocess.run([sys.executable, "-c", script, *args], input=data, capture_output=True, timeout=60)


@POSIX
def test_standard_input_is_read_whole() -> None:
    """A pipe longer than one buffer: the format is sniffed from the bytes read, not by reopening."""
    data = SEED.read_bytes() * 3
    assert len(data) > 20_000
    done = run_reader("sys.stdout.buffer.write(r.read_file('/dev/stdin').encode('utf-8'))", data)
    assert done.returncode == 0, done.stderr
    assert done.stdout == data


@POSIX
def test_a_pdf_on_standard_input_is_read_as_a_pdf() -> None:
    pytest.importorskip("pypdfium2")
    from tests.pdfgen import drawn_page, text_lines

    pdf = drawn_page(text_lines(["The Security Council,", "", "1. Decides to act."]))
    done = run_reader("sys.stdout.write(r.read_file('/dev/stdin'))", pdf)
    assert done.stdout.decode() == "The Security Council,\n\n1. Decides to act.\n", done.stderr


@POSIX
def test_fifo_without_writer_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    done = run_reader(
        """
        try:
            r.read_file(sys.argv[1])
        except BlockingIOError as error:
            print(type(error).__name__, error)
        """,
        b"",
        str(fifo),
    )
    assert done.stdout.startswith(b"BlockingFileError"), done.stderr
    assert b"no program is writing to it" in done.stdout


@POSIX
def test_fifo_with_a_slow_writer_is_read_whole(tmp_path: Path) -> None:
    """A writer that is there but slow is waited for: the FIFO is read to its end."""
    import fcntl
    import termios
    import time

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    data = SEED.read_bytes()[:30_000]
    writer = os.open(fifo, os.O_RDWR)  # a writer (and reader) that never blocks on opening
    try:
        os.write(writer, data[:10_000])
        reader = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "import sys, resolutions.reading as r; sys.stdout.write(r.read_file(sys.argv[1]))",
                str(fifo),
            ],
            stdout=subprocess.PIPE,
        )
        waiting = bytearray(4)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # until the reader has taken the first part
            fcntl.ioctl(writer, termios.FIONREAD, waiting)
            if int.from_bytes(waiting, sys.byteorder) == 0:
                break
            time.sleep(0.05)
        os.write(writer, data[10_000:])
    finally:
        os.close(writer)
    out, _ = reader.communicate(timeout=60)
    assert out == data


@POSIX
def test_empty_device_reads_as_empty_text() -> None:
    assert read_file("/dev/null") == ""


def test_blocking_error_is_blocking_io_error() -> None:
    error = BlockingFileError("x has nothing to read", path="x", hint="pipe it")
    assert isinstance(error, BlockingIOError) and isinstance(error, ResolutionsError)
    assert str(pickle.loads(pickle.dumps(error))) == str(error)


def test_extras_are_imported_only_when_their_format_is_read() -> None:
    """pip install resolutions alone reads text and Markdown: no reader's library is loaded for it."""
    code = """
import sys, resolutions
resolutions.parse_file(sys.argv[1])
resolutions.reading.read_bytes(b"The Council,")
print(sorted(m for m in ("pypdfium2", "selectolax", "docx", "lxml") if m in sys.modules))
"""
    done = subprocess.run([sys.executable, "-c", code, str(SEED)], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "[]", done.stderr
