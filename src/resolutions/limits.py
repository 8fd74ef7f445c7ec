"""How deep the trees the parser builds may nest: limits that keep hostile text harmless.

Real resolutions nest shallowly: parts, chapters and sections three or four deep, sub-items
"(a)" > "(i)" > "(1)", emphasis rarely inside emphasis. Text written to attack the parser can
ask for any depth ("<i><b>" a thousand times), and a tree that deep would break every tool that
walks it by recursion (the serialisers, lxml, a user's own code). Past these depths the parser
flattens what it reads (a section becomes its parent's sibling, emphasis is read as the text
around it) and reports it in ``Document.diagnostics`` with the code ``nesting-too-deep``.

Sub-items need no limit in the parser: each level is a different kind of label (digits,
letters, roman numerals, capitals, capital roman numerals, bullets), so they nest at most six
deep. The Akoma Ntoso reader holds what it reads to all three limits (another tool's XML may
nest anything up to libxml2's own limit of 256 elements), lifting what lies deeper to the
level above, so that every document the library returns can be written by every serialiser.
"""

from __future__ import annotations

#: Sections inside sections (a section at the top of the body or of an annex is at depth 1).
MAX_SECTION_DEPTH = 8
#: Emphasis inside emphasis (``<i>`` inside ``<b>`` inside ``*``: depth 3).
MAX_EMPHASIS_DEPTH = 8
#: Sub-items inside sub-items (the items right under a paragraph are at depth 1).
MAX_ITEM_DEPTH = 8
#: The diagnostic code for a tree flattened at one of these limits.
TOO_DEEP = "nesting-too-deep"
