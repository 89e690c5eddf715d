"""linking.management.commands.link_articles."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from linking.models import Profile, RelatedLink

pytestmark = pytest.mark.django_db


def test_link_articles_recomputes_everything_with_progress(make_article):
    for i in range(3):
        make_article(title=f"崂山茶园{i}", body="崂山区王哥庄的茶园和民宿吸引游客，茶园采茶，民宿接待。")
    out = StringIO()
    call_command("link_articles", stdout=out)
    assert Profile.objects.count() == 3
    assert RelatedLink.objects.count() == 6
    assert "3/3" in out.getvalue() and "已关联 3 篇稿件。" in out.getvalue()


def test_suggestions_only_keeps_extraction(make_article):
    article = make_article(title="崂山茶园", body="崂山区茶园。")
    call_command("link_articles", "--suggestions-only", stdout=StringIO())
    assert not Profile.objects.filter(article=article).exists()
