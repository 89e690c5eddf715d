"""linking.services.extraction, run by the articles_changed receiver on import."""

from __future__ import annotations

import re

import pytest
from taggit.models import Tag

from articles.models import Article
from linking.keywords import stop_words
from linking.models import AutoTag, Entity, EntitySuggestion, Mention, Profile
from linking.services.extraction import articles_extract
from tests.linkingdata import gazetteer  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

BANNED = {"记者", "表示", "今年", "进一步", "通讯员", "目前", "发展"}


@pytest.fixture
def seeds(seeded_archive, db):
    """The seed pages as imported (and so extracted), shared by the module; each test's changes roll back."""


def tag_names(article: Article) -> list[str]:
    return sorted(article.tags.names())


def article_titled(fragment: str) -> Article:
    return Article.objects.get(title__contains=fragment)


def test_every_seed_article_gets_three_clickable_tags(seeds):
    assert Article.objects.count() == 31
    for article in Article.objects.all():
        names = tag_names(article)
        assert len(names) >= 3, (article.display_title, names)
        for name in names:
            assert len(name) >= 2, name
            assert not re.search(r"\d", name), name
            assert name not in BANNED and name not in stop_words(), name


def test_tags_are_the_story_s_subject(seeds):
    assert {"直播电商", "电商"} <= set(tag_names(article_titled("青岛电商")))
    assert "微短剧" in tag_names(article_titled("微短剧"))  # from the user dictionary, one word
    assert "上合示范区" in tag_names(article_titled("上合示范区聚力扩能提质"))


def test_reporters_in_the_byline_are_not_tags(seeds):
    article = article_titled("青岛电商")
    assert "丁倩倩" not in tag_names(article)


def test_tags_get_pinyin_slugs(seeds):
    assert Tag.objects.get(name="直播电商").slug == "zhibodianshang"  # one word in the user dictionary


def test_reextraction_replaces_only_its_own_tags(seeds):
    article = article_titled("青岛电商")
    auto = set(tag_names(article))
    article.tags.add("编辑精选")  # an editor's tag
    dropped = sorted(auto)[0]
    article.tags.remove(dropped)  # an editor takes an extracted tag off
    article.kicker, article.title, article.subtitle = "", "茶园民宿红火", ""
    article.body = "崂山区的茶园和民宿吸引游客。茶园采茶，民宿接待，乡村旅游红火。"
    article.save()

    articles_extract(article_ids=[article.pk])

    names = set(tag_names(article))
    assert "编辑精选" in names
    assert dropped not in names
    assert {"茶园", "民宿"} <= names
    # Extracted tags no longer found in the new text are gone.
    assert not (auto - {dropped}) & names
    assert AutoTag.objects.get(article=article, tag__name=dropped).removed


def test_an_editor_s_removal_survives_another_extraction(seeds):
    article = article_titled("青岛电商")
    dropped = tag_names(article)[0]
    article.tags.remove(dropped)
    articles_extract(article_ids=[article.pk])
    articles_extract(article_ids=[article.pk])
    assert dropped not in tag_names(article)


def test_gazetteer_entities_and_aliases_are_found(seeds):
    west_coast = Entity.objects.get(name="西海岸新区")
    article = article_titled("民生实事")
    mention = Mention.objects.get(article=article, entity=west_coast)
    assert mention.forms[0] == "西海岸新区"
    assert Mention.objects.filter(entity__name="上合示范区", article=article_titled("上合示范区聚力扩能提质")).exists()
    assert Mention.objects.filter(entity__name="海尔卡奥斯", article=article_titled("海尔卡奥斯")).exists()


def test_an_alias_is_read_as_its_entity(gazetteer, make_article):
    article = make_article(title="黄岛区新建三所学校", body="黄岛区今年新建三所学校。西海岸新区教育局介绍，崂山也在建。")
    articles_extract(article_ids=[article.pk])
    mentions = {m.entity.name: m.forms for m in Mention.objects.filter(article=article).select_related("entity")}
    assert mentions["西海岸新区"] == ["黄岛区", "西海岸新区"]
    assert mentions["崂山区"] == ["崂山"]
    assert "青岛" not in mentions


def test_the_long_name_of_an_organisation_is_its_alias(gazetteer, make_article):
    article = make_article(title="示范区新动能", body="中国—上海合作组织地方经贸合作示范区发布新政。")
    articles_extract(article_ids=[article.pk])
    assert list(Mention.objects.filter(article=article).values_list("entity__name", flat=True)) == ["上合示范区"]


def test_unknown_names_become_suggestions_not_links(seeds):
    suggested = set(EntitySuggestion.objects.values_list("name", flat=True))
    assert suggested
    assert not suggested & set(Entity.objects.values_list("name", flat=True))
    assert "丁倩倩" not in suggested and "黄飞" not in suggested  # reporters are in the byline
    assert not Mention.objects.filter(entity__name__in=suggested).exists()


def test_profiles_hold_a_compact_vector_and_fingerprint(seeds):
    profile = Profile.objects.get(article=article_titled("青岛电商"))
    assert 10 <= len(profile.terms) <= 40
    assert "直播电商" in profile.terms
    assert profile.simhash != 0


def test_a_page_is_extracted_in_a_fixed_number_of_queries(gazetteer, source_page, make_article, django_assert_max_num_queries):
    few = [make_article(title=f"崂山区茶园{i}", body="崂山区的茶园和民宿吸引游客。").pk for i in range(2)]
    many = [make_article(title=f"市南区街道{i}", body="市南区的街道和社区开展创城。").pk for i in range(8)]
    with django_assert_max_num_queries(30) as small:
        articles_extract(article_ids=few)
    with django_assert_max_num_queries(len(small.captured_queries)):
        articles_extract(article_ids=many)


def test_a_place_inside_a_longer_name_is_not_mentioned(gazetteer, make_article):
    article = make_article(title="老街新貌", body="即墨路小商品城和青岛农业大学的师生，青岛市委的调研组都来了。")
    articles_extract(article_ids=[article.pk])
    assert not Mention.objects.filter(article=article).exists()
