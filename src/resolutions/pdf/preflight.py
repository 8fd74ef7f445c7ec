"""Check a PDF's compressed streams against the limits before the PDF engine inflates them.

The engine inflates a page's content in one call it cannot be stopped in, holding all of it
(and the objects it draws) in memory. So the raw file is scanned first: every Flate stream is
inflated here in small chunks, counting bytes and throwing them away, and reading stops at the
first limit reached. Content streams are paired with their pages through the pages'
``/Contents`` entries (found in the file and in its compressed object streams), so a page whose
content is cut into many streams is measured as a whole.

This is a byte-level scan, not a PDF parser: it finds streams by their keyword and trusts zlib
to find where each ends. Streams it cannot inflate (images in other codecs, other filters,
encrypted files) are left to the engine; see docs/pdf.md for what that leaves open.
"""

from __future__ import annotations

import re
import time
import zlib
from collections.abc import Iterator

from resolutions.pdf.limits import PdfLimits

#: An indirect object's header: "12 0 obj".
_OBJECT = re.compile(rb"(\d{1,10})\s+\d{1,5}\s+obj\b")
#: A page's content: "/Contents 12 0 R" or "/Contents [12 0 R 13 0 R]".
_CONTENTS = re.compile(rb"/Contents\s*(?:(\d{1,10})\s+\d{1,5}\s+R|\[([^\]]*)\])")
_REFERENCE = re.compile(rb"(\d{1,10})\s+\d{1,5}\s+R")
#: Streams the engine does not inflate to read text: images (decoded only to render them).
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
#: Streams that are drawing instructions: page content (a bare dictionary) and forms.
_TYPED = re.compile(rb"/(?:Type|Subtype|Length1|N)\b")
_FORM = re.compile(rb"/Subtype\s*/Form\b")
_OBJECT_STREAM = re.compile(rb"/Type\s*/ObjStm\b")
_FLATE = re.compile(rb"/FlateDecode\b")
#: The most Deflate can pack: 1032 bytes out for one in.
_DEFLATE_RATIO = 1032
#: How far before a stream its dictionary may start.
_DICTIONARY_REACH = 4096
#: Compressed bytes fed per step, and the most inflated bytes taken per step (the limits are
#: checked this often).
_IN = 1 << 16
_OUT = 1 << 20


def check_streams(data: bytes, name: str, limits: PdfLimits, started: float) -> None:
    """Inflate every Flate stream of ``data`` in chunks, raising at the first limit reached.

    Args:
        data: The PDF file's bytes.
        name: The file's name, for messages.
        limits: The limits in force.
        started: When reading began (``time.monotonic()``), for the time limit.

    Raises:
        LimitError: A stream, a page's content, or all streams together inflate past their
            limit, or the scan runs past the time limit.
    """
    view = memoryview(data)
    sizes: dict[int, int] = {}
    object_streams: list[bytes] = []
    total = 0
    for keyword, start in _streams(data):
        header = data.rfind(b"obj", max(0, keyword - _DICTIONARY_REACH), keyword)
        dictionary = data[header:keyword] if header >= 0 else b""
        if not _FLATE.search(dictionary) or _IMAGE.search(dictionary):
            continue
        drawing = bool(_FORM.search(dictionary)) or not _TYPED.search(dictionary)
        keep = bool(_OBJECT_STREAM.search(dictionary))
        if not (drawing or keep) and _bounded(data, start, limits.stream_bytes):
            continue  # a small font or profile: too small to inflate past the stream limit
        size, kept = _inflate(view[start:], name, limits, total, keep, started)
        total += size
        number = _object_number(data, header)
        if number is not None:
            sizes[number] = size
        if drawing and size > limits.page_content_bytes:
            raise _too_much_content(name, "a content stream", size, limits)
        if kept is not None:
            object_streams.append(kept)
    _check_pages(data, object_streams, sizes, name, limits)


def _bounded(data: bytes, start: int, limit: int) -> bool:
    """Tell a stream too short to inflate past ``limit`` (Deflate packs at most 1032 to 1)."""
    end = data.find(b"endstream", start, start + limit // _DEFLATE_RATIO + 1)
    return end >= 0


def _streams(data: bytes) -> Iterator[tuple[int, int]]:
    """Yield where each "stream" keyword is and where its data starts.

    A find loop: regular expressions crawl through binary data.
    """
    position = data.find(b"stream")
    while position >= 0:
        after = position + 6
        if data[position - 3 : position] != b"end":
            if data[after : after + 2] == b"\r\n":
                yield position, after + 2
            elif data[after : after + 1] in (b"\n", b"\r"):
                yield position, after + 1
        position = data.find(b"stream", after)


def _inflate(
    view: memoryview, name: str, limits: PdfLimits, total: int, keep: bool, started: float
) -> tuple[int, bytes | None]:
    """Inflate one stream; return its size (and its bytes when asked to keep them)."""
    inflater = zlib.decompressobj()
    size = 0
    kept: list[bytes] = []
    position = 0
    try:
        while not inflater.eof:
            if inflater.unconsumed_tail:
                chunk = inflater.decompress(inflater.unconsumed_tail, _OUT)
            elif position < len(view):
                # Small input steps: zlib copies whatever follows the stream's end.
                chunk = inflater.decompress(view[position : position + _IN], _OUT)
                position += _IN
            else:
                break
            size += len(chunk)
            if keep:
                kept.append(chunk)
            if size > limits.stream_bytes:
                raise limits.exceeded("stream_bytes", f"{name} has a stream that inflates to more than {_mb(size)}")
            if total + size > limits.inflated_bytes:
                raise limits.exceeded(
                    "inflated_bytes", f"the streams of {name} inflate to more than {_mb(total + size)}"
                )
            if time.monotonic() - started > limits.seconds:
                raise limits.exceeded("seconds", f"reading {name} took more than {limits.seconds:.0f} s")
    except zlib.error:
        pass  # not Flate data after all, damaged, or encrypted: the engine decides
    return size, b"".join(kept) if keep else None


def _object_number(data: bytes, header: int) -> int | None:
    if header < 0:
        return None
    matches = list(_OBJECT.finditer(data, max(0, header - 24), header + 3))
    return int(matches[-1].group(1)) if matches else None


def _check_pages(data: bytes, object_streams: list[bytes], sizes: dict[int, int], name: str, limits: PdfLimits) -> None:
    """Add up each page's content streams, following one indirection (a reference to an array)."""
    objects = _ObjectFinder(data, object_streams)
    for text in (data, *object_streams):
        position = text.find(b"/Contents")
        while position >= 0:
            match = _CONTENTS.match(text, position)
            if match is not None:
                if match.group(1) is not None:
                    number = int(match.group(1))
                    streams = [number] if number in sizes else objects.references(number)
                else:
                    streams = [int(ref) for ref in _REFERENCE.findall(match.group(2))]
                size = sum(sizes.get(number, 0) for number in streams)
                if size > limits.page_content_bytes:
                    raise _too_much_content(name, "a page", size, limits)
            position = text.find(b"/Contents", position + 9)


class _ObjectFinder:
    """Find the references an array object holds ("12 0 obj [13 0 R 14 0 R]").

    The array may be in the file or in an object stream; a page's /Contents points to one
    rarely, so it is looked up on demand.
    """

    def __init__(self, data: bytes, object_streams: list[bytes]) -> None:
        self.data = data
        self.object_streams = object_streams
        self.indexed: dict[int, bytes] | None = None

    def references(self, number: int) -> list[int]:
        match = re.search(rb"(?<![0-9])%d\s+\d{1,5}\s+obj\s*\[([^\]]*)\]" % number, self.data)
        if match is not None:
            return [int(ref) for ref in _REFERENCE.findall(match.group(1))]
        body = self._compressed().get(number, b"").strip()
        return [int(ref) for ref in _REFERENCE.findall(body)] if body.startswith(b"[") else []

    def _compressed(self) -> dict[int, bytes]:
        if self.indexed is None:
            self.indexed = {}
            for stream in self.object_streams:  # "n1 off1 n2 off2 ..." then the objects, without headers
                numbers = re.match(rb"\s*((?:\d+\s+\d+\s+)+)", stream)
                if numbers is None:
                    continue
                pairs = [int(value) for value in numbers.group(1).split()]
                offsets = [(pairs[i], numbers.end() + pairs[i + 1]) for i in range(0, len(pairs) - 1, 2)]
                ends = [offset for _, offset in offsets[1:]] + [len(stream)]
                for (number, offset), end in zip(offsets, ends, strict=True):
                    self.indexed[number] = stream[offset:end]
        return self.indexed


def _too_much_content(name: str, what: str, size: int, limits: PdfLimits) -> Exception:
    return limits.exceeded("page_content_bytes", f"{name} has {what} whose drawing instructions inflate to {_mb(size)}")


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):,.1f} MB"
