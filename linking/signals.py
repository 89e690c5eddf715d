"""Signals linking sends, so that it never imports the layers that show its work.

``links_changed`` is sent after tags, mentions, related links or duplicates
were bulk-written (which sends no save signals); the public site drops its
cached pages. ``article_ids`` lists the articles concerned, or is None for all.
"""

from django.dispatch import Signal

links_changed = Signal()
