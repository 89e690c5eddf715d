"""Screening on the desk: 签发 refused while a banned word stands, the chief's logged override for
one text, the hits highlighted on the review page, the admin list's filter and the word file upload."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from editorial import services
from editorial.errors import IllegalMove, InvalidOperation, NotAllowed
from editorial.models import Transition
from screening.models import ScreeningOverride, SensitiveWord
from screening.services import articles_screen, words_import
from screening.wordlist import new_generation
from tests.desk import desk, fresh, page, signed  # noqa: F401  (fixtures)

S = Article.Status
LATER = timezone.now() + timedelta(days=1)


@pytest.fixture
def approved(page) -> Article:
    """The first article of the page, approved, with a banned word and a word to check in its body."""
    words_import(lines=["赌博,违法,banned", "直播,网络,notice"])
    body = page[0].body.replace("讲直播基地", "讲直播基地里的赌博")
    Article.objects.filter(pk=page[0].pk).update(status=S.APPROVED, body=body)
    signed(page[0])  # every review level has signed: only the words can hold it
    return fresh(page[0])


def test_publishing_is_refused_while_a_banned_word_stands(desk, approved):
    chief = desk("chief")
    with pytest.raises(IllegalMove, match="赌博"):
        services.article_publish(article=approved, user=chief)
    with pytest.raises(IllegalMove, match="赌博"):
        services.article_schedule(article=fresh(approved), user=chief, when=LATER)
    assert fresh(approved).status == S.APPROVED and not Transition.objects.exists()


def test_words_to_check_alone_do_not_hold_publishing(desk, approved):
    SensitiveWord.objects.filter(word="赌博").update(severity=SensitiveWord.Severity.NOTICE)
    new_generation()  # a queryset update sends no signal
    services.article_publish(article=approved, user=desk("chief"))
    assert fresh(approved).status == S.PUBLISHED


def test_the_bulk_publish_action_is_held_too(desk, approved, page):
    Article.objects.filter(pk=page[1].pk).update(status=S.APPROVED)
    signed(page[1])
    result = services.articles_move(articles=Article.objects.filter(pk__in=[approved.pk, page[1].pk]), user=desk("chief"),
                                    move_name="publish")
    assert result.done == [page[1].pk] and "赌博" in result.refused[0]


def test_the_chief_lets_them_stand_with_a_note_and_publishes(desk, approved):
    chief = desk("chief")
    override = services.article_override_screening(article=approved, user=chief, note="报道禁赌行动，引用原文")
    assert (override.user, override.words, override.note) == (chief, ["赌博"], "报道禁赌行动，引用原文")
    services.article_publish(article=fresh(approved), user=chief)
    assert fresh(approved).status == S.PUBLISHED


def test_an_override_needs_a_note_the_role_and_a_banned_word(desk, approved, page):
    with pytest.raises(InvalidOperation):
        services.article_override_screening(article=approved, user=desk("chief"), note="  ")
    with pytest.raises(NotAllowed):
        services.article_override_screening(article=approved, user=desk("editor"), note="我觉得可以")
    with pytest.raises(InvalidOperation):
        services.article_override_screening(article=page[1], user=desk("superuser"), note="没有禁用词")
    assert not ScreeningOverride.objects.exists()


def test_an_override_covers_the_text_it_was_given_for_only(desk, approved):
    chief = desk("chief")
    services.article_override_screening(article=approved, user=chief, note="引用原文")
    article = fresh(approved)
    article.body += "\n\n又一处赌博。"
    services.article_store(article=article, user=chief, seen_version=article.version)
    with pytest.raises(IllegalMove, match="赌博"):
        services.article_publish(article=fresh(approved), user=chief)


def test_an_override_does_not_cover_a_word_banned_later(desk, approved):
    chief = desk("chief")
    services.article_override_screening(article=approved, user=chief, note="引用原文")
    SensitiveWord.objects.create(word="直播基地")
    with pytest.raises(IllegalMove, match="直播基地"):
        services.article_publish(article=fresh(approved), user=chief)


def test_the_scheduler_does_not_publish_a_text_edited_into_banned_words(desk, page):
    chief = desk("chief")
    Article.objects.filter(pk=page[0].pk).update(status=S.APPROVED)
    signed(page[0])
    services.article_schedule(article=fresh(page[0]), user=chief, when=LATER)
    words_import(lines=["跨境电商"])  # in page[0]'s body: banned after it was scheduled
    assert services.scheduled_publish_due(now=LATER + timedelta(minutes=1)) == []
    assert fresh(page[0]).status == S.SCHEDULED


@pytest.fixture
def chief_client(desk) -> Client:
    client = Client()
    client.force_login(desk("chief"))
    return client


def test_the_review_page_marks_the_hits_and_offers_the_override(chief_client, approved):
    html = chief_client.get(reverse("editorial:review", args=[approved.pk])).content.decode()
    assert '讲直播基地里的<mark class="sensitive-ban" title="违法">赌博</mark>。' in html
    assert '讲<mark class="sensitive-notice" title="网络">直播</mark>基地里的赌博' in html
    assert reverse("editorial:screening_override", args=[approved.pk]) in html


def test_an_editor_sees_the_hits_but_no_override(desk, approved):
    client = Client()
    client.force_login(desk("editor"))
    html = client.get(reverse("editorial:review", args=[approved.pk])).content.decode()
    assert 'class="sensitive-ban"' in html
    assert reverse("editorial:screening_override", args=[approved.pk]) not in html


def test_the_override_from_the_review_page_is_logged_and_shown(chief_client, approved):
    url = reverse("editorial:screening_override", args=[approved.pk])
    response = chief_client.post(url, {"note": "引用法院判决原文"})
    assert response.status_code == 302 and response["Location"].endswith("#screening")
    assert ScreeningOverride.objects.get().note == "引用法院判决原文"
    html = chief_client.get(reverse("editorial:review", args=[approved.pk])).content.decode()
    assert "引用法院判决原文" in html and url not in html  # covered: nothing left to override


def test_the_override_form_refuses_an_empty_note(chief_client, approved):
    chief_client.post(reverse("editorial:screening_override", args=[approved.pk]), {"note": ""})
    assert not ScreeningOverride.objects.exists()


def test_the_article_list_filters_on_the_stored_hits(chief_client, approved, page):
    articles_screen(article_ids=[a.pk for a in page])
    changelist = reverse("admin:articles_article_changelist")

    def listed(value: str) -> set[int]:
        return {a.pk for a in chief_client.get(changelist, {"screening": value}).context["cl"].result_list}

    assert listed("banned") == {approved.pk}
    assert listed("notice") == {approved.pk}
    assert listed("none") == {page[1].pk, page[2].pk}


def test_a_word_file_uploaded_in_the_admin(chief_client):
    upload = SimpleUploadedFile("words.txt", "赌博,违法,禁用\n网贷,金融,提示\n坏行,,没有这级\n".encode())
    response = chief_client.post(reverse("admin:screening_sensitiveword_import"), {"file": upload})
    assert response.status_code == 302
    assert set(SensitiveWord.objects.values_list("word", "severity")) == {("赌博", "banned"), ("网贷", "notice")}


def test_a_reporter_may_not_upload_words(desk):
    client = Client()
    client.force_login(desk("reporter"))
    upload = SimpleUploadedFile("words.txt", "赌博\n".encode())
    assert client.post(reverse("admin:screening_sensitiveword_import"), {"file": upload}).status_code == 403
    assert not SensitiveWord.objects.exists()


def test_the_review_page_marks_a_word_as_printed(chief_client, page):
    words_import(lines=["发展,,banned", "vpn,,notice"])
    Article.objects.filter(pk=page[1].pk).update(body="港口的發展與VPN。")
    html = chief_client.get(reverse("editorial:review", args=[page[1].pk])).content.decode()
    assert '港口的<mark class="sensitive-ban">發展</mark>與VPN。' in html
    assert '港口的發展與<mark class="sensitive-notice">VPN</mark>。' in html


def test_the_part_continued_on_a_later_page_is_screened_with_the_first(chief_client, desk, page):
    words_import(lines=["航运"])  # in page[1]'s body only
    Article.objects.filter(pk=page[0].pk).update(status=S.APPROVED, continues_to="第二版")
    signed(page[0])
    Article.objects.filter(pk=page[1].pk).update(continuation_of=page[0], continued_from="第一版")
    chief = desk("superuser", username="chief2")
    with pytest.raises(IllegalMove, match="航运"):
        services.article_publish(article=fresh(page[0]), user=chief)
    html = chief_client.get(reverse("editorial:review", args=[page[0].pk])).content.decode()
    assert '讲<mark class="sensitive-ban">航运</mark>' in html
    services.article_override_screening(article=fresh(page[0]), user=chief, note="航运是正常词，词表有误")
    Article.objects.filter(pk=page[1].pk).update(body=page[1].body + "\n\n再谈航运。")  # the later part edited since
    with pytest.raises(IllegalMove, match="航运"):
        services.article_publish(article=fresh(page[0]), user=chief)
    services.article_override_screening(article=fresh(page[0]), user=chief, note="航运是正常词，词表有误")
    services.article_publish(article=fresh(page[0]), user=chief)
    assert fresh(page[0]).status == S.PUBLISHED


def test_the_word_list_in_the_admin(chief_client):
    changelist = reverse("admin:screening_sensitiveword_changelist")
    assert reverse("admin:screening_sensitiveword_import") in chief_client.get(changelist).content.decode()
    response = chief_client.post(reverse("admin:screening_sensitiveword_add"), {
        "word": " 赌博 ", "category": "违法", "severity": "banned", "active": "on", "note": "",
    })
    assert response.status_code == 302
    assert SensitiveWord.objects.get().word == "赌博"  # stripped: a padded word would never match
