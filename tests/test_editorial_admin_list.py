"""The article list on the desk, condensed for a 1280 px screen: the headline in one
column, where it was printed in one cell, at most two tags, warnings as a count."""

from __future__ import annotations

import re

from django.test import Client
from django.urls import reverse

from articles.models import Article
from tests.desk import desk, page  # noqa: F401  (fixtures)


def _row(html: str, pk: int) -> str:
    found = re.search(rf'<tr[^>]*>(?:(?!</tr>).)*?/admin/articles/article/{pk}/change/(?:(?!</tr>).)*</tr>', html, re.S)
    assert found, pk
    return found.group(0)


def _list(desk) -> str:
    client = Client()
    client.force_login(desk("chief"))
    return client.get(reverse("admin:articles_article_changelist")).content.decode()


def test_warnings_are_a_count_not_a_tick(desk, page):
    Article.objects.filter(pk=page[0].pk).update(warnings=[{"code": "byline_at_end", "params": {}}] * 2)
    html = _list(desk)
    assert re.search(r'<td class="field-warning_count">2</td>', _row(html, page[0].pk))
    assert re.search(r'<td class="field-warning_count">—</td>', _row(html, page[1].pk))
    assert "icon-yes.svg" not in html and "icon-no.svg" not in html


def test_the_row_shows_the_printed_place_and_at_most_two_tags(desk, page):
    page[0].tags.add("港口", "物流", "外贸")
    row = _row(_list(desk), page[0].pk)
    assert f"· {page[0].position}</td>" in row
    assert "另 1 个" in row and row.count("、") >= 1
    assert '<th class="field-headline">' in row
