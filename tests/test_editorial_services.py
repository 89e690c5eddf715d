"""editorial.services: the workflow transitions, who may make them, the log, bulk edits and restoring revisions."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article, Reporter, Section
from editorial import services
from editorial.errors import EditConflict, IllegalMove, InvalidOperation, NotAllowed
from editorial.models import Note, Transition
from editorial.selectors import article_versions
from tests.desk import desk, fresh, page, signed  # noqa: F401  (fixtures)

S = Article.Status
LATER = timezone.now() + timedelta(days=1)

# transition -> (a state it starts from, the state it leads to, how to call it)
TRANSITIONS = {
    "submit": (S.DRAFT, S.IN_REVIEW, lambda a, u: services.article_submit(article=a, user=u)),
    # The first of three review levels (初审): the article stays in review (test_editorial_review.py has the rest).
    "approve": (S.IN_REVIEW, S.IN_REVIEW, lambda a, u: services.article_approve(article=a, user=u)),
    "send_back": (S.IN_REVIEW, S.DRAFT, lambda a, u: services.article_send_back(article=a, user=u, note="请补充数据")),
    "publish": (S.APPROVED, S.PUBLISHED, lambda a, u: services.article_publish(article=a, user=u)),
    "schedule": (S.APPROVED, S.SCHEDULED, lambda a, u: services.article_schedule(article=a, user=u, when=LATER)),
    "unpublish": (S.PUBLISHED, S.UNPUBLISHED, lambda a, u: services.article_unpublish(article=a, user=u)),
    "spike": (S.DRAFT, S.SPIKED, lambda a, u: services.article_spike(article=a, user=u)),
    "correct": (S.PUBLISHED, S.CORRECTED, lambda a, u: services.article_correct(article=a, user=u, correction="更正：数字有误。")),
}
ROLES = ["reporter_own", "reporter_other", "editor", "chief", "superuser", "staff_without_group"]
ALLOWED = {
    "submit": {"reporter_own", "editor", "chief", "superuser"},
    "approve": {"editor", "superuser"},  # 初审 is the 编辑's level
    "send_back": {"editor", "chief", "superuser"},
    "publish": {"chief", "superuser"},
    "schedule": {"chief", "superuser"},
    "unpublish": {"chief", "superuser"},
    "spike": {"chief", "superuser"},
    "correct": {"chief", "superuser"},
}


def _user_for(role: str, desk, article: Article):
    if role.startswith("reporter"):
        user = desk("reporter")
        if role == "reporter_own":
            Reporter.objects.filter(bylines__article=article).update(user=user)
        return user
    return desk("staff" if role == "staff_without_group" else role)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", list(TRANSITIONS))
def test_permission_matrix(name, role, desk, page):
    source, target, call = TRANSITIONS[name]
    Article.objects.filter(pk=page[0].pk).update(status=source)
    if source == S.APPROVED:
        signed(page[0])
    article = fresh(page[0])
    user = _user_for(role, desk, article)
    if role in ALLOWED[name]:
        call(article, user)
        assert fresh(article).status == target
        logged = Transition.objects.get(article=article)
        assert (logged.user, logged.from_status, logged.to_status) == (user, source, target)
    else:
        with pytest.raises(NotAllowed, match="没有权限"):
            call(article, user)
        assert fresh(article).status == source
        assert not Transition.objects.exists()


def test_an_imported_article_goes_through_review_to_publication_and_correction(desk, page, announcements):
    editor, director, chief = desk("editor"), desk("director"), desk("chief")
    article = page[0]
    with announcements() as received:
        services.article_approve(article=article, user=editor, note="核对过原版")  # 初审
        services.article_approve(article=article, user=director)  # 复审
        services.article_approve(article=article, user=chief)  # 终审
        services.article_publish(article=article, user=chief)
        first_published = fresh(article).published_at
        services.article_correct(article=article, user=chief, correction="原文“11个百分点”应为“11.2个百分点”。")

    stored = fresh(article)
    assert stored.status == S.CORRECTED and stored.published_at == first_published
    assert stored.correction.startswith("原文") and stored in Article.objects.published()
    assert stored.version == 6
    assert [(t.from_status, t.to_status) for t in Transition.objects.filter(article=article).order_by("pk")] == [
        (S.IMPORTED, S.IN_REVIEW), (S.IN_REVIEW, S.IN_REVIEW), (S.IN_REVIEW, S.APPROVED),
        (S.APPROVED, S.PUBLISHED), (S.PUBLISHED, S.CORRECTED),
    ]
    assert Transition.objects.filter(article=article).order_by("pk").first().note == "初审：核对过原版"
    assert received == [[article.pk]] * 5


def test_send_back_returns_a_draft_the_reporter_can_resubmit(desk, page):
    editor, reporter = desk("editor"), desk("reporter")
    Reporter.objects.filter(bylines__article=page[0]).update(user=reporter)
    services.article_submit(article=page[0], user=reporter)
    services.article_send_back(article=page[0], user=editor, note="导语太长")
    services.article_submit(article=page[0], user=reporter, note="已改短")
    assert fresh(page[0]).status == S.IN_REVIEW


@pytest.mark.parametrize(
    "name, state",
    [("publish", S.DRAFT), ("publish", S.IMPORTED), ("approve", S.DRAFT), ("submit", S.PUBLISHED),
     ("unpublish", S.APPROVED), ("spike", S.PUBLISHED), ("correct", S.DRAFT), ("schedule", S.IN_REVIEW),
     ("spike", S.SPIKED)],
)
def test_illegal_moves_are_refused_with_a_message_in_the_desks_language(name, state, desk, page):
    Article.objects.filter(pk=page[0].pk).update(status=state)
    article = fresh(page[0])
    with pytest.raises(IllegalMove) as refused:
        TRANSITIONS[name][2](article, desk("superuser"))
    assert "不能" in refused.value.message and "cannot" not in refused.value.message
    assert fresh(article).status == state and fresh(article).version == 1


def test_schedule_needs_a_future_time_and_a_correction_needs_a_note(desk, page):
    chief = desk("chief")
    Article.objects.filter(pk__in=[page[0].pk, page[1].pk]).update(status=S.APPROVED)
    signed(page[0], page[1])
    with pytest.raises(IllegalMove, match="晚于现在"):
        services.article_schedule(article=fresh(page[0]), user=chief, when=timezone.now() - timedelta(minutes=1))
    Article.objects.filter(pk=page[1].pk).update(status=S.PUBLISHED)
    with pytest.raises(IllegalMove, match="更正说明"):
        services.article_correct(article=fresh(page[1]), user=chief, correction="  ")
    assert fresh(page[0]).status == S.APPROVED and fresh(page[1]).status == S.PUBLISHED


def test_scheduled_publish_due_publishes_only_what_is_due(desk, page):
    chief = desk("chief")
    Article.objects.filter(pk__in=[a.pk for a in page]).update(status=S.APPROVED)
    signed(*page)
    services.article_schedule(article=fresh(page[0]), user=chief, when=timezone.now() + timedelta(minutes=5))
    services.article_schedule(article=fresh(page[1]), user=chief, when=timezone.now() + timedelta(hours=5))
    assert services.scheduled_publish_due(now=timezone.now() + timedelta(minutes=10)) == [page[0].pk]
    assert fresh(page[0]).status == S.PUBLISHED and fresh(page[0]).published_at is not None
    assert fresh(page[1]).status == S.SCHEDULED
    logged = Transition.objects.filter(article=page[0]).first()
    assert logged.user is None and logged.to_status == S.PUBLISHED


def test_a_save_from_a_stale_version_is_refused_and_shows_what_changed(desk, page):
    editor, chief = desk("editor", "wang"), desk("chief", "li")
    mine, theirs = fresh(page[0]), fresh(page[0])  # two editors open the same article
    services.articles_assign_section(articles=[theirs], user=chief, section=Section.objects.create(name="经济", slug="jingji"))

    with pytest.raises(EditConflict) as conflict:
        services.article_approve(article=mine, user=editor)

    assert conflict.value.changed_by == "li"
    assert (conflict.value.seen_version, conflict.value.current_version) == (1, 2)
    assert "+版块：经济" in conflict.value.changes
    stored = fresh(page[0])
    assert stored.status == S.IMPORTED and stored.section.name == "经济"
    assert not Transition.objects.exists()


def test_bulk_edits_apply_where_allowed_and_report_the_rest(desk, page):
    reporter = desk("reporter")
    Reporter.objects.filter(bylines__article=page[0]).update(user=reporter)
    # The reporter is credited on every article of the page; publish one so it is no longer theirs to edit.
    Article.objects.filter(pk=page[2].pk).update(status=S.PUBLISHED)
    result = services.articles_add_tags(articles=[fresh(a) for a in page], user=reporter, tags=["电商", "青岛"])
    assert result.done == [page[0].pk, page[1].pk]
    assert len(result.refused) == 1 and "不能修改" in result.refused[0]
    assert sorted(fresh(page[0]).tags.names()) == ["电商", "青岛"]
    assert not fresh(page[2]).tags.exists()
    with pytest.raises(InvalidOperation):
        services.articles_add_tags(articles=page, user=reporter, tags=[])


def test_bulk_move_submits_what_the_user_may_submit(desk, page):
    editor = desk("editor")
    Article.objects.filter(pk=page[1].pk).update(status=S.PUBLISHED)
    result = services.articles_move(articles=[fresh(a) for a in page], user=editor, move_name="submit")
    assert result.done == [page[0].pk, page[2].pk] and len(result.refused) == 1
    assert fresh(page[0]).status == S.IN_REVIEW and fresh(page[1]).status == S.PUBLISHED


def test_revert_brings_back_an_older_text_as_a_new_revision(desk, page):
    editor = desk("editor")
    article = fresh(page[0])
    Section.objects.create(name="经济", slug="jingji")
    services.articles_assign_section(articles=[article], user=editor, section=Section.objects.get())
    article = fresh(article)
    article.title = "改过的标题"
    services.article_store(article=article, user=editor, seen_version=article.version)
    original = article_versions(article_id=article.pk).last()  # the baseline: as imported

    services.article_revert(article=fresh(article), user=editor, version_id=original.pk)

    stored = fresh(article)
    assert stored.title == "第一篇标题" and stored.section is None and stored.version == 4
    assert [b.reporter.name for b in stored.bylines.all()] == ["丁倩倩"]
    assert article_versions(article_id=article.pk).count() == 4  # baseline, two edits, the restore
    assert article_versions(article_id=article.pk).first().revision.comment.startswith("恢复到")


def test_revert_of_a_foreign_version_is_refused(desk, page):
    editor = desk("editor")
    services.article_approve(article=fresh(page[1]), user=editor)
    other_version = article_versions(article_id=page[1].pk).first()
    with pytest.raises(InvalidOperation):
        services.article_revert(article=fresh(page[0]), user=editor, version_id=other_version.pk)


def test_notes_are_kept_for_the_desk(desk, page):
    reporter = desk("reporter")
    Reporter.objects.update(user=reporter)
    note = services.note_add(article=page[0], user=reporter, text=" 第二段数字待核实 ")
    assert note.text == "第二段数字待核实" and list(page[0].notes.all()) == [note]
    with pytest.raises(NotAllowed):
        services.note_add(article=page[0], user=desk("staff"), text="x")
    assert Note.objects.count() == 1


@pytest.mark.parametrize("whose, status", [("other", S.IMPORTED), ("own", S.IN_REVIEW), ("own", S.PUBLISHED)])
def test_a_reporter_notes_only_what_they_may_edit(desk, page, whose, status):
    reporter = desk("reporter")
    if whose == "own":
        Reporter.objects.update(user=reporter)
    Article.objects.filter(pk=page[0].pk).update(status=status)
    with pytest.raises(NotAllowed, match="没有权限"):
        services.note_add(article=fresh(page[0]), user=reporter, text="能看到吗")
    assert not Note.objects.exists()
    # Editors review every article, so they note on any of them.
    services.note_add(article=fresh(page[0]), user=desk("editor"), text="已核对")
    assert Note.objects.count() == 1
