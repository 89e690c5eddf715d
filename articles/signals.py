"""Signals the articles app sends, so that it never imports the apps that react.

``articles_changed`` is sent after articles were created or their content
changed and the change is committed: by the importer once per page, and by
the editorial services after an edit. Receivers (the search index, tags and
links, caches) get ``article_ids``, a list of primary keys.
"""

from django.dispatch import Signal

articles_changed = Signal()
