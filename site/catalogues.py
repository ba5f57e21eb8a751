"""Compile the project's own translation catalogues (.po) to .mo files.

The .mo files are build output and not committed. This does what
`manage.py compilemessages` does for the repository's own catalogues (the
site's and danish_admin's), without GNU gettext (msgfmt) and without touching
the catalogues of installed packages. `make messages` runs it, and so does the
test suite's start-up (tests/conftest.py), for a plain `pytest` on a fresh clone:

    python site/catalogues.py            # from the repository root
    python site/catalogues.py --force

A catalogue is compiled when its .mo is missing or older than the .po. polib
leaves fuzzy and untranslated entries out of the .mo, as msgfmt does.
"""

import os
import sys
from pathlib import Path

import polib

REPOSITORY = Path(__file__).resolve().parent.parent

# Folders that hold other people's catalogues or build output, never ours
# (hidden folders such as .venv and .git are left out too).
SKIPPED = {"venv", "node_modules", "var", "staticfiles", "build"}


def catalogues(root=REPOSITORY):
    """Every .po under a `locale/<lang>/LC_MESSAGES/` folder of the repository,
    leaving out the virtualenv, node_modules and other folders that are not ours."""
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(
            name for name in subfolders if name not in SKIPPED and not name.startswith(".")
        )
        path = Path(folder)
        if path.name == "LC_MESSAGES" and path.parent.parent.name == "locale":
            yield from (path / name for name in sorted(files) if name.endswith(".po"))


def compile_catalogues(root=REPOSITORY, force=False):
    """Compile each catalogue whose .mo is missing or stale; return the .mo paths written."""
    written = []
    for po in catalogues(root):
        mo = po.with_suffix(".mo")
        if force or not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            # Written aside and moved into place: parallel test runs may compile at once.
            partial = mo.with_name(f"{mo.name}.{os.getpid()}.tmp")
            polib.pofile(str(po)).save_as_mofile(str(partial))
            os.replace(partial, mo)
            written.append(mo)
    return written


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    for mo in compile_catalogues(force="--force" in argv):
        print(f"compiled {mo.relative_to(REPOSITORY)}")


if __name__ == "__main__":
    main()
