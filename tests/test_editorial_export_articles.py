"""export_articles: the JSON shape the answer key is scored on, and ninjs 3.1 that validates."""

from __future__ import annotations

import json
from datetime import date, datetime
from io import StringIO
from pathlib import Path

import jsonschema
import pytest
from django.core.management import call_command

from articles.services.editions import publication_time
from tests.seedpages import seed_name

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SCHEMA = FIXTURES / "ninjs-schema_3.1.json"
KEYS = {
    "source", "position", "column", "kicker", "title", "subtitle", "reporters", "dateline", "dateline_date",
    "body", "subheads", "captions", "continued_from", "section", "tags", "status", "url", "warnings",
    "entities", "related", "publication", "edition_date", "page_number", "page_name", "parts", "continuation_of",
}


@pytest.fixture(scope="module")
def exported(seeded_archive, django_db_blocker):
    """The seed archive (tags, entities and links included), published, exported once."""
    out = {}
    with django_db_blocker.unblock():
        for fmt in ("json", "ninjs"):
            buffer = StringIO()
            call_command("export_articles", "--format", fmt, stdout=buffer)
            out[fmt] = json.loads(buffer.getvalue())
    return out


def test_json_has_every_key_for_every_article(exported):
    items = exported["json"]
    assert len(items) == 31
    for item in items:
        assert KEYS <= item.keys(), KEYS - item.keys()
        assert item["url"].startswith("/articles/")
    # 003 is 第二版: its four (上接第一版) parts wait for 第一版, which is not a seed.
    waiting = [(i["source"], i["position"]) for i in items if i["status"] != "published"]
    assert waiting == [(seed_name("003"), n) for n in (3, 4, 5, 6)]


def test_json_and_ninjs_name_the_printed_edition(exported):
    item = next(i for i in exported["json"] if i["title"] == "办好17件民生实事，打造“幸福美好生活态”")
    assert (item["publication"], item["edition_date"], item["page_number"], item["page_name"]) == (
        "青岛日报", "2023-10-11", 1, "要闻"
    )
    assert item["url"].startswith("/articles/2023/10/11/")
    by_source = {i["source"]: i for i in exported["json"]}
    assert by_source[seed_name("001")]["publication"] == "青岛晚报"
    assert by_source[seed_name("004")]["publication"] == "大众日报"
    ninjs = next(i for i in exported["ninjs"] if i["headlines"][0]["value"] == item["title"])
    alt = {a["role"]: a["value"] for a in ninjs["altIds"]}
    assert alt["publication"] == "qingdao-ribao" and alt["edition-date"] == "2023-10-11"
    assert alt["page-number"] == "1" and alt["page-name"] == "要闻"
    assert ninjs["infoSources"][0]["name"] == "青岛日报"
    # Published by the import at the edition's time, 06:00 in Asia/Shanghai; never the import time.
    assert datetime.fromisoformat(ninjs["contentCreated"]) == publication_time(date(2023, 10, 11))
    assert datetime.fromisoformat(item["published_at"]) == publication_time(date(2023, 10, 11))


def test_json_article_as_a_sub_editor_would_split_it(exported):
    item = next(i for i in exported["json"] if i["title"] == "办好17件民生实事，打造“幸福美好生活态”")
    assert item["source"] == seed_name("000") and item["position"] == 5
    assert item["column"] == "学思想 强党性 重实践 建新功"
    assert item["subtitle"] == "西海岸新区以学促干推进主题教育走深走实"
    assert [(r["name"], r["role"]) for r in item["reporters"]] == [("李德银", "记者"), ("刘伟", "通讯员")]
    assert all(r["url"].startswith("/reporters/") for r in item["reporters"])
    assert item["subheads"] == ["科学统筹安排理论学习", "推动调查研究走深走实", "注重破解民生发展难题"]
    assert "\n\n" in item["body"] and "科学统筹安排理论学习" not in item["body"]
    assert "□" not in item["body"] and "李德银" not in item["body"]
    assert "西海岸新区" in {e["name"] for e in item["entities"]}


def test_json_dateline_and_date(exported):
    item = next(i for i in exported["json"] if i["title"].startswith("中国红十字(山东)"))
    assert (item["dateline"], item["dateline_date"]) == ("本报10月10日讯", "2023-10-10")  # the year of the 2023-10-11 issue
    assert not item["body"].startswith("本报")


def test_ninjs_items_validate_against_the_schema(exported):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    items = exported["ninjs"]
    assert len(items) == 31
    for item in items:
        errors = sorted(validator.iter_errors(item), key=str)
        assert not errors, [e.message for e in errors[:3]]
    assert {h["role"] for h in items[0]["headlines"]} >= {"main"}
