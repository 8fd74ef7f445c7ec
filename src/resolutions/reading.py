"""Reading files: the bytes read once, the format told from them, text decoded as written.

:func:`read_file` and :func:`read_bytes` return the text the parser reads: a text or Markdown
file decoded, or the text a reader extracts from a PDF, a web page or a Word file. The format
comes from the bytes themselves (``%PDF-``, a Word package, an HTML doctype) and, failing
that, from the name. Problems with the file raise errors that are also the built-in ones
(``FileNotFoundError``, ``IsADirectoryError``, ``UnicodeDecodeError``, ...); see
:mod:`resolutions.errors`.

Text is decoded as the file says: a byte order mark picks UTF-8, UTF-16 or UTF-32 (a UTF-8
mark stays in the text, so that ``to_source()`` gives the file back; the parser takes it for
layout); UTF-16 without a mark is known by the pattern of its zero bytes. Bytes that are not
text in the encoding are refused, never decoded into text full of NULs.
"""

from __future__ import annotations

import codecs
import os
import select
import stat
from collections.abc import Iterable
from pathlib import Path

from attrs import field, frozen

from resolutions.errors import (
    BlockingFileError,
    DecodeError,
    DirectoryGivenError,
    FileReadError,
    LimitError,
    MissingFileError,
    ReadPermissionError,
    UnknownEncodingError,
)
from resolutions.nodes import Diagnostic

#: The most bytes read from a pipe, a terminal or a device (a regular file has no such limit).
MAX_STREAM_BYTES = 256 * 1024 * 1024
#: How much of the start of a file the format and encoding are told from.
_SNIFF = 4096
_ZIP = b"PK\x03\x04"
#: An OLE2 compound file: an encrypted Office file, or a Word 97-2003 .doc.
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: The stream names (UTF-16) of a Word 97-2003 document and of an encrypted Office package.
_OLE_WORD = "WordDocument".encode("utf-16-le")
_OLE_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_HTML_NAMES = (".html", ".htm", ".xhtml", ".shtml")
_WORD_NAMES = (".docx", ".docm", ".dotx", ".dotm", ".doc")
_ENCODING_HINT = "pass encoding= (for example 'cp1252' or 'latin-1'), or save the file as UTF-8 first"


def _as_tuple(items: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    return tuple(items)


@frozen
class Extracted:
    """A reader's result: the text the parser reads, and what the text cannot show.

    Attributes:
        text: The text (the document's source).
        diagnostics: Facts about the file that the text loses (a scanned page in a PDF,
            tracked changes in a Word file), added to the document's diagnostics.
    """

    text: str
    diagnostics: tuple[Diagnostic, ...] = field(default=(), converter=_as_tuple)


def read_file(path: str | Path, *, encoding: str = "utf-8") -> str:
    """Return the text of a file: decoded as written, or extracted from a PDF, web page or Word file.

    Args:
        path: The file. Pipes and devices (``/dev/stdin``) are read whole, up to
            :data:`MAX_STREAM_BYTES`; one that would wait for input it may never get (a FIFO
            with no writer, a terminal) is refused.
        encoding: The text encoding of a text or Markdown file (a byte order mark overrides
            the default), or of a web page that does not declare one.

    Raises:
        FileReadError: The file cannot be read (a ``MissingFileError`` is a
            ``FileNotFoundError``, a ``DirectoryGivenError`` an ``IsADirectoryError``, ...).
        DecodeError: The bytes are not text in the encoding (a ``UnicodeDecodeError``).
        UnknownEncodingError: Python knows no such encoding (a ``LookupError``).
        ParseError: A PDF, web page or Word file that cannot be read as one.
    """
    return extract_file(path, encoding=encoding).text


def read_bytes(data: bytes, *, name: str = "<bytes>", encoding: str = "utf-8") -> str:
    """Return the text of a file's bytes (standard input, a download), telling the format from them.

    Example:
        >>> read_bytes(b"\\xef\\xbb\\xbfThe General Assembly,\\n")
        '\\ufeffThe General Assembly,\\n'
        >>> read_bytes("The Council,".encode("utf-16-le"))
        'The Council,'

    Args:
        data: The bytes.
        name: What to call them in messages; a name ending ".pdf", ".html" or ".docx" also
            says the format when the bytes do not.
        encoding: As for :func:`read_file`.
    """
    return extract_bytes(data, name=name, encoding=encoding).text


def extract_file(path: str | Path, *, encoding: str = "utf-8") -> Extracted:
    """Read a file as :func:`read_file` does, keeping the reader's diagnostics."""
    return extract_bytes(read_path_bytes(path), name=str(path), encoding=encoding)


def extract_bytes(data: bytes, *, name: str, encoding: str = "utf-8") -> Extracted:
    """Read bytes as :func:`read_bytes` does, keeping the reader's diagnostics."""
    kind = sniff(data, name)
    if kind == "pdf":
        from resolutions.pdf import extract_pdf  # each reader loads its library only when asked

        return extract_pdf(data, name=name)
    if kind == "docx":
        from resolutions.docx import extract_docx

        return extract_docx(data, name=name)
    if kind == "html":
        from resolutions.html import extract_html

        return extract_html(data, name=name, encoding=encoding)
    return Extracted(decode(data, name=name, encoding=encoding))


def sniff(data: bytes, name: str = "") -> str:
    """Tell a file's format: "pdf", "docx", "html" or "text", from its bytes, then its name.

    Example:
        >>> sniff(b"%PDF-1.7 ..."), sniff(b"<!DOCTYPE html><p>x"), sniff(b"1. Decides", "draft.txt")
        ('pdf', 'html', 'text')
    """
    head = data[:_SNIFF]
    lowered = name.lower()
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(_ZIP) and b"word/document" in data:
        return "docx"
    if lowered.endswith(".pdf"):
        return "pdf"  # the reader says it is not one
    if lowered.endswith(_WORD_NAMES) or (head.startswith(_OLE) and (_OLE_WORD in data or _OLE_ENCRYPTED in data)):
        return "docx"  # the reader says what it is instead (encrypted, an old .doc, damaged)
    if lowered.endswith(_HTML_NAMES) or _looks_like_html(head):
        return "html"
    return "text"


def _looks_like_html(head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:64].lower()
    return start.startswith((b"<!doctype html", b"<html")) or (start.startswith(b"<?xml") and b"<html" in head.lower())


def decode(data: bytes, *, name: str = "<bytes>", encoding: str = "utf-8") -> str:
    """Decode a text file's bytes as written; see the module's docstring for the rules.

    Raises:
        DecodeError: The bytes are not text in the encoding, or hold NUL bytes (a binary file).
        UnknownEncodingError: Python knows no such encoding.
    """
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise UnknownEncodingError(
            encoding, hint="pass an encoding Python knows, such as 'utf-8' or 'cp1252'"
        ) from None
    chosen = text_encoding(data, encoding)
    try:
        text = data.decode(chosen)
    except UnicodeDecodeError as exc:
        raise DecodeError(chosen, data, exc.start, exc.end, str(exc.reason), path=name, hint=_ENCODING_HINT) from None
    nul = text.find("\x00")
    if nul >= 0:
        position = len(text[:nul].encode(chosen, errors="replace"))
        raise DecodeError(
            chosen,
            data,
            position,
            position + 1,
            "it holds NUL bytes, which text does not",
            path=name,
            hint="it is a binary file, or text in another encoding: if UTF-16 or UTF-32, pass encoding='utf-16' "
            "(or 'utf-32')",
        )
    return text


def text_encoding(data: bytes, encoding: str = "utf-8") -> str:
    """Return the encoding to decode ``data`` with: a byte order mark's, UTF-16's zero pattern, or ``encoding``.

    Only the default (UTF-8) gives way; an encoding asked for by name is used as asked.
    """
    if codecs.lookup(encoding).name != "utf-8":
        return encoding
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"  # before UTF-16: the UTF-32 LE mark starts with the UTF-16 LE one
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8"  # the mark stays in the text: the source is the file
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return _zero_pattern(data[:_SNIFF]) or encoding


def _zero_pattern(head: bytes) -> str | None:
    """Tell UTF-16 or UTF-32 without a byte order mark by where its zero bytes fall.

    Text in Latin script is mostly ASCII; in UTF-16LE every other byte of it is zero ("T\\0h\\0"),
    in UTF-16BE the bytes before, and UTF-32 has three zeros in every four bytes.
    """
    if b"\x00" not in head or len(head) < 4:
        return None
    head = head[: len(head) // 4 * 4]
    quarter = len(head) // 4
    zeros = [head[offset::4].count(0) for offset in range(4)]
    if zeros[1] + zeros[2] + zeros[3] > 2.7 * quarter and zeros[0] < 0.1 * quarter:
        return "utf-32-le"
    if zeros[0] + zeros[1] + zeros[2] > 2.7 * quarter and zeros[3] < 0.1 * quarter:
        return "utf-32-be"
    even, odd = zeros[0] + zeros[2], zeros[1] + zeros[3]
    half = 2 * quarter
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def read_path_bytes(path: str | Path) -> bytes:
    """Return a file's bytes, read once; special files are read whole without waiting forever.

    Raises:
        FileReadError: The file cannot be read (see :func:`read_file`).
        LimitError: A pipe or device gives more than :data:`MAX_STREAM_BYTES`.
    """
    name = str(path)
    try:
        mode = os.stat(path).st_mode
        if stat.S_ISDIR(mode):
            raise DirectoryGivenError(
                f"cannot read {name}: it is a folder, not a file",
                path=name,
                hint="give one file; to read every PDF in the folder: "
                "[resolutions.parse_file(p) for p in sorted(Path(folder).glob('*.pdf'))]",
            )
        if stat.S_ISREG(mode):
            return Path(path).read_bytes()
        return _read_stream(name, mode)
    except FileReadError:
        raise
    except OSError as exc:
        raise _file_error(name, exc) from exc


def _read_stream(name: str, mode: int) -> bytes:
    """Read a pipe, a FIFO or a device whole, refusing one that would wait for input forever.

    Opened without blocking: a FIFO with no writer then reads as empty at once, instead of
    hanging in ``open``. A pipe whose writer is slow is waited for (that writer exists); a
    terminal or a device with nothing to read is refused.
    """
    if stat.S_ISBLK(mode) or stat.S_ISSOCK(mode):
        raise FileReadError(f"{name} is a device or a socket, not a file", path=name, hint="give a regular file")
    fifo = stat.S_ISFIFO(mode)
    handle = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        chunks: list[bytes] = []
        size = 0
        while True:
            try:
                chunk = os.read(handle, 1 << 16)
            except BlockingIOError:
                if not fifo:
                    raise BlockingFileError(
                        f"{name} has nothing to read: it is a terminal or a device waiting for input",
                        path=name,
                        hint="save the text to a file and read that, or pipe it in",
                    ) from None
                select.select([handle], [], [])  # a writer holds the pipe open: wait for its data
                continue
            if not chunk:
                break
            size += len(chunk)
            if size > MAX_STREAM_BYTES:
                raise LimitError(
                    f"{name} gives more than {MAX_STREAM_BYTES // (1024 * 1024)} MB",
                    limit="resolutions.reading.MAX_STREAM_BYTES",
                    value=MAX_STREAM_BYTES,
                    hint="save it to a regular file and read that (files have no such limit)",
                )
            chunks.append(chunk)
    finally:
        os.close(handle)
    if fifo and not chunks:
        raise BlockingFileError(
            f"{name} is a pipe with nothing to read: no program is writing to it, or its writer wrote nothing",
            path=name,
            hint="start the program that writes to it first, or read a regular file",
        )
    return b"".join(chunks)


def _file_error(name: str, exc: OSError) -> FileReadError:
    reason = exc.strerror or str(exc)
    if isinstance(exc, (FileNotFoundError, NotADirectoryError)):
        return MissingFileError(
            f"cannot read {name}: there is no such file",
            path=name,
            hint=f"check the path; a relative path starts from the current folder, {os.getcwd()}",
        )
    if isinstance(exc, IsADirectoryError):
        return DirectoryGivenError(f"cannot read {name}: it is a folder, not a file", path=name, hint="give one file")
    if isinstance(exc, PermissionError):
        return ReadPermissionError(
            f"cannot read {name}: permission denied", path=name, hint="check the file's permissions"
        )
    return FileReadError(f"cannot read {name}: {reason}", path=name, hint="check the path and the file")
