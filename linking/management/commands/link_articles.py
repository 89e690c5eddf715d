"""Recompute tags, entities, related suggestions and duplicates for every article."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from linking.services.refresh import all_articles_link


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("--suggestions-only", action="store_true", help="only rescore related articles; keep tags and entities")

    def handle(self, *args, suggestions_only: bool, **options):
        total = all_articles_link(extract=not suggestions_only, on_progress=self._progress)
        self.stdout.write(self.style.SUCCESS("\n" + _("%(count)d articles linked.") % {"count": total}))

    def _progress(self, done: int, total: int) -> None:
        filled = 30 * done // total
        self.stdout.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total}", ending="")
        self.stdout.flush()
