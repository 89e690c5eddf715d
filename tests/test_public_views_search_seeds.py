"""Alias expansion on the seed pages with the real gazetteer: 黄岛区 finds the 西海岸新区 stories."""

from __future__ import annotations

import pytest

from articles.models import Article
from linking.models import Alias

pytestmark = pytest.mark.django_db


def test_huangdao_finds_the_west_coast_stories(client, seeded_archive):
    assert Alias.objects.get(name="黄岛区").entity.name == "西海岸新区"
    west_coast = set(Article.objects.published().filter(body__contains="西海岸新区").values_list("pk", flat=True))
    assert west_coast and not Article.objects.filter(body__contains="黄岛").exists()
    response = client.get("/search/", {"q": "黄岛区"})
    every_hit = set(response.context["page_obj"].paginator.object_list)
    assert west_coast <= every_hit
    assert "<mark>西海岸新区</mark>" in response.content.decode()
