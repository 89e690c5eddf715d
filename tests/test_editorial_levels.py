"""editorial.levels: the review levels from settings, and a section's own levels."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from articles.models import Article, Section
from editorial import services
from editorial.levels import level_label, levels_for
from editorial.models import SignOff
from tests.desk import desk, fresh, page  # noqa: F401  (fixtures)

S = Article.Status


def test_three_levels_by_default_named_in_the_desks_language(page):
    assert [(level.key, str(level)) for level in levels_for(page[0])] == [("first", "初审"), ("second", "复审"), ("final", "终审")]
    assert levels_for(page[0])[2].groups == {"主编", "总编辑"}
    assert level_label("gone") == "gone"  # a sign-off of a level since removed from the settings


def test_a_section_may_pass_fewer_levels(desk, page, settings):
    settings.NEWSROOM_SECTION_REVIEW_LEVELS = {"brief": ["first", "final"]}
    Article.objects.filter(pk=page[0].pk).update(section=Section.objects.create(name="简讯", slug="brief"))
    assert [level.key for level in levels_for(fresh(page[0]))] == ["first", "final"]
    assert [level.key for level in levels_for(fresh(page[1]))] == ["first", "second", "final"]  # no section
    services.article_approve(article=fresh(page[0]), user=desk("editor"))
    services.article_approve(article=fresh(page[0]), user=desk("chief"))
    assert fresh(page[0]).status == S.APPROVED
    assert list(SignOff.objects.values_list("level", flat=True)) == ["first", "final"]


def test_the_newsroom_sets_its_own_levels(desk, page, settings):
    settings.NEWSROOM_REVIEW_LEVELS = [{"key": "only", "label": "Final review", "groups": ["编辑"]}]
    services.article_approve(article=fresh(page[0]), user=desk("editor"))
    assert fresh(page[0]).status == S.APPROVED


@pytest.mark.parametrize("levels, sections", [([], {}), ([{"key": "a", "label": "A", "groups": []}] * 2, {}),
                                               (None, {"brief": ["nope"]})])
def test_a_misconfiguration_is_refused_loudly(levels, sections, page, settings):
    if levels is not None:
        settings.NEWSROOM_REVIEW_LEVELS = levels
    settings.NEWSROOM_SECTION_REVIEW_LEVELS = sections
    Article.objects.filter(pk=page[0].pk).update(section=Section.objects.create(name="简讯", slug="brief"))
    with pytest.raises(ImproperlyConfigured):
        levels_for(fresh(page[0]))
