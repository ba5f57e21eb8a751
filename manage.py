#!/usr/bin/env python
"""Django's command-line utility.

The project shell lives in site/, a plain folder rather than a package:
Python's standard library has a module called `site`, imported at start-up,
so a package of that name could never be imported. site/ goes on the import
path instead, and its modules keep their usual names (settings, urls, wsgi).
"""

import os
import sys
from pathlib import Path

if __name__ == "__main__":
    root = Path(__file__).resolve().parent
    sys.path.insert(0, str(root / "site"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.dev")

    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
