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
