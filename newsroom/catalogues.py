"""Compile every app's translation catalogue (.po) into the .mo Django reads.

`make venv` (so `make run`, `make test`, `make serve`) and the test suite run
this. It uses polib, pure Python, rather than Django's `compilemessages`,
which needs GNU gettext's msgfmt: a fresh machine may not have it. A
catalogue is compiled only when its .po is newer than its .mo; .mo files are
build output and never committed.

    python -m newsroom.catalogues     # prints each catalogue it compiled
"""

from __future__ import annotations

from pathlib import Path

import re

import polib

ROOT = Path(__file__).resolve().parent.parent


def catalogues(root: Path = ROOT) -> list[Path]:
    """Every app's catalogues (django.po, djangojs.po), apps added later included."""
    return sorted(root.glob("*/locale/*/LC_MESSAGES/*.po"))


def compile_catalogues(root: Path = ROOT) -> list[Path]:
    """Compile the stale catalogues under root; returns the .mo files written."""
    written = []
    for po_path in catalogues(root):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        catalogue = polib.pofile(str(po_path))
        _drop_surplus_plurals(catalogue)
        # Like msgfmt, polib leaves out fuzzy and untranslated entries.
        catalogue.save_as_mofile(str(mo_path))
        written.append(mo_path)
    return written


def _drop_surplus_plurals(catalogue: polib.POFile) -> None:
    """Chinese has one plural form (nplurals=1), but makemessages may write two
    msgstr[] slots; polib would count the empty second one as untranslated and
    leave the whole entry out, where msgfmt ignores it."""
    found = re.search(r"nplurals\s*=\s*(\d+)", catalogue.metadata.get("Plural-Forms", ""))
    if not found:
        return
    forms = int(found.group(1))
    for entry in catalogue:
        if entry.msgid_plural:
            entry.msgstr_plural = {i: text for i, text in entry.msgstr_plural.items() if i < forms}


if __name__ == "__main__":
    for path in compile_catalogues():
        print(f"compiled {path.relative_to(ROOT)}")
