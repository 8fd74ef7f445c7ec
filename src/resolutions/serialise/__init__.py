"""Serialisers: pure functions from a document to a format, and back where the format allows.

One module per format. :data:`WRITERS` names the writer of each output format of the command
line, as "module:function", imported when used.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from resolutions.nodes import Document

#: Output formats of the command line: the name, and the writer as "module:function".
WRITERS: dict[str, str] = {
    "outline": "resolutions.serialise.outline:to_outline",
    "source": "resolutions.serialise.source:to_source",
    "json": "resolutions.serialise.json:to_json",
    "text": "resolutions.serialise.text:to_text",
    "markdown": "resolutions.serialise.markdown:to_markdown",
    "html": "resolutions.serialise.html:to_html",
    "akn": "resolutions.serialise.akn:to_akn",
    "csv": "resolutions.serialise.table:to_csv",
}


def available() -> list[str]:
    """Return the output formats whose writer is installed."""
    return sorted(name for name, target in WRITERS.items() if importlib.util.find_spec(target.partition(":")[0]))


def writer(name: str) -> Callable[[Document], str]:
    """Return the writer of an output format."""
    module, _, function = WRITERS[name].partition(":")
    found: Callable[[Document], str] = getattr(importlib.import_module(module), function)
    return found
