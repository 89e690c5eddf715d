"""Entity links in an article body: the first mention of each entity links to its page."""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from linking.models import Mention
from text.bodytext import Block


def link_first_mentions(*, blocks: Iterable[Block], mentions: Iterable[Mention]) -> list[Block]:
    """The blocks with HTML-escaped SafeString text in which each entity's first mention is a link.

    mentions: selectors.mentions_for_display(article=...). Blocks come in
    reading order, so "first" is what the reader meets first.
    """
    urls = {}
    for mention in mentions:
        for form in mention.forms:
            urls[form] = (mention.entity_id, mention.entity.get_absolute_url())
    pattern = re.compile("|".join(map(re.escape, sorted(urls, key=len, reverse=True)))) if urls else None
    linked: set[int] = set()
    result = []
    for block in blocks:
        result.append(Block(block.kind, _link(block.text, pattern, urls, linked)))
    return result


def _link(text: str, pattern: re.Pattern | None, urls: dict, linked: set[int]) -> SafeString:
    if pattern is None:
        return mark_safe(escape(text))
    parts, end = [], 0
    for match in pattern.finditer(text):
        entity_id, url = urls[match.group()]
        if entity_id in linked:
            continue
        linked.add(entity_id)
        parts.append(escape(text[end: match.start()]))
        parts.append(format_html('<a class="entity" href="{}">{}</a>', url, match.group()))
        end = match.end()
    parts.append(escape(text[end:]))
    return mark_safe("".join(parts))
