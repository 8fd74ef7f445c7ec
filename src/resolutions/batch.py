"""Whole collections: :func:`parse_files` reads many files, in worker processes, in order.

Results stream: at most a few files per worker are in flight at any time, so a corpus larger than
memory goes through. Workers build the grammar once (compiled in the parent before the pool forks,
or read from the on-disk cache where processes are spawned), not once per file. A file that
cannot be read becomes a :class:`Result` whose ``error`` says why; the batch goes on.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
from collections.abc import Callable, Generator, Iterable, Iterator
from typing import TYPE_CHECKING, Literal, TypeVar

import attrs

from resolutions.api import _with_reader_diagnostics, parse_all
from resolutions.errors import LimitError, ResolutionsError
from resolutions.grammar import Grammar
from resolutions.paths import Input, expand
from resolutions.reading import extract_bytes, extract_file
from resolutions.workers import execute

if TYPE_CHECKING:
    from resolutions.nodes import Document

OnError = Literal["record", "raise"]
_T = TypeVar("_T")


@attrs.frozen
class Failure:
    """Why a file gave no document.

    Attributes:
        kind: A stable code: "not-found", "permission", "not-a-file", "no-match",
            "unreadable", "encoding", "empty", "limit" (a reader's guard against bombs), "pdf",
            "html", "docx" (a reader refused the file), "parse" (strict mode), "crashed" (the
            worker process reading it died), or "internal" (a bug: please report it).
        message: What went wrong, for a person.
        exception: The exception raised, when there was one (not part of equality).
    """

    kind: str
    message: str
    exception: BaseException | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen
class Result:
    """One document of a batch, or one file that gave none.

    Attributes:
        file: The file, as found from the paths given ("-" for standard input).
        position: The document's place in its file, from 0 (files that hold several
            documents give several results).
        offset: Where the document's source starts in the file's text.
        line: The file line the document starts on, from 1.
        document: The document, or None when the file could not be read.
        error: Why there is no document, or None.
    """

    file: str
    position: int = 0
    offset: int = 0
    line: int = 1
    document: Document | None = None
    error: Failure | None = None

    @property
    def ok(self) -> bool:
        """True when the result holds a document."""
        return self.document is not None


@attrs.frozen
class Options:
    """How every file of a batch is read: the grammar, the text encoding, strict mode."""

    body: str | Grammar | None = None
    encoding: str = "utf-8"
    strict: bool = False


def parse_files(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    workers: int | None = None,
    progress: bool | None = None,
    on_error: OnError = "record",
    body: str | Grammar | None = None,
    encoding: str = "utf-8",
    strict: bool = False,
) -> Batch:
    """Parse many files: text, Markdown and PDF, named by paths, folders or glob patterns.

    Args:
        paths: Files, folders (searched recursively for ``.txt``, ``.md``, ``.markdown`` and
            ``.pdf`` files) and glob patterns (``"corpus/**/*.txt"``); ``"-"`` is standard input.
        workers: Processes to parse in; None for one per core, 1 for this process only.
        progress: Show a progress bar (tqdm); None shows one when standard error is a terminal.
        on_error: "record" makes a file that cannot be read an error result and goes on;
            "raise" raises its exception.
        body: The body whose grammar to use, as for :func:`resolutions.parse`.
        encoding: The text files' encoding.
        strict: Treat a document's first problem as an error (kind "parse").

    Returns:
        An iterator of :class:`Result`, one per document, in the order of the paths; work
        starts when it is first read. Hand it to :func:`resolutions.tables` or
        :func:`resolutions.write_parquet` as it is.

    Example:
        >>> import resolutions
        >>> results = list(resolutions.parse_files("examples/*.txt", workers=1))
        >>> results[2].file, results[2].position, results[2].document.header.organ
        ('examples/002_5927ce86d9264869.txt', 0, 'Economic and Social Council')
    """
    if on_error not in ("record", "raise"):
        raise ValueError(f"on_error must be 'record' or 'raise', not {on_error!r}")
    return Batch(expand(paths), Options(body, encoding, strict), workers, progress, on_error)


class Batch(Iterator[Result]):
    """The results of :func:`parse_files`, made as they are read.

    Attributes:
        inputs: The files the paths named, in order.
        on_error: "record" or "raise", as given to :func:`parse_files`.
    """

    def __init__(
        self, inputs: list[Input], options: Options, workers: int | None, progress: bool | None, on_error: OnError
    ) -> None:
        self.inputs = inputs
        self._options = options
        self._workers = workers
        self._progress = progress
        self.on_error = on_error
        self._results: Iterator[Result] | None = None
        self._started = False

    def __repr__(self) -> str:
        state = "started" if self.started else "not started"
        return f"<Batch of {len(self.inputs)} files, {state}>"

    def __iter__(self) -> Batch:
        return self

    def __next__(self) -> Result:
        if self._results is None:
            self._results = self._stream(self.map(read_input))
        return next(self._results)

    @property
    def started(self) -> bool:
        """Whether results have been read (a started batch can only be read on)."""
        return self._started

    def _stream(self, outputs: Generator[list[Result], None, None]) -> Iterator[Result]:
        with contextlib.closing(outputs):  # stops the workers at once when this stops early
            for results in outputs:
                for result in results:
                    if result.error is not None and self.on_error == "raise":
                        raise _exception(result.error)
                    yield result

    def map(self, job: Callable[[Input, Options], _T]) -> Generator[_T, None, None]:
        """Run ``job(input, options)`` on every input, in the workers, yielding in input order.

        ``job`` must be a module-level function (it is sent to the workers by name). Used by
        :func:`resolutions.tables`, which makes table rows in the workers.
        """
        if self._started:
            raise RuntimeError("this batch has been read already: call parse_files() again")
        self._started = True
        workers = _worker_count(self._workers, len(self.inputs))
        outputs = execute(self.inputs, job, self._options, workers, body=self._options.body)
        return _with_progress(outputs, len(self.inputs), self._progress)


#: A worker process is started for every this many files: fewer are read sooner in this process
#: than a pool starts (a few small files), and more keep each worker busy.
FILES_PER_WORKER = 8


def _worker_count(workers: int | None, inputs: int) -> int:
    if workers is None:
        workers = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    if workers < 1:
        raise ValueError(f"workers must be 1 or more (or None for one per core), not {workers}")
    return max(1, min(workers, (inputs + FILES_PER_WORKER - 1) // FILES_PER_WORKER))


def _with_progress(outputs: Generator[_T, None, None], total: int, progress: bool | None) -> Generator[_T, None, None]:
    if progress is None:
        progress = sys.stderr is not None and sys.stderr.isatty()
    if not progress:
        yield from outputs
        return
    from tqdm.auto import tqdm

    with tqdm(total=total, unit="file", file=sys.stderr) as bar, contextlib.closing(outputs):
        for output in outputs:
            yield output
            bar.update()


# ---------------------------------------------------------------------------------- jobs


def read_input(item: Input, options: Options) -> list[Result]:
    """Read and parse one input: one result per document, or one error result."""
    if item.problem is not None:
        kind, message = item.problem
        return [Result(item.name, error=Failure(kind, message))]
    try:
        if item.data is not None:  # standard input, read whole by the main process
            extracted = extract_bytes(item.data, name=item.name, encoding=options.encoding)
        else:
            extracted = extract_file(item.name, encoding=options.encoding)
    except Exception as exc:  # a batch never stops for one file; "internal" marks our bugs
        return [Result(item.name, error=Failure(_kind(exc, item.name), _message(exc), _portable(exc)))]
    text = extracted.text
    if not text.strip():
        return [Result(item.name, error=Failure("empty", f"{item.name} holds no text"))]
    try:
        collection = parse_all(text, body=options.body, strict=options.strict)
    except Exception as exc:
        kind = "parse" if isinstance(exc, ResolutionsError) else "internal"
        return [Result(item.name, error=Failure(kind, _message(exc), _portable(exc)))]
    results = []
    line, counted = 1, 0
    for position, (offset, document) in enumerate(zip(collection.offsets, collection, strict=True)):
        line += text.count("\n", counted, offset)
        counted = offset
        if position == 0 and extracted.diagnostics:  # what the reader saw (a scanned page ...)
            document = _with_reader_diagnostics(document, extracted)
        results.append(Result(item.name, position, offset, line, document))
    return results


#: The kind of a reader's refusal, by the file's suffix.
_FORMATS = {".pdf": "pdf", ".html": "html", ".htm": "html", ".xhtml": "html", ".docx": "docx", ".doc": "docx"}


def _kind(exc: BaseException, name: str) -> str:
    """Classify an exception by what it is or wraps (read_text wraps OS and decoding errors)."""
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and len(chain) < 8:
        chain.append(current)
        current = current.__cause__ or current.__context__
    kinds: list[tuple[type[BaseException] | tuple[type[BaseException], ...], str]] = [
        (FileNotFoundError, "not-found"),
        (PermissionError, "permission"),
        ((IsADirectoryError, NotADirectoryError, BlockingIOError), "not-a-file"),
        ((UnicodeError, LookupError), "encoding"),
        (LimitError, "limit"),
        (OSError, "unreadable"),
    ]
    for kind_type, kind in kinds:
        if any(isinstance(link, kind_type) for link in chain):
            return kind
    if isinstance(exc, ResolutionsError):  # a reader refused the file: a damaged PDF, a bad package ...
        return _FORMATS.get(os.path.splitext(name)[1].lower(), "unreadable")
    return "internal"


def _message(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text if isinstance(exc, ResolutionsError) else f"{type(exc).__name__}: {text}"


def _portable(exc: BaseException) -> BaseException:
    """Return the exception, or a ResolutionsError with its message when it cannot be pickled."""
    try:
        pickle.dumps(exc)
    except Exception:
        return ResolutionsError(_message(exc))
    return exc


def _exception(failure: Failure) -> BaseException:
    return failure.exception if failure.exception is not None else ResolutionsError(failure.message)
