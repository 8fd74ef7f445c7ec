"""Write small Word files for the Word reader's tests, with python-docx and the XML it lacks.

python-docx writes paragraphs, runs, tables, headers and footers; automatic numbering,
footnotes and tracked changes it does not, so they are written here as Word writes them:
numbering definitions in ``numbering.xml`` (abstract levels with formats, patterns and start
values; instances that restart them), a footnotes part with its references, and ``w:ins`` /
``w:del`` revision marks.
"""

from __future__ import annotations

import io
from collections.abc import Iterable

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.paragraph import Paragraph

W_NS = nsdecls("w")
#: The levels of a resolution's numbering: "1.", then "(a)", then "(i)".
RESOLUTION_LEVELS = (("decimal", "%1."), ("lowerLetter", "(%2)"), ("lowerRoman", "(%3)"))


class Draft:
    """A Word document being written: a python-docx Document with numbering and notes added."""

    def __init__(self) -> None:
        self.document = docx.Document()
        self.numbering = self.document.part.numbering_part.element
        self.notes: list[str] = []
        self._next_abstract = 90

    # ------------------------------------------------------------------ numbering

    def list_definition(self, levels: Iterable[tuple[str, str]] = RESOLUTION_LEVELS, *, start: int = 1) -> str:
        """Add an abstract numbering definition; return its id."""
        abstract_id = str(self._next_abstract)
        self._next_abstract += 1
        body = "".join(
            f'<w:lvl w:ilvl="{index}"><w:start w:val="{start if index == 0 else 1}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
            for index, (fmt, text) in enumerate(levels)
        )
        element = parse_xml(f'<w:abstractNum {W_NS} w:abstractNumId="{abstract_id}">{body}</w:abstractNum>')
        first_num = self.numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(element)  # abstract definitions come before the instances
        else:
            self.numbering.append(element)
        return abstract_id

    def list_instance(self, abstract_id: str, *, restart_at: int | None = None) -> int:
        """Add a numbering instance of a definition (restarting its first level when asked); return its id."""
        numbers = [int(num.get(qn("w:numId"))) for num in self.numbering.iterfind(qn("w:num"))]
        number_id = max(numbers, default=0) + 1
        override = (
            f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{restart_at}"/></w:lvlOverride>'
            if restart_at is not None
            else ""
        )
        self.numbering.append(
            parse_xml(f'<w:num {W_NS} w:numId="{number_id}"><w:abstractNumId w:val="{abstract_id}"/>{override}</w:num>')
        )
        return number_id

    def numbered(self, number_id: int, level: int, *pieces: str | tuple[str, str]) -> Paragraph:
        """Add a paragraph numbered automatically (no number in its text)."""
        paragraph = self.paragraph(*pieces)
        numbering = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        numbering.get_or_add_ilvl().val = level
        numbering.get_or_add_numId().val = number_id
        return paragraph

    # ------------------------------------------------------------------ text

    def paragraph(self, *pieces: str | tuple[str, str], style: str | None = None) -> Paragraph:
        """Add a paragraph of runs: a str is plain, ("i", text) italic, ("b", text) bold, ("sup", text) raised."""
        paragraph = self.document.add_paragraph(style=style)
        for piece in pieces:
            kind, text = ("", piece) if isinstance(piece, str) else piece
            run = paragraph.add_run(text)
            run.italic = kind == "i" or None
            run.bold = kind == "b" or None
            if kind == "sup":
                run.font.superscript = True
        return paragraph

    def footnote(self, paragraph: Paragraph, text: str) -> None:
        """Add a footnote whose reference ends ``paragraph``."""
        self.notes.append(text)
        reference = (
            f'<w:r {W_NS}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            f'<w:footnoteReference w:id="{len(self.notes)}"/></w:r>'
        )
        paragraph._p.append(parse_xml(reference))

    def tracked(self, paragraph: Paragraph, *, inserted: str = "", deleted: str = "") -> None:
        """Append tracked changes to a paragraph: an insertion and a deletion, as Word marks them."""
        stamp = 'w:author="Delegate" w:date="2024-05-01T10:00:00Z"'
        if deleted:
            paragraph._p.append(
                parse_xml(
                    f'<w:del {W_NS} w:id="901" {stamp}><w:r><w:delText xml:space="preserve">{deleted}</w:delText></w:r></w:del>'
                )
            )
        if inserted:
            paragraph._p.append(
                parse_xml(
                    f'<w:ins {W_NS} w:id="902" {stamp}><w:r><w:t xml:space="preserve">{inserted}</w:t></w:r></w:ins>'
                )
            )

    # ------------------------------------------------------------------ output

    def save(self) -> bytes:
        """Write the notes part (if any) and return the file's bytes."""
        if self.notes:
            notes = "".join(
                f'<w:footnote w:id="{index}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                f'<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>'
                for index, text in enumerate(self.notes, 1)
            )
            separators = (
                '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
                "</w:footnote>"
            )
            blob = f"<w:footnotes {W_NS}>{separators}{notes}</w:footnotes>".encode()
            content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
            part = Part(PackURI("/word/footnotes.xml"), content_type, blob, self.document.part.package)
            self.document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
        out = io.BytesIO()
        self.document.save(out)
        return out.getvalue()
