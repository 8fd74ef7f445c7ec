"""Benchmark: peak memory of parse, per MB of input, for long-line and short-line text.

Run: python benchmarks/bench_memory.py [--mb N] [--kinds seed,wrapped,...] [--no-trace]

Kinds of text, each made N MB long (50 by default) from the seed 002 in examples/:

- ``seed``: the seed's body repeated (long lines: a paragraph per line, Markdown);
- ``wrapped``: the same paragraphs hard-wrapped at 50 characters a line, a blank line between
  paragraphs (short lines, as OCR'd and extracted text has them);
- ``numbered``: short numbered paragraphs, "12. Decides to act." (20 characters each);
- ``tiny``: lines of two characters ("a" and a line break), all one paragraph.

The last two are hostile: they measure the cost per paragraph and per line. For each kind, the
script reports the peak that ``tracemalloc`` sees while ``resolutions.parse`` runs (what the
parse allocates, the input excluded) and what the document keeps, both as multiples of the
input's size; and the growth of the process's peak resident size (RSS) over its size before the
parse, in a fresh interpreter, untraced (Linux), which adds the allocator's own overhead. Issue 14's goal: a peak
of at most 15 times the input for 50 MB of ``seed`` and of ``wrapped``. tracemalloc slows the
parse about tenfold: 50 MB takes some minutes per kind.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import textwrap
import time
import tracemalloc
from pathlib import Path

import resolutions

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the checkout's tests/ package

from tests.texts import KINDS


def traced(kind: str, megabytes: float) -> tuple[float, float, float, float]:
    """Return the input's size in MB, the peak and the kept memory per input byte, and seconds."""
    text = KINDS[kind](int(megabytes * 1e6))
    size = len(text.encode("utf-8"))
    resolutions.parse("The General Assembly,\n")  # the grammar is built before measuring
    tracemalloc.start()
    started = time.process_time()
    document = resolutions.parse(text)
    seconds = time.process_time() - started
    kept, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del document
    return size / 1e6, peak / size, kept / size, seconds


def resident(kind: str, megabytes: float) -> float:
    """Return the growth of the peak resident size while parsing, per input byte (a fresh process)."""
    code = textwrap.dedent(
        f"""
        import resource, sys
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from bench_memory import KINDS
        import resolutions
        text = KINDS[{kind!r}](int({megabytes} * 1e6))
        resolutions.parse("The General Assembly,\\n")
        with open("/proc/self/statm") as statm:  # the resident size now, not the peak so far
            before = int(statm.read().split()[1]) * resource.getpagesize()
        resolutions.parse(text)
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        print((after - before) / len(text.encode("utf-8")))
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(result.stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50.0, help="the size of each text, in MB (default 50)")
    parser.add_argument("--kinds", default="seed,wrapped,numbered,tiny", help="which texts, comma-separated")
    parser.add_argument("--no-trace", action="store_true", help="measure the resident size only (quick)")
    args = parser.parse_args()
    for kind in args.kinds.split(","):
        rss = resident(kind, args.mb)
        if args.no_trace:
            print(f"{kind:9} {args.mb:6.1f} MB: peak RSS growth {rss:5.1f}x", flush=True)
            continue
        megabytes, peak, kept, seconds = traced(kind, args.mb)
        print(
            f"{kind:9} {megabytes:6.1f} MB: peak {peak:5.1f}x (traced), document {kept:5.1f}x, "
            f"peak RSS growth {rss:5.1f}x (untraced); {seconds:.0f} s traced",
            flush=True,
        )


if __name__ == "__main__":
    main()
