"""The command line: ``python -m resolutions FILE [--to FORMAT]``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from resolutions.api import parse_file
from resolutions.errors import ResolutionsError
from resolutions.grammar import available_bodies
from resolutions.serialise import available, writer


def main(argv: Sequence[str] | None = None) -> int:
    """Parse a document and print it in the chosen format."""
    parser = argparse.ArgumentParser(prog="resolutions", description="Read a UN-style resolution or declaration.")
    parser.add_argument("file", help="a text, Markdown or (with the pdf extra) PDF file")
    parser.add_argument("--to", choices=available(), default="outline", help="output format (default: outline)")
    parser.add_argument("--body", choices=available_bodies(), help="the body whose grammar to use")
    parser.add_argument("--encoding", default="utf-8", help="the file's text encoding (default: utf-8)")
    parser.add_argument("--strict", action="store_true", help="fail on the first problem found")
    args = parser.parse_args(argv)
    try:
        document = parse_file(args.file, body=args.body, encoding=args.encoding, strict=args.strict)
    except ResolutionsError as exc:
        print(f"resolutions: {exc}", file=sys.stderr)
        return 1
    sys.stdout.write(writer(args.to)(document))
    return 0
