"""A printed page's picture and PDF: NN.jpg / NN.png and NN.pdf next to its NN.txt.

The e-paper shows the picture with a link on each story's zone and offers the
PDF for download; the text file stays the page's source of truth.
"""

from __future__ import annotations

from pathlib import Path

from django.core.files import File
from django.db import transaction

from articles.models import SourcePage

# Which sibling file fills which field; the first found of a field's suffixes wins.
SCAN_SUFFIXES = {"image": (".jpg", ".jpeg", ".png"), "pdf": (".pdf",)}


def page_scan_files(path: Path) -> dict[str, Path]:
    """The scans lying next to a page file (same stem): {"image": …, "pdf": …}, those found."""
    found = {}
    siblings = {p.suffix.lower(): p for p in path.parent.glob(f"{_glob_escape(path.stem)}.*") if p.is_file()}
    for field, suffixes in SCAN_SUFFIXES.items():
        match = next((siblings[s] for s in suffixes if s in siblings), None)
        if match is not None:
            found[field] = match
    return found


def is_page_scan(path: Path) -> bool:
    """A picture or PDF with a page file of the same stem beside it."""
    suffix = path.suffix.lower()
    is_scan = any(suffix in suffixes for suffixes in SCAN_SUFFIXES.values())
    return is_scan and path.with_suffix(".txt").is_file()


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
