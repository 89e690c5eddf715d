"""public.context_processors: every public page names the install, NEWSROOM_SITE_NAME."""

from __future__ import annotations

import pytest
from django.test.utils import override_settings

pytestmark = pytest.mark.django_db


def test_public_pages_carry_the_product_s_name_by_default(client, published_article):
    html = client.get("/").content.decode()
    assert "<title>新闻编辑系统</title>" in html
    assert ">新闻编辑系统</a>" in html  # the header's brand


def test_public_pages_carry_the_install_s_own_name_when_set(client, published_article):
    with override_settings(SITE_NAME="青岛日报"):
        html = client.get(published_article.get_absolute_url()).content.decode()
    assert f"<title>{published_article.display_title} - 青岛日报</title>" in html
    assert ">青岛日报</a>" in html and "新闻编辑系统" not in html
