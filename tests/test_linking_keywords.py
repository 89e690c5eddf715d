"""linking.keywords: tag words, term vectors, cosine. No database."""

from __future__ import annotations

import pytest

from linking.keywords import cosine, is_tag_word, keywords, stop_words, term_vector

STORY = (
    "青岛直播电商快速发展。记者从市商务局获悉，今年青岛直播电商基地新增5家，"
    "直播电商销售额进一步增长。跨境电商企业表示，直播电商带动了跨境电商出口。"
)


def test_stop_words_hold_newsroom_filler():
    assert {"记者", "表示", "今年", "进一步"} <= stop_words()
    assert not any(w.startswith("#") for w in stop_words())


@pytest.mark.parametrize("word", ["记者", "今年", "进一步", "表示", "2023年", "5家", "三所", "第一", "电", "，"])
def test_filler_numbers_and_single_characters_are_not_tag_words(word):
    assert not is_tag_word(word)


@pytest.mark.parametrize("word", ["直播电商", "崂山区", "上合示范区", "茶园"])
def test_nouns_are_tag_words(word):
    assert is_tag_word(word)


def test_keywords_are_the_subject_nouns_best_first():
    found = keywords(STORY)
    assert found[0] == "直播电商"  # one word thanks to the user dictionary
    assert "跨境电商" in found
    assert all(is_tag_word(w) for w in found)
    assert len(found) <= 6


def test_keywords_skip_excluded_names():
    assert "丁倩倩" not in keywords("丁倩倩采访丁倩倩。直播电商基地。", exclude=["丁倩倩"])


def test_term_vector_is_compact_and_unit_length():
    vector = term_vector(STORY, size=5)
    assert len(vector) <= 5
    assert "直播电商" in vector
    assert sum(v * v for v in vector.values()) == pytest.approx(1.0, abs=0.01)


def test_cosine_of_sparse_vectors():
    a = term_vector(STORY)
    assert cosine(a, a) == pytest.approx(1.0, abs=0.01)
    assert cosine(a, term_vector("崂山茶园采茶，民宿接待游客。")) == 0
    assert cosine({}, a) == 0


def test_analyse_gives_keywords_exactly_and_a_close_vector_from_one_segmentation():
    from linking.keywords import analyse, cosine, keywords, term_vector
    from text import words

    text = "青岛跨境电商产业园今年新增企业八十家。跨境电商带动青岛港集装箱吞吐量增长，直播电商基地也在西海岸新区落户。"
    tags, vector = analyse(words.tagged(text), exclude=["丁倩倩"])
    assert tags == keywords(text, exclude=["丁倩倩"])
    assert cosine(vector, term_vector(text)) > 0.9
