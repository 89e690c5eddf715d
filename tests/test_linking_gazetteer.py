"""linking.gazetteer.NameFinder. No database."""

from __future__ import annotations

from linking.gazetteer import NameFinder

NAMES = {"青岛": 1, "青岛市": 1, "西海岸新区": 2, "黄岛区": 2, "青岛港": 3, "崂山区": 4, "崂山": 4}


def test_names_and_aliases_lead_to_their_entity_in_order_of_first_mention():
    found = NameFinder(NAMES).find("黄岛区即西海岸新区。青岛港在黄岛区，青岛市在崂山。")
    assert list(found) == [2, 3, 1, 4]
    assert found[2] == ["黄岛区", "西海岸新区"]
    assert found[4] == ["崂山"]


def test_the_longest_name_wins():
    found = NameFinder(NAMES).find("青岛港和崂山区")
    assert found == {3: ["青岛港"], 4: ["崂山区"]}


def test_no_names_no_matches():
    assert NameFinder({}).find("青岛") == {}


PLACES = {1, 2, 4}


def test_a_place_that_begins_a_longer_name_is_not_that_place():
    finder = NameFinder({**NAMES, "即墨": 5, "平度市": 6}, places=PLACES | {5, 6})
    for text in ("即墨路小商品城人头攒动。", "青岛农业大学的科研团队", "青岛市委召开会议", "平度市委书记调研",
                 "青岛日报记者", "崂山区委组织部", "青岛市第八人民医院"):
        assert finder.find(text) == {}, text


def test_a_place_next_to_an_ordinary_word_is_still_the_place():
    finder = NameFinder({**NAMES, "即墨": 5}, places=PLACES | {5})
    assert finder.find("即墨的小商品城，青岛的中学，青岛市民，崂山风景区") == {5: ["即墨"], 1: ["青岛", "青岛市"], 4: ["崂山"]}
    assert finder.find("青岛和平度的医院") == {1: ["青岛"]}


def test_only_places_are_read_so_an_organisations_longer_name_is_still_it():
    assert NameFinder(NAMES, places=PLACES).find("青岛港路") == {3: ["青岛港"]}
    assert NameFinder(NAMES).find("青岛路") == {1: ["青岛"]}  # no places given: every name counts
