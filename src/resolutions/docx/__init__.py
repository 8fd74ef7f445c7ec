"""Read Word files: turn a ``.docx`` draft into the text the parser reads best.

Needs the optional extra: ``pip install "resolutions[docx]"`` (python-docx).

>>> from resolutions.docx import read_docx          # doctest: +SKIP
>>> text = read_docx("draft.docx")                  # doctest: +SKIP
>>> resolutions.parse(text).to_source() == text     # doctest: +SKIP
True

Word keeps what a reader sees in several parts of the file: the paragraphs, the automatic
numbers (``numbering.xml``), the footnotes, the headers and footers. The reader puts them
together as the page shows them: numbers before their paragraphs, footnote references marked
and the notes after the text, tracked changes accepted (and said so in a diagnostic), running
headers and footers left out. See docs/docx.md.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from resolutions.docx.body import BodyReader
from resolutions.docx.numbering import Numbering, format_number
from resolutions.docx.styles import Styles, W
from resolutions.errors import LimitError, ParseError
from resolutions.flavour import document_text
from resolutions.nodes import Diagnostic, Span
from resolutions.reading import Extracted, read_path_bytes

__all__ = ["DocxSupportMissingError", "extract_docx", "read_docx"]

#: The most bytes a Word file may unpack to (its parts together): a guard against zip bombs.
MAX_UNPACKED_BYTES = 256 * 1024 * 1024
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_ENDNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes"
_INSTALL_HINT = 'install the Word extra: pip install "resolutions[docx]" (in a checkout: pip install -e ".[docx]")'
_CONVERT_HINT = "convert it to .docx first, for example: soffice --headless --convert-to docx {name}"


class DocxSupportMissingError(ParseError, ImportError):
    """The Word extra (python-docx) is not installed. Both a ParseError and an ImportError."""


def read_docx(source: str | Path | bytes, *, max_unpacked_bytes: int = MAX_UNPACKED_BYTES) -> str:
    """Read a Word file and return its text, in the Markdown flavour :func:`resolutions.parse` reads.

    Args:
        source: The ``.docx`` file: a path, or its bytes.
        max_unpacked_bytes: The most its parts may unpack to (a guard against zip bombs).

    Returns:
        The text. ``resolutions.parse(text).to_source()`` gives it back exactly.

    Raises:
        ParseError: The file is not a Word document the reader can open: password-protected,
            damaged, or a Word 97-2003 ``.doc``.
        LimitError: It unpacks to more than ``max_unpacked_bytes``.
        DocxSupportMissingError: The ``docx`` extra is not installed.
    """
    if isinstance(source, bytes):
        data, name = source, "<bytes>"
    else:
        data, name = read_path_bytes(source), str(source)
    return extract_docx(data, name=name, max_unpacked_bytes=max_unpacked_bytes).text


def extract_docx(data: bytes, *, name: str, max_unpacked_bytes: int = MAX_UNPACKED_BYTES) -> Extracted:
    """Read a Word file's bytes: its text, and a diagnostic when it has tracked changes."""
    try:
        import docx
        from docx.oxml.parser import parse_xml
    except ImportError as exc:
        raise DocxSupportMissingError(
            "reading Word files needs the optional 'docx' extra (python-docx), which is not installed",
            expected="python-docx, importable",
            hint=_INSTALL_HINT,
        ) from exc
    _check_package(data, name, max_unpacked_bytes)
    try:
        document = docx.Document(io.BytesIO(data))
        part = document.part
        styles = Styles(part.styles.element if _has(part, "STYLES") else None)
        numbering = Numbering(part.numbering_part.element if _has(part, "NUMBERING") else None)
        notes = _Notes(part, parse_xml)
        masthead = BodyReader(styles, numbering, notes.reference, cells=True)
        _masthead(document, masthead)
        reader = BodyReader(styles, numbering, notes.reference)
        reader.blocks = masthead.blocks
        reader.read(document.element.body)
        reader.finish()
        note_texts = notes.texts(styles, numbering)
    except (ParseError, LimitError):
        raise
    except Exception as exc:  # python-docx and lxml raise many kinds; each is a problem of the file here
        raise _damaged(name, exc) from exc
    blocks = reader.blocks
    revisions = masthead.revisions + reader.revisions + notes.revisions
    if not any(any(ch.isalnum() for ch in block) for block in blocks):
        raise ParseError(f"{name} holds no text", expected="a Word document with the text of a resolution")
    return Extracted(document_text(blocks, note_texts), _revision_notice(name, revisions))


def _has(part: Any, kind: str) -> bool:
    from docx.opc.constants import RELATIONSHIP_TYPE

    wanted = getattr(RELATIONSHIP_TYPE, kind)
    return any(rel.reltype == wanted for rel in part.rels.values())


def _masthead(document: Any, reader: BodyReader) -> None:
    """Read the first page's own header, when the document has one: the masthead of a UN draft.

    Running headers and footers (the symbol on every page, page numbers) are page furniture and
    left out, as the PDF reader leaves them out.
    """
    section = document.sections[0] if document.sections else None
    if section is None or not section.different_first_page_header_footer:
        return
    header = section.first_page_header
    if not header.is_linked_to_previous:
        reader.read(header._element)
        reader.finish()


class _Notes:
    """Footnotes and endnotes: numbered in the order of their references, read after the text."""

    def __init__(self, part: Any, parse_xml: Any) -> None:
        self.bodies: dict[tuple[str, str], Any] = {}
        self.order: list[tuple[str, str, str]] = []  # (kind, id, marker)
        self.formats = {"footnote": ("decimal", 1), "endnote": ("lowerRoman", 1)}
        self.counts = {"footnote": 0, "endnote": 0}
        self.revisions: Any = None
        for kind, reltype in (("footnote", _FOOTNOTES), ("endnote", _ENDNOTES)):
            for rel in part.rels.values():
                if rel.reltype == reltype and not rel.is_external:
                    root = parse_xml(rel.target_part.blob)
                    for note in root.iterfind(f"{W}{kind}"):
                        if note.get(f"{W}type") in (None, "normal"):
                            self.bodies[(kind, note.get(f"{W}id") or "")] = note
        settings = part.settings.element if _settings(part) else None
        for kind in ("footnote", "endnote"):
            properties = settings.find(f"{W}{kind}Pr") if settings is not None else None
            self.formats[kind] = _note_format(properties, *self.formats[kind])

    def reference(self, kind: str, note_id: str, custom: str | None) -> str:
        """Number a reference as Word does (or take its custom mark); return its marker."""
        if custom:
            marker = custom
        else:
            self.counts[kind] += 1
            number_format, start = self.formats[kind]
            marker = format_number(start + self.counts[kind] - 1, number_format)
        if (kind, note_id) in self.bodies:
            self.order.append((kind, note_id, marker))
        return marker

    def texts(self, styles: Styles, numbering: Numbering) -> list[tuple[str, str]]:
        """Read each referenced note's body, in the order of the references."""
        from collections import Counter

        out: list[tuple[str, str]] = []
        self.revisions = Counter()
        seen: set[tuple[str, str]] = set()
        for kind, note_id, marker in self.order:
            if (kind, note_id) in seen:
                continue
            seen.add((kind, note_id))
            reader = BodyReader(styles, numbering, lambda *_: "")  # a note's own mark is its marker
            reader.read(self.bodies[(kind, note_id)])
            reader.finish()
            self.revisions += reader.revisions
            out.append((marker, " ".join(" ".join(reader.blocks).split())))
        return out


def _settings(part: Any) -> bool:
    try:
        return part.settings is not None
    except (KeyError, NotImplementedError):
        return False


def _note_format(properties: Any, number_format: str, start: int) -> tuple[str, int]:
    if properties is None:
        return number_format, start
    found = properties.find(f"{W}numFmt")
    first = properties.find(f"{W}numStart")
    number_format = found.get(f"{W}val") if found is not None else number_format
    value = first.get(f"{W}val") if first is not None else None
    return number_format or "decimal", int(value) if value and value.isdigit() else start


def _check_package(data: bytes, name: str, limit: int) -> None:
    """Refuse what is not a Word package before python-docx unpacks it."""
    if data.startswith(_OLE):
        if _ENCRYPTED in data:
            raise ParseError(
                f"{name} is password-protected (an encrypted Office file)",
                expected="a Word document without a password",
                hint="open it in Word or LibreOffice with its password and save it without one",
            )
        raise ParseError(
            f"{name} is a Word 97-2003 document (.doc), not a .docx",
            expected="a Word document in the .docx format",
            hint=_CONVERT_HINT.format(name=name),
        )
    if data.lstrip()[:5] == b"{\\rtf":
        raise ParseError(
            f"{name} is a Rich Text Format file, not a .docx",
            expected="a Word document in the .docx format",
            hint=_CONVERT_HINT.format(name=name),
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            entries = package.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise _damaged(name, exc) from exc
    names = {entry.filename for entry in entries}
    if "word/document.xml" not in names:
        raise ParseError(
            f"{name} is a zip file but not a Word document (it has no word/document.xml)",
            expected="a Word document (.docx)",
            hint="if it is another Office file (.xlsx, .pptx, .odt), save it as .docx first",
        )
    unpacked = sum(entry.file_size for entry in entries)
    if unpacked > limit:
        raise LimitError(
            f"{name} unpacks to {unpacked / (1024 * 1024):,.0f} MB",
            limit="max_unpacked_bytes",
            value=limit,
            hint="pass max_unpacked_bytes= to resolutions.docx.read_docx to read it anyway",
        )


def _damaged(name: str, exc: BaseException) -> ParseError:
    return ParseError(
        f"{name} is damaged or not a Word document the reader understands ({type(exc).__name__}: {exc})",
        expected="a complete .docx file",
        hint="open it in Word or LibreOffice and save it again; if it was downloaded, download it again",
    )


def _revision_notice(name: str, revisions: Any) -> tuple[Diagnostic, ...]:
    if not revisions:
        return ()
    counted = ", ".join(f"{count} {kind}" for kind, count in sorted(revisions.items()))
    return (
        Diagnostic(
            "warning",
            "tracked-changes",
            f"{name} has tracked changes ({counted}): read as if all were accepted",
            "a document without tracked changes (accept or reject them in Word to read it otherwise)",
            Span(0, 0),
        ),
    )
