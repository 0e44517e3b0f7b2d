"""``python -m converter``: the same as the ``legacy-xbrl`` command."""

import sys

from converter.cli import main

sys.exit(main())
