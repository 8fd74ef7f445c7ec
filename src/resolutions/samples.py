"""The sample documents shipped with the library: :func:`resolutions.examples`.

They are the five seed documents of the project's ``examples/`` folder, each a different kind
of text (a Markdown export, a chairman's summary, a conference outcome, a declaration with an
annex, a web page), shipped in the wheel as package data so that a notebook or a tutorial
finds them from any folder, without a checkout.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from resolutions.errors import MissingFileError

#: The seeds' file names start with their number: "002_5927ce86d9264869.txt".
_PATTERN = "[0-9][0-9][0-9]_*.txt"


def examples() -> list[Path]:
    """Return the paths of the shipped sample documents, in order: ``examples()[2]`` is seed 002.

    In an installed wheel they are package data (``resolutions/examples``); in a checkout or
    an editable install, the files of the top-level ``examples/`` folder.

    Examples:
        >>> import resolutions
        >>> [path.name[:3] for path in resolutions.examples()]
        ['000', '001', '002', '003', '004']
        >>> resolutions.parse_file(resolutions.examples()[2]).header.body
        'Commission on Narcotic Drugs'

    Raises:
        MissingFileError: This installation of resolutions holds no samples (a
            ``FileNotFoundError``).
    """
    packaged = resources.files("resolutions") / "examples"
    if isinstance(packaged, Path) and packaged.is_dir():
        return sorted(packaged.glob(_PATTERN))
    checkout = Path(__file__).resolve().parents[2] / "examples"
    found = sorted(checkout.glob(_PATTERN)) if checkout.is_dir() else []
    if not found:
        raise MissingFileError(
            "the sample documents are missing from this installation of resolutions",
            path=str(checkout),
            hint="reinstall resolutions from its wheel or from a checkout (pip install -e .)",
        )
    return found
