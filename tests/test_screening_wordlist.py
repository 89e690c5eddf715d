"""screening.wordlist: one automaton per list generation, per process, rebuilt when any process changes the list."""

from __future__ import annotations

import pytest

from screening.matching import Passage
from screening.models import SensitiveWord
from screening.wordlist import current_matcher, new_generation

pytestmark = pytest.mark.django_db


def found(matcher, text: str) -> list[str]:
    return [hit.word for hit in matcher.find([Passage("body", text)])]


def test_the_automaton_is_built_once_per_generation(django_assert_num_queries):
    SensitiveWord.objects.create(word="赌博")
    generation, matcher = current_matcher()
    with django_assert_num_queries(1):  # the generation only: no words loaded, nothing built
        assert current_matcher() == (generation, matcher)
    assert found(matcher, "禁止赌博") == ["赌博"]


def test_a_word_added_rebuilds_it():
    SensitiveWord.objects.create(word="赌博")
    before = current_matcher()
    SensitiveWord.objects.create(word="走私", severity=SensitiveWord.Severity.NOTICE)
    after = current_matcher()
    assert after[0] != before[0]
    assert found(after[1], "赌博和走私") == ["赌博", "走私"]


def test_another_process_change_is_seen_through_the_generation():
    generation, matcher = current_matcher()
    # Written as another process would see it: rows without this process's signals, then a new generation.
    SensitiveWord.objects.bulk_create([SensitiveWord(word="走私")])
    assert current_matcher() == (generation, matcher)  # same generation: the cached automaton stands
    new_generation()
    assert found(current_matcher()[1], "走私") == ["走私"]


def test_inactive_words_are_not_matched():
    SensitiveWord.objects.create(word="赌博", active=False)
    assert found(current_matcher()[1], "赌博") == []
