"""Griffe extension: the docstrings' Sphinx roles read as code on the site, their examples as code.

The docstrings name other objects the Sphinx way (``:func:`resolutions.parse```,
``:class:`~resolutions.nodes.Document```), which reads well in ``help()`` and in an editor.
mkdocstrings shows such roles as they are written; this extension, loaded by the mkdocstrings
handler (mkdocs.yml), turns each into the name in code: ``resolutions.parse``, ``Document``
(the ``~`` keeps the last part only, as in Sphinx).
"""

from __future__ import annotations

import re
from typing import Any

import griffe

#: ``:role:`target``` or ``:role:`~target```.
ROLE = re.compile(r":(?:func|class|meth|mod|attr|data|exc|obj|const):`(~?)([^`]+)`")
#: A Google section "Example:", which griffe renders as prose (its ``>>>`` lines unformatted);
#: "Examples:" is the section it renders as code.
EXAMPLE = re.compile(r"^([ \t]*)Example:[ \t]*$", re.MULTILINE)


def plain(text: str) -> str:
    """Return docstring text with each role written as code, and "Example:" made "Examples:".

    >>> plain("See :func:`resolutions.parse` and :class:`~resolutions.nodes.Document`.")
    'See `resolutions.parse` and `Document`.'
    >>> plain("Example:\\n    >>> 1 + 1\\n    2")
    'Examples:\\n    >>> 1 + 1\\n    2'
    """
    text = EXAMPLE.sub(r"\1Examples:", text)
    return ROLE.sub(lambda match: f"`{match.group(2).rsplit('.', 1)[-1] if match.group(1) else match.group(2)}`", text)


class SphinxRoles(griffe.Extension):
    """Rewrite the roles of every docstring griffe loads."""

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = plain(obj.docstring.value)
