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


# 三审三校 ---------------------------------------------------------------------

from django.contrib.auth.models import AnonymousUser, Group  # noqa: E402

from editorial.errors import WorkflowError  # noqa: E402
from editorial.models import ProofMark, SignOff  # noqa: E402
from editorial.rules import available_moves, can_edit as rule_can_edit  # noqa: E402

STAGE_ROLES = ["reporter", "editor", "director", "chief", "anonymous"]
# stage: how many of the three default levels (初审, 复审, 终审) have signed; 3 = approved, waiting for 签发.
STAGES = [0, 1, 2, 3]
EVERYONE_ON_THE_DESK = {"editor", "director", "chief"}
MAY = {
    # move: {stage: the roles that may make it}
    "submit": dict.fromkeys(STAGES, set()),  # in review already
    "approve": {0: {"editor"}, 1: {"director"}, 2: {"chief"}, 3: set()},
    # The level that asks returns it; nobody undoes a sign-off above their own level.
    "send_back": {0: EVERYONE_ON_THE_DESK, 1: EVERYONE_ON_THE_DESK, 2: {"director", "chief"}, 3: {"chief"}},
    "publish": {0: set(), 1: set(), 2: set(), 3: {"chief"}},
    "schedule": {0: set(), 1: set(), 2: set(), 3: {"chief"}},
    "unpublish": dict.fromkeys(STAGES, set()),
    "correct": dict.fromkeys(STAGES, set()),
    "spike": dict.fromkeys(STAGES, {"chief"}),
    "mark": dict.fromkeys(STAGES, EVERYONE_ON_THE_DESK),
    "edit": dict.fromkeys(STAGES, EVERYONE_ON_THE_DESK),  # the reporter's copy left their hands at submission
}
CALLS = {
    **{name: call for name, (_, _, call) in TRANSITIONS.items()},
    "mark": lambda a, u: services.mark_add(article=a, user=u, start=0, end=4, query="核实"),
    "edit": lambda a, u: services.check_can_edit(article=a, user=u),
}


def _at_stage(article: Article, stage: int) -> Article:
    Article.objects.filter(pk=article.pk).update(status=S.APPROVED if stage == 3 else S.IN_REVIEW)
    signed(article, levels=stage)
    return fresh(article)


def _stage_user(role: str, desk, article: Article):
    if role == "anonymous":
        return AnonymousUser()
    user = desk(role)
    if role == "reporter":
        Reporter.objects.filter(bylines__article=article).update(user=user)
    return user


@pytest.mark.parametrize("stage", STAGES)
@pytest.mark.parametrize("role", STAGE_ROLES)
@pytest.mark.parametrize("move", list(MAY))
def test_review_level_permission_matrix(move, role, stage, desk, page):
    article = _at_stage(page[0], stage)
    user = _stage_user(role, desk, article)
    try:
        CALLS[move](article, user)
    except WorkflowError:
        allowed = False
    else:
        allowed = True
    assert allowed is (role in MAY[move][stage]), f"{role} {move} at stage {stage}"
    if move == "approve" and allowed:
        assert SignOff.objects.filter(article=article, user=user, voided_at=None).count() == 1
        assert fresh(article).status == (S.APPROVED if stage == 2 else S.IN_REVIEW)


def test_the_matrix_offers_what_the_services_allow(desk, page):
    """The desk's buttons (rules.available_moves) agree with the services, stage by stage."""
    users = {role: _stage_user(role, desk, page[0]) for role in STAGE_ROLES}
    for stage in STAGES:
        SignOff.objects.all().delete()
        article = _at_stage(page[0], stage)
        for role, user in users.items():
            offered = {m.name for m in available_moves(user, fresh(article))}
            expected = {name for name in TRANSITIONS if role in MAY[name][stage]}
            assert offered == expected, (role, stage)
            assert rule_can_edit(user, article) is (role in MAY["edit"][stage])


def test_three_levels_are_signed_by_three_people(desk, page):
    editor = desk("editor")
    editor.groups.add(Group.objects.get(name="部门主任"))  # an editor who also heads the department
    services.article_approve(article=fresh(page[0]), user=editor)
    with pytest.raises(NotAllowed, match="另一审级"):
        services.article_approve(article=fresh(page[0]), user=editor)
    services.article_approve(article=fresh(page[0]), user=desk("director"))
    signoff = SignOff.objects.get(level="second")
    assert signoff.user.username == "director" and signoff.signed_at is not None


def test_publishing_needs_every_level_even_from_an_approved_state(desk, page):
    Article.objects.filter(pk=page[0].pk).update(status=S.APPROVED)  # approved some other way, unsigned
    signed(page[0], levels=2)
    with pytest.raises(IllegalMove, match="终审"):
        services.article_publish(article=fresh(page[0]), user=desk("chief"))
    assert fresh(page[0]).status == S.APPROVED


def test_a_pre_publish_check_can_refuse_publishing_and_the_scheduler(desk, page, monkeypatch):
    def screened(article):
        raise IllegalMove("含有敏感词")

    monkeypatch.setattr(services, "PUBLISH_CHECKS", [*services.PUBLISH_CHECKS, screened])
    article = _at_stage(page[0], 3)
    with pytest.raises(IllegalMove, match="敏感词"):
        services.article_publish(article=article, user=desk("chief"))
    Article.objects.filter(pk=article.pk).update(status=S.SCHEDULED, scheduled_at=timezone.now() - timedelta(minutes=1))
    assert services.scheduled_publish_due() == [] and fresh(article).status == S.SCHEDULED


def test_send_back_returns_the_article_to_the_level_that_asks(desk, page):
    reporter, editor, director, chief = desk("reporter"), desk("editor"), desk("director"), desk("chief")
    Reporter.objects.filter(bylines__article=page[0]).update(user=reporter)
    services.article_approve(article=fresh(page[0]), user=editor)
    services.article_approve(article=fresh(page[0]), user=director)
    services.article_send_back(article=fresh(page[0]), user=director, note="数据来源请注明")

    voided = SignOff.objects.get(level="second")
    assert voided.voided_at is not None and voided.voided_by == director and "复审" in voided.void_reason
    assert SignOff.objects.get(level="first").standing  # the level below stands
    assert fresh(page[0]).status == S.DRAFT
    # The reporter answers in the draft (no sign-off voided by a draft's edit) and resubmits.
    draft = fresh(page[0])
    draft.body += "\n\n（数据来源：市统计局）"
    services.article_store(article=draft, user=reporter, seen_version=draft.version)
    services.article_submit(article=fresh(page[0]), user=reporter)
    assert SignOff.objects.get(level="first").standing
    with pytest.raises(NotAllowed):
        services.article_approve(article=fresh(page[0]), user=editor)  # 初审 already stands
    services.article_approve(article=fresh(page[0]), user=director)
    services.article_approve(article=fresh(page[0]), user=chief)
    assert fresh(page[0]).status == S.APPROVED
    assert Transition.objects.filter(article=page[0], to_status=S.DRAFT).get().note == "复审：数据来源请注明"


def test_an_editors_fix_after_a_higher_sign_off_sends_it_back_to_that_level(desk, page):
    editor = desk("editor")
    article = _at_stage(page[0], 3)
    article.title = "改过的标题"
    services.article_store(article=article, user=editor, seen_version=article.version)

    standing = {s.level for s in SignOff.objects.filter(article=page[0], voided_at=None)}
    assert standing == {"first"}
    stored = fresh(page[0])
    assert stored.status == S.IN_REVIEW and stored.title == "改过的标题"
    assert Transition.objects.get(article=page[0]).to_status == S.IN_REVIEW


def test_a_fix_by_the_final_level_or_outside_the_text_voids_nothing(desk, page):
    chief, editor = desk("chief"), desk("editor")
    article = _at_stage(page[0], 3)
    article.body = article.body.replace("电商", "电子商务")
    services.article_store(article=article, user=chief, seen_version=article.version)
    services.articles_add_tags(articles=[fresh(page[0])], user=editor, tags=["电商"])
    assert SignOff.objects.filter(article=page[0], voided_at=None).count() == 3
    assert fresh(page[0]).status == S.APPROVED


def test_a_byline_fix_is_a_text_edit(desk, page):
    from editorial import operations

    article = _at_stage(page[0], 2)
    operations.article_set_bylines(article=article, user=desk("editor"), people=[("记者", "王明")])
    assert {s.level for s in SignOff.objects.filter(article=page[0], voided_at=None)} == {"first"}


def test_open_marks_hold_up_only_the_final_level(desk, page):
    editor, director, chief, reporter = desk("editor"), desk("director"), desk("chief"), desk("reporter")
    Reporter.objects.filter(bylines__article=page[0]).update(user=reporter)
    mark = services.mark_add(article=fresh(page[0]), user=editor, start=5, end=9, query="“青岛电商”是否应为全称？")
    assert mark.passage == fresh(page[0]).body[5:9] and mark.is_open
    services.article_approve(article=fresh(page[0]), user=editor)
    services.article_approve(article=fresh(page[0]), user=director)
    with pytest.raises(NotAllowed, match="校对"):
        services.article_approve(article=fresh(page[0]), user=chief)
    services.mark_resolve(mark=mark, user=reporter)  # the reporter answers their own story's query
    services.article_approve(article=fresh(page[0]), user=chief)
    assert fresh(page[0]).status == S.APPROVED
    with pytest.raises(InvalidOperation):
        services.mark_resolve(mark=ProofMark.objects.get(), user=editor)


@pytest.mark.parametrize("start, end", [(-1, 3), (3, 3), (5, 2), (0, 10_000)])
def test_a_mark_covers_a_passage_of_the_body(start, end, desk, page):
    with pytest.raises(InvalidOperation):
        services.mark_add(article=fresh(page[0]), user=desk("editor"), start=start, end=end, query="?")
    assert not ProofMark.objects.exists()


def test_only_reviewers_mark_and_only_they_or_the_reporter_resolve(desk, page):
    reporter = desk("reporter")
    with pytest.raises(NotAllowed):
        services.mark_add(article=fresh(page[0]), user=reporter, start=0, end=2, query="?")
    mark = services.mark_add(article=fresh(page[0]), user=desk("editor"), start=0, end=2, query="?")
    with pytest.raises(NotAllowed):
        services.mark_resolve(mark=mark, user=reporter)  # not their story: no account linked
    assert ProofMark.objects.get().is_open
