"""Griffe extension: the docstrings' Sphinx roles read as code on the site.

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


def plain(text: str) -> str:
    """Return docstring text with each role written as code.

    >>> plain("See :func:`resolutions.parse` and :class:`~resolutions.nodes.Document`.")
    'See `resolutions.parse` and `Document`.'
    """
    return ROLE.sub(lambda match: f"`{match.group(2).rsplit('.', 1)[-1] if match.group(1) else match.group(2)}`", text)


class SphinxRoles(griffe.Extension):
    """Rewrite the roles of every docstring griffe loads."""

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = plain(obj.docstring.value)
