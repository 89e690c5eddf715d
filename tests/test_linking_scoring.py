"""linking.scoring: scores and the reasons shown. No database."""

from __future__ import annotations

from datetime import date

import pytest

from linking.scoring import Features, rarity, score

LAOSHAN = {1: ("崂山区", "place")}
DAY = date(2024, 9, 20)


def test_shared_place_and_reporter_are_the_reasons():
    a = Features(entities=LAOSHAN, reporters={7: "黄飞"}, day=DAY)
    b = Features(entities=LAOSHAN, reporters={7: "黄飞", 8: "刘伟"}, day=DAY)
    value, reasons = score(a, b)
    assert reasons == ["共同地点: 崂山区", "同一记者: 黄飞", "时间相近"]
    assert value == pytest.approx(0.8 + 0.25)


def test_score_is_symmetric():
    a = Features(entities={**LAOSHAN, 2: ("海尔卡奥斯", "organisation")}, tags={5: "茶园"}, terms={"茶园": 1.0}, day=DAY)
    b = Features(entities=LAOSHAN, tags={5: "茶园", 6: "民宿"}, terms={"茶园": 0.6, "民宿": 0.8}, day=date(2024, 8, 1))
    assert score(a, b)[0] == score(b, a)[0]


def test_each_signal_adds_to_the_score():
    base = Features(entities=LAOSHAN, day=DAY)
    plain = score(base, Features(entities=LAOSHAN, day=DAY))[0]
    with_column = score(
        Features(entities=LAOSHAN, column=(3, "强信心·稳经济"), day=DAY),
        Features(entities=LAOSHAN, column=(3, "强信心·稳经济"), day=DAY),
    )
    assert with_column[0] > plain
    assert "同一栏目: 强信心·稳经济" in with_column[1]
    similar = score(Features(terms={"茶园": 1.0}, day=DAY), Features(terms={"茶园": 1.0}, day=DAY))
    assert similar == (pytest.approx(0.8), ["内容相似: 1.00", "时间相近"])


def test_common_entities_weigh_less_than_rare_ones():
    a = Features(entities={1: ("崂山区", "place"), 2: ("青岛", "place")})
    b = Features(entities={1: ("崂山区", "place"), 2: ("青岛", "place")})
    value, reasons = score(a, b, rarities={("entity", 1): rarity(2), ("entity", 2): rarity(200)})
    assert reasons == ["共同地点: 崂山区、青岛"]  # the rarest named first
    assert rarity(200) < rarity(2) < rarity(0) == 1
    assert value < score(a, b)[0]


def test_a_long_list_of_places_is_not_close_to_everything():
    districts = {i: (f"区{i}", "place") for i in range(10)}
    one = {0: ("区0", "place")}
    assert score(Features(entities=districts), Features(entities=one))[0] < score(Features(entities=one), Features(entities=one))[0] / 3


def test_a_tag_naming_a_shared_entity_counts_once():
    a = Features(entities=LAOSHAN, tags={9: "崂山区"})
    value, reasons = score(a, a)
    assert reasons == ["共同地点: 崂山区"]


def test_older_stories_score_less_but_not_nothing():
    a = Features(entities=LAOSHAN, day=DAY)
    near = score(a, Features(entities=LAOSHAN, day=date(2024, 9, 18)))[0]
    far = score(a, Features(entities=LAOSHAN, day=date(2020, 1, 1)))[0]
    assert near > far >= 0.8 * 0.5 - 0.01
