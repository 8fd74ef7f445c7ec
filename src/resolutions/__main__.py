"""``python -m resolutions FILE``: see :mod:`resolutions.cli`."""

import sys

from resolutions.cli import main

sys.exit(main())
