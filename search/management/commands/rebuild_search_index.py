"""Rebuild the Chinese full-text index from the articles."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from search.services import rebuild_index


class Command(BaseCommand):
    help = "Segment every article again and rebuild the search index."

    def handle(self, *args, **options):
        self.stdout.write(_("indexed %(count)d articles") % {"count": rebuild_index()})
