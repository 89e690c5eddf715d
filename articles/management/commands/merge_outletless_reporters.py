"""Merge each reporter printed without a paper into its namesake at the paper of its pages.

Imports from before an empty byline outlet took the page's paper stored 张三 and
张三 of 某某日报 as two reporters; this merges those pairs (articles.services.reporters).
"""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.core.exceptions import ValidationError
from django.utils.translation import gettext, ngettext

from articles.services.reporters import outletless_twins, reporters_merge


class Command(BaseCommand):
    help = "Merge reporters stored without an outlet into the reporter of that name at the paper of their pages."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="list the pairs, merge nothing")

    def handle(self, *args, dry_run: bool = False, **options) -> None:
        merged = 0
        for reporter, twin in outletless_twins():
            self.stdout.write(f"{reporter.slug} → {twin.slug} ({twin})")
            if dry_run:
                continue
            try:
                reporters_merge(into=twin, others=[reporter])
            except ValidationError as exc:  # two desk accounts: the editors decide
                self.stderr.write(gettext("%(slug)s not merged: %(reason)s") % {"slug": reporter.slug, "reason": " ".join(exc.messages)})
            else:
                merged += 1
        if not dry_run:
            self.stdout.write(ngettext("%(count)d reporter merged", "%(count)d reporters merged", merged) % {"count": merged})
