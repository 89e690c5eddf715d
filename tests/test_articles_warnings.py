"""articles.warnings (and articles.parsing.warnings): import warnings stored as codes with
parameters, said in the reader's language by one function; the migration from sentences."""

from __future__ import annotations

import json
import re
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils.translation import override

from articles.exporting import article_export
from articles.models import Article, SourcePage
from articles.parsing.warnings import about, warning
from articles.warnings import MESSAGES, warning_export, warning_text
from editorial.exports import articles_for_export
from tests.seedpages import flat_copy

ROOT = Path(__file__).resolve().parent.parent

# One warning of every code, with the parameters its writer gives, and what it says in each language.
SAID = [
    (warning("no_headline"), "无标题：图片新闻或未印标题的文字", "no headline: photo news or text printed without a title"),
    (warning("byline_at_end"), "署名印在文末", "byline printed at the end of the article"),
    (warning("byline_mid_text"), "署名出现在正文中间：其上的文字已移到其下的文字之后（分栏印刷顺序颠倒）",
     "byline found mid-text: the text above it was moved after the text below it (columns printed out of order)"),
    (warning("source_credit_kept_out", text="（新华社）"), "来源署名未计入正文：（新华社）",
     "source credit kept out of the body: （新华社）"),
    (warning("dateline_not_a_date", dateline="本报2月30日讯"), "电头日期不是有效日期，仅按原样保留：本报2月30日讯",
     "dateline date is not a real date, kept as printed only: 本报2月30日讯"),
    (warning("highlight_box_dropped", text="青岛聚焦四大功能"), "删去了重复正文的提要框：青岛聚焦四大功能…",
     "dropped a highlight box that repeats the body: 青岛聚焦四大功能…"),
    (warning("rejoined_paragraphs", count=2), "已接合 2 处因分栏断开的段落", "rejoined 2 paragraphs broken by column ends"),
    (warning("rejoined_paragraphs", count=1), "已接合 1 处因分栏断开的段落", "rejoined 1 paragraph broken by column ends"),
    (warning("captions_moved", count=1), "已将 1 条图片说明移出被其打断的句子",
     "moved 1 caption out of the sentence it interrupted"),
    (warning("captions_moved", count=3), "已将 3 条图片说明移出被其打断的句子",
     "moved 3 captions out of the sentences they interrupted"),
    (warning("ends_mid_sentence"), "末段在句中结束，稿件可能在别处续完",
     "the last paragraph ends mid-sentence; the article may continue elsewhere"),
    (warning("footers_dropped", count=1), "删去了 1 行页脚", "dropped 1 footer line"),
    (warning("file_name_cut", limit=255), "文件名已截短为 255 个字符", "file name cut to 255 characters"),
    (warning("headline_too_long", field="title", length=250, limit=200), "主题长 250 字，超过 200 字：已作为正文保留",
     "title of 250 characters is over 200: kept as body text"),
    (warning("field_cut", field="continues_to", limit=50), "下转已截短为 50 个字符", "continues to cut to 50 characters"),
    (warning("byline_field_cut"), "有署名字段超出数据库可存的长度，已截短",
     "a byline field was cut to the length the database stores"),
    (warning("page_credit_kept_out", text="本版编辑 王浩"), "版面署名行未计入稿件：本版编辑 王浩",
     "page credit line kept out of the articles: 本版编辑 王浩"),
    (warning("masthead_date_invalid", date="2024年2月30日"), "报头日期不是有效日期，已忽略：2024年2月30日",
     "masthead date is not a real date, ignored: 2024年2月30日"),
    (warning("file_name_not_unicode", name="a?.txt"), "文件名不是有效的 Unicode，存为 a?.txt",
     "file name is not valid Unicode; stored as a?.txt"),
    (warning("file_name_gb18030", name="第一版.txt"), "文件名不是 UTF-8，按 GB18030 读取：第一版.txt",
     "file name is not UTF-8; read as GB18030: 第一版.txt"),
    (warning("file_name_not_utf8", name="\\xff.txt"), "文件名不是有效的 UTF-8，存为 \\xff.txt",
     "file name is not valid UTF-8; stored as \\xff.txt"),
    (warning("decoded_utf16", byte_order="LE"), "文件不是 UTF-8，已按 UTF-16（LE）解码", "file is not UTF-8; decoded as UTF-16 (LE)"),
    (warning("decoded_gb18030"), "文件不是 UTF-8，已按 GB18030（兼容 GBK/GB2312）解码",
     "file is not UTF-8; decoded as GB18030 (GBK/GB2312 compatible)"),
    (warning("editor_version_kept"), "本版重新导入时有改动，已保留编辑修改后的版本",
     "the page was re-imported with changes; the editor's version was kept"),
    (warning("detached"), "本版重新导入后已找不到此稿，已移到本版末尾。",
     "no longer found on the page when it was re-imported; moved after the page's articles"),
    (warning("kept_not_found"), "本版已找不到此稿，因已编辑或发布而保留，移到本版末尾。",
     "no longer found on the page; kept because it is edited or published, and moved after the page's articles"),
    (warning("suppressed"), "编辑已删除或合并此稿，不再导入。", "removed or merged by an editor; not imported again"),
    (warning("jump_rest_missing", label="第二版"), "转版：下转第二版，后文未导入，不单独发布",
     "continued on 第二版, the rest is not imported; not published on its own"),
    (warning("jump_start_missing", label="第一版"), "转版：上接第一版，前文未导入，不单独发布",
     "continued from 第一版, the start is not imported; not published on its own"),
    (warning("edition_disagreement", fact="number", value="2", source="masthead", other_value="3", other="folder"),
     "版面信息：版次号采用2（报头），而非3（文件夹）", "edition: page number 2 (masthead) used, not 3 (folder)"),
    (warning("edition_date_option_invalid", value="26/07/2024"), "版面信息：--date “26/07/2024” 不是 YYYY-MM-DD 格式，已忽略",
     "edition: --date “26/07/2024” is not YYYY-MM-DD; ignored"),
    (warning("edition_missing", missing=["publication", "edition_date"]),
     "版面信息：没有报纸或出版日期（报头、PUBLICATION/YYYY-MM-DD/NN.txt 或 --publication/--date），导入时未归入任何一期",
     "edition: no publication or edition date (masthead, PUBLICATION/YYYY-MM-DD/NN.txt or --publication/--date); "
     "imported without an issue"),
    (warning("edition_number_missing"), "版面信息：未找到版次，此版属于某一期但没有版次号",
     "edition: no page number found; the page has an issue but no number"),
    (warning("pdf_no_text"), "版面 PDF 中没有文字（可能是扫描件），未标出稿件热区",
     "the page PDF has no text (a scan?); story zones are not marked"),
    (warning("pdf_unreadable"), "无法读取版面 PDF，未能据此标出稿件热区或生成版面图",
     "the page PDF could not be read; no story zones or page picture from it"),
    (warning("zones_not_found", count=1), "版面 PDF 中未找到 1 篇稿件，未标出其热区",
     "1 article not found in the page PDF; its zone is not marked"),
    (warning("zones_not_found", count=2), "版面 PDF 中未找到 2 篇稿件，未标出其热区",
     "2 articles not found in the page PDF; their zones are not marked"),
]


@pytest.mark.parametrize("stored,chinese,english", SAID, ids=[w["code"] for w, _, _ in SAID])
def test_every_code_is_said_in_chinese_and_in_english(stored, chinese, english):
    with override("zh-hans"):
        assert warning_text(stored) == chinese
    with override("en"):
        assert warning_text(stored) == english


def test_every_code_the_parser_and_importer_write_has_a_message_and_is_tested():
    sources = [*(ROOT / "articles" / "parsing").glob("*.py"), *(ROOT / "articles" / "services").glob("*.py")]
    written = {code for path in sources for code in re.findall(r'warning\(\s*"(\w+)"', path.read_text(encoding="utf-8"))}
    assert written <= set(MESSAGES)
    assert set(MESSAGES) == {w["code"] for w, _, _ in SAID}


def test_a_warning_about_one_article_names_it_and_text_and_unknown_codes_still_read():
    with override("zh-hans"):
        assert warning_text(about(warning("suppressed"), position=3, title="")) == "#3 （无标题）: 编辑已删除或合并此稿，不再导入。"
        assert warning_text(about(warning("byline_at_end"), position=1, title="青岛港")) == "#1 青岛港: 署名印在文末"
        assert warning_text({"code": "legacy", "params": {"text": "署名不完整"}}) == "署名不完整"
        assert warning_text("署名不完整") == "署名不完整"
        assert warning_text({"code": "from_a_newer_version", "params": {"n": 1}}) == "from_a_newer_version {'n': 1}"


def test_the_export_gives_code_params_and_text():
    with override("zh-hans"):
        assert warning_export(warning("rejoined_paragraphs", count=2)) == {
            "code": "rejoined_paragraphs", "params": {"count": 2}, "text": "已接合 2 处因分栏断开的段落",
        }


@pytest.mark.django_db
def test_the_import_stores_codes_and_the_desk_the_export_and_the_report_say_them(tmp_path, client):
    page = flat_copy("004", tmp_path)  # prints a footer line; its articles carry parse warnings
    out = StringIO()
    call_command("import_seeds", str(page), "--json", stdout=out)

    source = SourcePage.objects.get()
    assert source.parse_warnings == [warning("footers_dropped", count=1)]
    article = Article.objects.exclude(warnings=[]).order_by("position").first()
    assert all(set(w) == {"code", "params"} for w in article.warnings)
    json.dumps(article.warnings)  # stored as plain JSON

    exported = article_export(articles_for_export().get(pk=article.pk))["warnings"]
    assert exported == [{**w, "text": warning_text(w)} for w in article.warnings]

    report = json.loads(out.getvalue())["pages"][0]["warnings"]
    assert {"code": "footers_dropped", "params": {"count": 1}, "text": "删去了 1 行页脚"} in report
    assert all(w["text"].startswith(f"#{w['article']['position']} ") for w in report if "article" in w)

    client.force_login(User.objects.create_superuser("chief", "chief@example.com", "pw"))
    desk = client.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    assert warning_text(article.warnings[0]) in desk and '"code"' not in desk
    page_desk = client.get(reverse("admin:articles_sourcepage_change", args=[source.pk])).content.decode()
    assert "删去了 1 行页脚" in page_desk


@pytest.mark.django_db(transaction=True)
def test_the_migration_turns_stored_sentences_into_codes_and_back():
    before, after = [("articles", "0007_english_verbose_names")], [("articles", "0008_warning_codes")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    source = old.get_model("articles", "SourcePage").objects.create(
        file_name="p.txt", sha256="0" * 64, raw_text="正文",
        parse_warnings=["dropped 2 footer line(s)", "file is not UTF-8; decoded as UTF-16 (BE)"],
    )
    sentences = [
        "rejoined 3 paragraph(s) broken by column ends",
        "title of 250 characters is over 200: kept as body text",
        "转版: 下转第二版, the rest is not imported; not published on its own",
        "本版重新导入后已找不到此稿，已移到本版末尾。 / no longer found on the page when it was re-imported; "
        "moved after the page's articles",
        "署名不完整",  # written by hand, or by an older version: kept word for word
    ]
    article = old.get_model("articles", "Article").objects.create(
        source_page=source, position=1, span_start=0, span_end=2, title="标题", warnings=sentences,
    )
    try:
        executor = MigrationExecutor(connection)
        executor.migrate(after)
        # The models as they stood after that migration: later ones add columns.
        migrated = executor.loader.project_state(after).apps
        assert migrated.get_model("articles", "SourcePage").objects.get(pk=source.pk).parse_warnings == [
            warning("footers_dropped", count=2), warning("decoded_utf16", byte_order="BE"),
        ]
        assert migrated.get_model("articles", "Article").objects.get(pk=article.pk).warnings == [
            warning("rejoined_paragraphs", count=3),
            warning("headline_too_long", field="title", length=250, limit=200),
            warning("jump_rest_missing", label="第二版"),
            warning("detached"),
            {"code": "legacy", "params": {"text": "署名不完整"}},
        ]
        executor = MigrationExecutor(connection)
        executor.migrate(before)
        assert old.get_model("articles", "Article").objects.get(pk=article.pk).warnings == sentences
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
