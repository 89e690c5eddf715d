"""Publish the scheduled articles whose time has come; meant for cron (e.g. every minute)."""

from django.core.management.base import BaseCommand

from editorial.services import scheduled_publish_due


class Command(BaseCommand):
    help = "Publish every scheduled article whose scheduled_at has passed."

    def handle(self, *args, **options) -> None:
        published = scheduled_publish_due()
        self.stdout.write(f"published {len(published)} scheduled article(s)")
