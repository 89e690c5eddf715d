"""linking.rendering.link_first_mentions."""

from __future__ import annotations

import pytest
from django.utils.safestring import SafeString

from articles.parsing.records import PARAGRAPH, SUBHEAD, Block
from linking.models import Entity, Mention
from linking.rendering import link_first_mentions

pytestmark = pytest.mark.django_db


@pytest.fixture
def mentions(make_article):
    article = make_article()
    west = Entity.objects.create(name="西海岸新区", kind="place", slug="xihaianxinqu")
    port = Entity.objects.create(name="青岛港", kind="organisation", slug="qingdaogang")
    return [
        Mention(article=article, entity=west, forms=["黄岛区", "西海岸新区"], position=0),
        Mention(article=article, entity=port, forms=["青岛港"], position=1),
    ]


def test_the_first_mention_of_each_entity_links_to_its_page(mentions):
    blocks = [
        Block(SUBHEAD, "黄岛区<新>动能"),
        Block(PARAGRAPH, "西海岸新区与青岛港合作，青岛港扩建 & 黄岛区受益。"),
    ]
    linked = link_first_mentions(blocks=blocks, mentions=mentions)
    assert [b.kind for b in linked] == [SUBHEAD, PARAGRAPH]
    assert all(isinstance(b.text, SafeString) for b in linked)
    assert linked[0].text == '<a class="entity" href="/entities/xihaianxinqu/">黄岛区</a>&lt;新&gt;动能'
    assert linked[1].text == (
        '西海岸新区与<a class="entity" href="/entities/qingdaogang/">青岛港</a>合作，青岛港扩建 &amp; 黄岛区受益。'
    )


def test_without_mentions_text_is_only_escaped():
    linked = link_first_mentions(blocks=[Block(PARAGRAPH, "<script>")], mentions=[])
    assert linked[0].text == "&lt;script&gt;"


def test_a_place_is_linked_where_it_is_the_place_not_inside_a_road_or_school(make_article):
    article = make_article()
    jimo = Entity.objects.create(name="即墨区", kind="place", slug="jimoqu")
    mentions = [Mention(article=article, entity=jimo, forms=["即墨"], position=0)]
    linked = link_first_mentions(blocks=[Block(PARAGRAPH, "即墨路小商品城搬到了即墨。")], mentions=mentions)
    assert linked[0].text == '即墨路小商品城搬到了<a class="entity" href="/entities/jimoqu/">即墨</a>。'
