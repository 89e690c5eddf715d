"""newsroom.catalogues and newsroom/locale: every app's .po compiled without GNU gettext; Django's
own admin strings that its zh_Hans catalogue lacks are Chinese on the desk."""

from __future__ import annotations

import gettext
import os
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _, override

from articles.models import Article
from linking.models import RelatedLink
from newsroom.catalogues import ROOT, catalogues, compile_catalogues

PO = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=1; plural=0;\\n"

msgid "draft"
msgstr "{draft}"

#, fuzzy
msgid "unsure"
msgstr "不确定"
"""


def _catalogue(root: Path, app: str, draft: str = "草稿") -> Path:
    po = root / app / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
    po.parent.mkdir(parents=True)
    po.write_text(PO.format(draft=draft), encoding="utf-8")
    return po


def _read(mo: Path) -> gettext.GNUTranslations:
    with mo.open("rb") as f:
        return gettext.GNUTranslations(f)


def test_every_app_s_catalogue_is_compiled_in_pure_python_only_when_its_po_changed(tmp_path, monkeypatch):
    first, later = _catalogue(tmp_path, "articles"), _catalogue(tmp_path, "newapp")
    monkeypatch.setenv("PATH", "")  # no msgfmt to fall back on

    assert compile_catalogues(tmp_path) == [first.with_suffix(".mo"), later.with_suffix(".mo")]
    assert _read(first.with_suffix(".mo")).gettext("draft") == "草稿"
    assert _read(first.with_suffix(".mo")).gettext("unsure") == "unsure"  # fuzzy: left out, as msgfmt does

    assert compile_catalogues(tmp_path) == []  # nothing changed
    first.write_text(PO.format(draft="稿"), encoding="utf-8")
    stamp = first.with_suffix(".mo").stat().st_mtime + 10
    os.utime(first, (stamp, stamp))
    assert compile_catalogues(tmp_path) == [first.with_suffix(".mo")]
    assert _read(first.with_suffix(".mo")).gettext("draft") == "稿"


def test_the_project_s_catalogues_are_compiled_before_the_tests_run():
    # tests/conftest.py compiles them, so the Chinese the tests assert is the .po's.
    assert ROOT / "newsroom" / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po" in catalogues()
    assert all(po.with_suffix(".mo").stat().st_mtime >= po.stat().st_mtime for po in catalogues())


def test_django_strings_its_own_catalogue_lacks_are_chinese():
    with override("zh-hans"):
        assert _("- Select an option -") == "- 请选择 -"
        assert _("Filter by %(field_name)s") % {"field_name": "发布时间"} == "按发布时间筛选"
        assert _("Log out") == "注销"  # Django's own translation is still used


@pytest.fixture
def chief(client):
    client.force_login(User.objects.create_superuser("chief", "chief@example.com", "pw"))
    return client


@pytest.mark.django_db
def test_the_desk_s_changelists_show_no_english_under_zh_hans(chief, published_article, make_article):
    other = make_article(title="另一篇", status=Article.Status.PUBLISHED, published_at=timezone.now())
    RelatedLink.objects.create(source=published_article, target=other, score=0.5, reasons=["同一记者: 丁倩倩"])

    articles = chief.get(reverse("admin:articles_article_changelist")).content.decode()
    links = chief.get(reverse("admin:linking_relatedlink_changelist")).content.decode()

    assert "按发布时间筛选" in articles and "- 请选择 -" in articles
    for english in ("Filter by", "Select an option"):
        assert english not in articles
    assert "理由" in links
    assert "Reason" not in links and "column-reasons_text" in links


CJK = re.compile(r"[\u4e00-\u9fff]")
OUR_APPS = ("articles", "linking", "search")


def _labels():
    for app in OUR_APPS:
        config = apps.get_app_config(app)
        yield f"{app}", config.verbose_name
        for model in config.get_models():
            yield f"{model.__name__}", model._meta.verbose_name
            yield f"{model.__name__} (plural)", model._meta.verbose_name_plural
            for field in model._meta.get_fields(include_hidden=False):
                if field.auto_created or not hasattr(field, "verbose_name"):
                    continue
                if field.verbose_name == field.name.replace("_", " "):
                    continue  # none given: an internal field (Profile.band0) or a generated one
                yield f"{model.__name__}.{field.name}", field.verbose_name
                for value, label in getattr(field, "flatchoices", None) or []:
                    if value != "":
                        yield f"{model.__name__}.{field.name}={value}", label


def test_every_label_of_our_models_reads_chinese_and_english():
    # A msgid the catalogue lacks would show English on the Chinese desk: this is what catches it.
    with override("zh-hans"):
        untranslated = [(where, str(label)) for where, label in _labels() if not CJK.search(str(label))]
    allowed = {("Profile.simhash", "SimHash"), ("SourcePage.sha256", "SHA-256")}  # names, the same in every language
    assert set(untranslated) <= allowed, untranslated
    with override("en"):
        assert not [(where, str(label)) for where, label in _labels() if CJK.search(str(label))]


def test_a_plural_entry_with_an_empty_surplus_form_is_compiled(tmp_path):
    # makemessages may write msgstr[1] for a language of one plural form.
    po = _catalogue(tmp_path, "app")
    with po.open("a", encoding="utf-8") as f:
        f.write('\nmsgid "%(n)s article"\nmsgid_plural "%(n)s articles"\nmsgstr[0] "%(n)s 篇"\nmsgstr[1] ""\n')
    (mo,) = compile_catalogues(tmp_path)
    with mo.open("rb") as f:
        assert gettext.GNUTranslations(f).ngettext("%(n)s article", "%(n)s articles", 3) == "%(n)s 篇"
