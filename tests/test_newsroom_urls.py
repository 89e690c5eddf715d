"""newsroom.urls: the desk (admin) is headed by the install's name, NEWSROOM_SITE_NAME."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test.utils import override_settings
from django.urls import reverse
from django.utils.translation import override

pytestmark = pytest.mark.django_db


@pytest.fixture
def chief(client):
    client.force_login(User.objects.create_superuser("chief", "chief@example.com", "pw"))
    return client


def test_the_desk_is_headed_by_the_product_s_name_in_the_install_s_language(chief):
    html = chief.get(reverse("admin:index")).content.decode()
    assert "<title>新闻编辑系统 | 新闻编辑系统</title>" in html
    assert '<a href="/admin/">新闻编辑系统</a>' in html
    assert "Django" not in html
    with override("en"):
        assert "<title>Newsroom | Newsroom</title>" in chief.get(reverse("admin:index")).content.decode()


def test_the_desk_is_headed_by_the_install_s_own_name_when_set(chief):
    with override_settings(SITE_NAME="青岛日报"):
        html = chief.get(reverse("admin:index")).content.decode()
    assert '<a href="/admin/">青岛日报</a>' in html and "新闻编辑系统" not in html


def test_the_desk_speaks_english_when_the_install_is_set_to_english(chief, published_article):
    with override_settings(LANGUAGE_CODE="en"):
        html = chief.get(reverse("admin:articles_article_changelist")).content.decode()
        change = chief.get(reverse("admin:articles_article_change", args=[published_article.pk])).content.decode()
    assert "Select article to change" in html and "<title>Select article to change | Newsroom</title>" in html
    assert "By status" in html and ">Published</a>" in html  # Article.Status, as the filter offers it
    assert "稿件" not in html and "新闻编辑系统" not in html
    assert '<label for="id_title">Title:</label>' in change
