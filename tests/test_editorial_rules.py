"""editorial.rules: who may edit which article in which state, and which moves the desk offers."""

from __future__ import annotations

import pytest

from articles.models import Article, Reporter
from editorial.rules import available_moves, can_add_note, can_edit
from tests.desk import desk, fresh, page  # noqa: F401  (fixtures)

S = Article.Status

EDITABLE = {
    # role: states in which the role may change the text
    "reporter_own": {S.IMPORTED, S.DRAFT},
    "reporter_other": set(),
    "editor": {S.IMPORTED, S.DRAFT, S.IN_REVIEW, S.APPROVED, S.UNPUBLISHED},
    "chief": set(S.values) - {S.SPIKED},
    "superuser": set(S.values) - {S.SPIKED},
    "staff": set(),
}


@pytest.mark.parametrize("state", S.values)
@pytest.mark.parametrize("role", list(EDITABLE))
def test_can_edit(role, state, desk, page):
    user = desk(role.split("_")[0])
    if role == "reporter_own":
        Reporter.objects.update(user=user)
    Article.objects.filter(pk=page[0].pk).update(status=state)
    assert can_edit(user, fresh(page[0])) is (state in EDITABLE[role])


NOTABLE = {
    # role: states in which the role may add a desk note
    "reporter_own": {S.IMPORTED, S.DRAFT},  # what they may edit, nothing more
    "reporter_other": set(),
    "editor": set(S.values),
    "chief": set(S.values),
    "superuser": set(S.values),
    "staff": set(),
}


@pytest.mark.parametrize("state", S.values)
@pytest.mark.parametrize("role", list(NOTABLE))
def test_can_add_note(role, state, desk, page):
    user = desk(role.split("_")[0])
    if role == "reporter_own":
        Reporter.objects.update(user=user)
    Article.objects.filter(pk=page[0].pk).update(status=state)
    assert can_add_note(user, fresh(page[0])) is (state in NOTABLE[role])


def test_the_desk_offers_the_moves_of_the_state_and_role(desk, page):
    Article.objects.filter(pk=page[0].pk).update(status=S.PUBLISHED)
    assert [m.name for m in available_moves(desk("chief"), fresh(page[0]))] == ["unpublish", "correct"]
    assert available_moves(desk("editor"), fresh(page[0])) == []
    assert [m.name for m in available_moves(desk("editor", "e2"), fresh(page[1]))] == ["submit", "approve", "send_back"]
