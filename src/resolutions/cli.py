"""The command line: ``resolutions parse|table|check FILES...``, and ``resolutions FILE`` for an outline.

Exit statuses (the same for every command; docs/cli.md):

- 0: every input was read (and, for ``check``, no document has an error);
- 1: an input could not be read (missing, unreadable, empty, not text, a damaged PDF ...), or
  ``check`` found an error in a document; the other inputs are still done;
- 2: the command line itself is wrong (an unknown option or format, two inputs that would
  write the same output);
- 3: an output could not be written (disk full, no permission);
- 130: interrupted (Ctrl-C); outputs already written are complete, and ``--resume`` goes on;
- 141: standard output was closed early (``| head``), as for other tools killed by SIGPIPE.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from resolutions.batch import Batch, Options, Result, read_input
from resolutions.paths import Input, expand

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_OUTPUT, EXIT_INTERRUPTED, EXIT_PIPE_CLOSED = 0, 1, 2, 3, 130, 141
COMMANDS = ("parse", "table", "check")
#: The file name ending of each output format under ``parse -o DIR``.
SUFFIXES = {
    "outline": ".outline.txt",
    "source": ".source.txt",
    "text": ".txt",
    "markdown": ".md",
    "json": ".json",
    "html": ".html",
    "akn": ".xml",
    "csv": ".csv",
}


class _OutputError(Exception):
    """An output could not be written (exit status 3)."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return its exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or (args[0] not in COMMANDS and args[0] not in ("-h", "--help", "--version")):
        args.insert(0, "parse")  # "resolutions FILE" is today's outline, as it always was
    try:
        options = _parser().parse_args(args)
        run: Callable[[argparse.Namespace], int] = options.run
        return run(options)
    except SystemExit as exc:  # argparse: --help, --version, or a usage error
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    except KeyboardInterrupt:
        print("resolutions: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_PIPE_CLOSED
    except _OutputError as exc:
        _silence_stdout()
        print(f"resolutions: {exc}", file=sys.stderr)
        return EXIT_OUTPUT


# ---------------------------------------------------------------------------------- arguments


def _parser() -> argparse.ArgumentParser:
    from resolutions import __version__
    from resolutions.grammar import available_bodies
    from resolutions.serialise import available

    parser = argparse.ArgumentParser(
        prog="resolutions",
        description="Read UN-style resolutions and declarations. 'resolutions FILE' prints an outline.",
        epilog="Exit statuses: 0 ok, 1 an input failed (or check found an error), 2 usage, 3 output "
        "not written, 130 interrupted, 141 output closed early.",
    )
    parser.add_argument("--version", action="version", version=f"resolutions {__version__}")
    commands = parser.add_subparsers(metavar="COMMAND")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("files", nargs="+", metavar="FILE", help="files, folders or glob patterns; '-' is stdin")
    common.add_argument("--body", choices=available_bodies(), help="the body whose grammar to use")
    common.add_argument("--encoding", default="utf-8", help="the text files' encoding (default: utf-8)")
    common.add_argument("-j", "--jobs", type=_jobs, default=None, help="worker processes (default: one per core)")
    common.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")

    parse = commands.add_parser("parse", parents=[common], help="write each document in a format (default)")
    parse.add_argument("--to", type=str.lower, choices=available(), default="outline", help="output format")
    parse.add_argument("-o", "--output", type=Path, help="a folder for one output per input (default: stdout)")
    parse.add_argument("--resume", action="store_true", help="with -o: skip inputs whose outputs are up to date")
    parse.add_argument("--strict", action="store_true", help="fail a document on its first problem")
    parse.set_defaults(run=_run_parse)

    table = commands.add_parser("table", parents=[common], help="write the six tables as Parquet files")
    table.add_argument("-o", "--output", type=Path, required=True, help="the folder for the .parquet files")
    table.add_argument("--resume", action="store_true", help="do nothing when every table is newer than the inputs")
    table.add_argument("--strict", action="store_true", help="fail a document on its first problem")
    table.set_defaults(run=_run_table)

    check = commands.add_parser("check", parents=[common], help="report what looks wrong in each document")
    check.add_argument("--json", action="store_true", help="write the report as JSON")
    check.set_defaults(run=_run_check)
    return parser


def _jobs(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"a number of processes, 1 or more, not {text!r}")
    return int(text)


def _batch(inputs: list[Input], args: argparse.Namespace) -> Batch:
    options = Options(args.body, args.encoding, getattr(args, "strict", False))
    return Batch(inputs, options, args.jobs, False if args.quiet else None, "record")


# ---------------------------------------------------------------------------------- parse


def _run_parse(args: argparse.Namespace) -> int:
    if args.resume and args.output is None:
        print("resolutions: --resume needs -o DIR (the outputs to look for)", file=sys.stderr)
        return EXIT_USAGE
    inputs = expand(args.files)
    if args.output is None:
        failed = False
        for result in _batch(inputs, args):
            failed |= _report(result)
            if result.document is not None:
                _write_stdout(_render(args.to, result))
        _flush_stdout()
        return EXIT_INPUT if failed else EXIT_OK
    targets = _targets(inputs, args.output, SUFFIXES[args.to])
    if args.resume:
        inputs = [item for item in inputs if item.name not in targets or not _up_to_date(item, targets[item.name])]
    failed = False
    for results in _batch(inputs, args).map(partial(_render_input, format=args.to)):
        failed |= any([_report(result) for result, _ in results])
        texts = [text for result, text in results if result.error is None]
        if texts:
            _write_outputs(targets[results[0][0].file], texts)
    return EXIT_INPUT if failed else EXIT_OK


def _render(format: str, result: Result) -> str:
    from resolutions.serialise import writer

    assert result.document is not None
    return writer(format)(result.document)


def _render_input(item: Input, options: Options, *, format: str) -> list[tuple[Result, str]]:
    """Read, parse and render one input in a worker: the documents never travel back."""
    import attrs

    rendered = []
    for result in read_input(item, options):
        text = _render(format, result) if result.ok else ""
        rendered.append((attrs.evolve(result, document=None), text))
    return rendered


class _Target:
    """Where an input's outputs go.

    ``<folder>/<relative name><suffix>`` for a file that holds one document, and
    ``<folder>/<relative name>.<n><suffix>`` (n from 1) for each of one that holds several.
    """

    def __init__(self, base: Path, suffix: str) -> None:
        self.base = base
        self.suffix = suffix

    def path(self, number: int | None = None) -> Path:
        name = self.base.name + (f".{number}" if number is not None else "") + self.suffix
        return self.base.with_name(name)


def _targets(inputs: list[Input], folder: Path, suffix: str) -> dict[str, _Target]:
    targets: dict[str, _Target] = {}
    seen: dict[Path, str] = {}
    for item in inputs:
        if item.problem is not None:  # a pattern that matched nothing ...: no output to write
            continue
        target = _Target(folder / item.relative, suffix)
        other = seen.setdefault(target.path(), item.name)
        if other != item.name:
            print(f"resolutions: {other} and {item.name} would both write {target.path()}", file=sys.stderr)
            raise SystemExit(EXIT_USAGE)
        targets[item.name] = target
    return targets


def _up_to_date(item: Input, target: _Target) -> bool:
    """An input is done when its first output exists and is newer than it (that one is written last)."""
    if item.data is not None or item.problem is not None:
        return False
    for first in (target.path(), target.path(1)):
        try:
            if first.stat().st_mtime >= os.stat(item.name).st_mtime:
                return True
        except OSError:
            continue
    return False


def _write_outputs(target: _Target, texts: list[str]) -> None:
    """Write an input's outputs, each under a temporary name first; the first one last."""
    if not texts:
        return
    paths = [target.path()] if len(texts) == 1 else [target.path(n) for n in range(1, len(texts) + 1)]
    try:
        target.base.parent.mkdir(parents=True, exist_ok=True)
        for path, text in reversed(list(zip(paths, texts, strict=True))):
            partial_path = path.with_name(path.name + ".partial")
            with open(partial_path, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
            os.replace(partial_path, path)
    except OSError as exc:
        raise _OutputError(f"cannot write {exc.filename or target.path()}: {exc.strerror or exc}") from exc


# ---------------------------------------------------------------------------------- table


def _run_table(args: argparse.Namespace) -> int:
    from resolutions.parquet import write_parquet
    from resolutions.schema import TABLES

    inputs = expand(args.files)
    outputs = [args.output / f"{name}.parquet" for name in TABLES]
    if args.resume and _tables_up_to_date(inputs, outputs):
        if not args.quiet:
            print(f"resolutions: the tables in {args.output} are up to date", file=sys.stderr)
        return EXIT_OK
    try:
        written = write_parquet(_batch(inputs, args), args.output)
    except OSError as exc:
        raise _OutputError(f"cannot write the tables to {args.output}: {exc.strerror or exc}") from exc
    import pyarrow.parquet

    errors = pyarrow.parquet.read_table(written["errors"]).to_pylist()
    for error in errors:
        _report_failure(error["file"], error["kind"], error["message"])
    if not args.quiet:
        print(f"resolutions: wrote the tables to {args.output}", file=sys.stderr)
    return EXIT_INPUT if errors else EXIT_OK


def _tables_up_to_date(inputs: list[Input], outputs: list[Path]) -> bool:
    try:
        oldest = min(path.stat().st_mtime for path in outputs)
        newest = max(os.stat(item.name).st_mtime for item in inputs)
    except (OSError, ValueError):
        return False
    return all(item.data is None and item.problem is None for item in inputs) and newest <= oldest


# ---------------------------------------------------------------------------------- check


def _run_check(args: argparse.Namespace) -> int:
    from resolutions.quality import problems

    failed = False
    report: list[dict[str, object]] = []
    for result in _batch(expand(args.files), args):
        entry: dict[str, object] = {"file": result.file, "position": result.position}
        if result.document is None:
            error = result.error
            entry["error"] = {"kind": error.kind, "message": error.message} if error else None
            failed = True
            if not args.json:
                _report(result)
        else:
            found = problems(result.document)
            failed |= any(p.severity == "error" for p in found)
            entry.update(symbol=result.document.header.symbol, problems=[p.to_dict() for p in found])
            if not args.json:
                _write_stdout(_check_text(result, found, args.quiet))
        report.append(entry)
    if args.json:
        _write_stdout(json.dumps(report, indent=2, ensure_ascii=False, default=str) + "\n")
    _flush_stdout()
    return EXIT_INPUT if failed else EXIT_OK


def _check_text(result: Result, found: list[Any], quiet: bool) -> str:
    assert result.document is not None
    name = result.file + (f" #{result.position + 1}" if result.position else "")
    symbol = result.document.header.symbol or "no symbol"
    if not found:
        return "" if quiet else f"{name} ({symbol}): ok\n"
    lines = [f"{name} ({symbol}):"]
    for problem in found:
        where = f"line {problem.line + result.line - 1}: " if problem.line else ""
        lines.append(f"  {problem.severity:<8}{problem.code:<22}{where}{problem.message}")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------- output


def _report(result: Result) -> bool:
    """Say on stderr why a file gave no document; return whether it failed."""
    if result.error is None:
        return False
    _report_failure(result.file, result.error.kind, result.error.message)
    return True


def _report_failure(file: str, kind: str, message: str) -> None:
    where = "" if file in message else f"{file}: "
    print(f"resolutions: {kind}: {where}{_cli_hints(message)}", file=sys.stderr)


def _cli_hints(message: str) -> str:
    """Name the command line's flags where a message names the Python keywords."""
    message = re.sub(r"\bstrict=True\b", "--strict", message)
    return re.sub(r"\b(encoding|body)=\s*", r"--\1 ", message)


def _write_stdout(text: str) -> None:
    try:
        sys.stdout.write(text)
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise _OutputError(f"cannot write to standard output: {exc.strerror or exc}") from exc


def _flush_stdout() -> None:
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise _OutputError(f"cannot write to standard output: {exc.strerror or exc}") from exc


def _silence_stdout() -> None:
    """Point stdout at the null device, so that Python's last flush at exit cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no real stdout (a test, a notebook)
        pass
