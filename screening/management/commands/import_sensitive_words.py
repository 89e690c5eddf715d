"""Load a word file into the sensitive-word list: `manage.py import_sensitive_words FILE`.

One word a line, optionally `,category,severity` (notice/banned, or 提示/禁用;
banned when left out); blank lines and lines starting with # are skipped.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from screening.services import words_import


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options) -> None:
        try:
            lines = file.read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"{file}: {exc}") from exc
        result = words_import(lines=lines)
        self.stdout.write(f"{result.created} new, {result.updated} updated, {len(result.skipped)} skipped")
        for line in result.skipped:
            self.stderr.write(f"skipped: {line}")
