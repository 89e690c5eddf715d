"""Entity links in an article body: the first mention of each entity links to its page."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from linking.gazetteer import NameFinder
from linking.models import Entity, Mention
from text.bodytext import Block


def link_first_mentions(*, blocks: Iterable[Block], mentions: Iterable[Mention]) -> list[Block]:
    """The blocks with HTML-escaped SafeString text in which each entity's first mention is a link.

    mentions: selectors.mentions_for_display(article=...). Blocks come in
    reading order, so "first" is what the reader meets first.
    """
    mentions = list(mentions)
    # The extractor's finder, so a link falls where a mention was found (not in 即墨路).
    finder = NameFinder(
        {form: m.entity_id for m in mentions for form in m.forms},
        places={m.entity_id for m in mentions if m.entity.kind == Entity.Kind.PLACE},
    )
    urls = {m.entity_id: m.entity.get_absolute_url() for m in mentions}
    linked: set[int] = set()
    return [Block(block.kind, _link(block.text, finder, urls, linked)) for block in blocks]


def _link(text: str, finder: NameFinder, urls: dict, linked: set[int]) -> SafeString:
    parts, end = [], 0
    for match, entity_id in finder.matches(text):
        url = urls[entity_id]
        if entity_id in linked:
            continue
        linked.add(entity_id)
        parts.append(escape(text[end: match.start()]))
        parts.append(format_html('<a class="entity" href="{}">{}</a>', url, match.group()))
        end = match.end()
    parts.append(escape(text[end:]))
    return mark_safe("".join(parts))
