"""linking.names.unknown_names. No database."""

from __future__ import annotations

from linking.names import ORGANISATION, PERSON, PLACE, unknown_names

TAGGED = [
    ("陈近南", "nr"), ("介绍", "v"), ("王哥庄", "ns"), ("红十字会", "nt"), ("西海岸", "ns"),
    ("崂山区", "ns"), ("丁倩倩", "nr"), ("三", "m"), ("张三丰李四光", "nr"), ("记者", "n"),
]


def test_people_places_and_organisations_not_yet_known():
    found = unknown_names(TAGGED, known=["崂山区", "西海岸新区"], exclude=["丁倩倩"])
    assert found == {"陈近南": PERSON, "王哥庄": PLACE, "红十字会": ORGANISATION}
