"""Print every article as JSON: our export shape, or IPTC ninjs 3.1 items."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand

from articles.exporting import article_export, article_ninjs
from articles.models import Article
from editorial.exports import articles_for_export

FORMATS = {"json": article_export, "ninjs": article_ninjs}


class Command(BaseCommand):
    help = "Export articles as a JSON array (--format json) or IPTC ninjs 3.1 items (--format ninjs)."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=sorted(FORMATS), default="json")
        parser.add_argument("--status", choices=[s.value for s in Article.Status], help="only articles in this state")

    def handle(self, *args, format, status, **options):
        serialise = FORMATS[format]
        items = [serialise(article) for article in articles_for_export(status=status)]
        self.stdout.write(json.dumps(items, ensure_ascii=False, indent=2))
