"""A printed page's picture and PDF: NN.jpg / NN.png and NN.pdf next to its NN.txt.

A scan has the page file's stem (01-要闻.jpg beside 01-要闻.txt), or only its
版次 (01.jpg beside 01-要闻.txt), as e-paper exports name their pictures.
The e-paper shows the picture with a link on each story's zone and offers the
PDF for download; the text file stays the page's source of truth.
"""

from __future__ import annotations

import re
from pathlib import Path

from django.core.files import File
from django.db import transaction

from articles.models import SourcePage

# Which sibling file fills which field; the first found of a field's suffixes wins.
SCAN_SUFFIXES = {"image": (".jpg", ".jpeg", ".png"), "pdf": (".pdf",)}
_NUMBERED_STEM = re.compile(r"^(\d{1,3})-.+$")  # 01-要闻: the 版次, then the 版名


def page_scan_files(path: Path) -> dict[str, Path]:
    """The scans lying next to a page file: {"image": …, "pdf": …}, those found; a scan
    with the page file's whole stem before one with its 版次 only."""
    stems = [path.stem]
    numbered = _NUMBERED_STEM.match(path.stem)
    if numbered:
        stems.append(numbered.group(1))
    found = {}
    for field, suffixes in SCAN_SUFFIXES.items():
        for stem in stems:
            siblings = {p.suffix.lower(): p for p in path.parent.glob(f"{_glob_escape(stem)}.*") if p.is_file()}
            match = next((siblings[s] for s in suffixes if s in siblings), None)
            if match is not None:
                found[field] = match
                break
    return found


def is_page_scan(path: Path) -> bool:
    """A picture or PDF with its page file beside it (same stem, or the 版次 of its stem)."""
    suffix = path.suffix.lower()
    if not any(suffix in suffixes for suffixes in SCAN_SUFFIXES.values()):
        return False
    if path.with_suffix(".txt").is_file():
        return True
    return path.stem.isascii() and path.stem.isdigit() and any(
        p.suffix.lower() == ".txt" for p in path.parent.glob(f"{path.stem}-*")
    )


def _glob_escape(text: str) -> str:
    return "".join(f"[{ch}]" if ch in "*?[" else ch for ch in text)


@transaction.atomic
def page_scans_attach(*, source: SourcePage, path: Path) -> list[str]:
    """Store the scans next to the page's file on the page; returns the fields that changed.

    A scan whose bytes are already stored is left alone, so importing the same
    folder again writes no file and makes no cached page stale.
    """
    changed = []
    for field, scan in page_scan_files(path).items():
        current = getattr(source, field)
        data = scan.read_bytes()
        if current and _stored_bytes(current) == data:
            continue
        if current:
            current.delete(save=False)  # the old picture of this page, not kept beside the new one
        with scan.open("rb") as handle:
            current.save(scan.name, File(handle), save=False)
        changed.append(field)
    if changed:
        source.full_clean()
        source.save(update_fields=changed)
    return changed


def _stored_bytes(field_file) -> bytes | None:
    try:
        with field_file.storage.open(field_file.name, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        return None
