"""Worker processes for a batch: jobs run in a pool, results come back in order, a few ahead.

The pool sends small groups of files (:data:`CHUNK`) to each worker and keeps :data:`AHEAD`
groups per worker queued: enough to keep every worker busy, few enough that memory does not grow
with the collection. A worker process that dies (killed for memory, or a crash inside a
library) breaks the pool; the pool is then started again, the group it was reading is read one
file at a time, and the file that kills a worker again becomes an error result of kind
"crashed". The batch goes on.
"""

from __future__ import annotations

import gc
import multiprocessing
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Generator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, TypeVar

import attrs

from resolutions.grammar import Grammar, load_grammar

if TYPE_CHECKING:
    from resolutions.paths import Input

#: Files handed to a worker at once: small files cost more to send than to group (each group
#: is a task of the pool, about half a millisecond of the main process's time; 12 rather than 8
#: made two workers 1-3% faster over the bench's collection).
CHUNK = 12
#: Groups queued per worker: enough to keep it busy, few enough to bound memory.
AHEAD = 3
#: The message of a file whose worker died.
CRASHED = (
    "the worker process reading this file stopped abruptly (killed, perhaps for lack of memory, "
    "or a crash inside a library); the other files were read"
)

_T = TypeVar("_T")
_O = TypeVar("_O")
Body = str | Grammar | None


def execute(
    inputs: list[Input], job: Callable[[Input, _O], _T], options: _O, workers: int, *, body: Body
) -> Generator[_T, None, None]:
    """Yield ``job(input, options)`` for every input, in order, computed by ``workers`` processes.

    ``job`` and ``options`` must pickle (a module-level function; attrs classes). ``body`` is
    the grammar the workers build when they start. With one worker, jobs run in this process.
    """
    if workers == 1:
        for item in inputs:
            yield job(item, options)
        return
    warm(body)  # compiled here, so that forked workers start with it
    chunks = deque(chunked(inputs, workers))
    # What exists now (the grammar above all) is left out of the collector's rounds, in this
    # process and the forked workers: their collections then neither walk it nor copy its pages.
    gc.freeze()
    pool = _Pool(workers, body)
    wait = True
    try:
        pending: deque[tuple[Future[list[_T]], list[Input]]] = deque()
        while chunks or pending:
            while chunks and len(pending) < workers * AHEAD:
                chunk = chunks.popleft()
                try:
                    pending.append((pool.submit(_run_chunk, job, chunk, options), chunk))
                except BrokenProcessPool:  # a worker died since the last result came back
                    chunks.appendleft(chunk)
                    if pending:
                        break  # the pending groups' futures say so, and are read again below
                    pool.restart()
            future, chunk = pending.popleft()
            try:
                done = future.result()
            except BrokenProcessPool:
                chunks.extendleft(reversed([c for _, c in pending]))  # read again, after this one
                pending.clear()
                pool.restart()
                done = [_isolated(pool, job, item, options) for item in chunk]
            yield from done
    except GeneratorExit:  # abandoned, perhaps collected in another thread: do not wait there
        wait = False
        raise
    finally:
        pool.shutdown(wait=wait)
        gc.unfreeze()


def chunked(inputs: list[Input], workers: int) -> list[list[Input]]:
    """Cut the inputs in groups of :data:`CHUNK`, smaller towards the end.

    Each worker takes the next group when it is done with one, so they all work until the
    last groups; had those been whole, one worker would go on alone for up to a whole group
    while the other waits. At most a file is left to one worker alone now, for a few more
    groups to send.
    """
    out = []
    start = 0
    while start < len(inputs):
        size = max(1, min(CHUNK, (len(inputs) - start) // (2 * workers)))
        out.append(inputs[start : start + size])
        start += size
    return out


def _isolated(pool: _Pool, job: Callable[[Input, _O], _T], item: Input, options: _O) -> _T:
    """Run one file's job alone; if its worker dies too, the file gets a "crashed" error."""
    try:
        done: list[_T] = pool.submit(_run_chunk, job, [item], options).result()
    except BrokenProcessPool:
        pool.restart()
        return job(attrs.evolve(item, data=None, problem=("crashed", CRASHED)), options)
    return done[0]


def _run_chunk(job: Callable[[Input, _O], _T], chunk: list[Input], options: _O) -> list[_T]:
    return [job(item, options) for item in chunk]


class _Pool:
    """A process pool that can be started again after a worker died."""

    def __init__(self, workers: int, body: Body) -> None:
        self.workers = workers
        self.body = body
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            self.workers, mp_context=_context(), initializer=_start_worker, initargs=(self.body,)
        )

    def submit(self, function: Callable[..., _T], *args: object) -> Future[_T]:
        return self.executor.submit(function, *args)

    def restart(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._start()

    def shutdown(self, *, wait: bool) -> None:
        self.executor.shutdown(wait=wait, cancel_futures=True)


def _context() -> multiprocessing.context.BaseContext:
    """Fork where that is safe (Linux, no other threads): workers start at once, grammar built."""
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def warm(body: Body) -> None:
    """Build a body's grammar: once per process, not once per file."""
    load_grammar(body).compiled()


def _start_worker(body: Body) -> None:
    """Start a worker: Ctrl-C is the main process's to handle (it stops the pool), not each worker's."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    warm(body)
