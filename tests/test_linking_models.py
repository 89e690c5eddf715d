"""linking.models: natural keys for the gazetteer fixture, URLs, constraints."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import IntegrityError

from linking.models import Alias, Entity, RelatedLink
from tests.linkingdata import gazetteer  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


def test_the_gazetteer_loads_twice_without_duplicates(gazetteer):
    counts = Entity.objects.count(), Alias.objects.count()
    call_command("loaddata", "fixtures/gazetteer.json", verbosity=0)
    assert (Entity.objects.count(), Alias.objects.count()) == counts


def test_the_gazetteer_covers_qingdao_s_districts_and_cities(gazetteer):
    places = set(Entity.objects.filter(kind=Entity.Kind.PLACE).values_list("name", flat=True))
    assert {"青岛", "市南区", "市北区", "李沧区", "崂山区", "城阳区", "西海岸新区", "即墨区", "胶州市", "平度市", "莱西市"} <= places
    assert Alias.objects.get(name="黄岛区").entity.name == "西海岸新区"
    assert Alias.objects.get(name="中国—上海合作组织地方经贸合作示范区").entity.name == "上合示范区"


def test_entity_url_and_str():
    entity = Entity.objects.create(name="青岛港", kind=Entity.Kind.ORGANISATION, slug="qingdaogang")
    assert (str(entity), entity.get_absolute_url()) == ("青岛港", "/entities/qingdaogang/")


def test_a_pair_is_linked_once(make_article):
    a, b = make_article(title="甲"), make_article(title="乙")
    RelatedLink.objects.create(source=a, target=b)
    with pytest.raises(IntegrityError):
        RelatedLink.objects.create(source=a, target=b)
