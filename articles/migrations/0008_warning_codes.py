"""Stored import warnings from sentences to codes with parameters (articles.parsing.warnings).

Each sentence the parser and importer used to store is recognised by its
pattern and becomes its code; anything else is kept, word for word, as
{"code": "legacy", "params": {"text": ...}}. Going back writes the sentences
again. The patterns are copied here, not imported: a migration must keep
meaning what it meant when it was written.
"""

import re

from django.db import migrations

INTEGERS = {"count", "length", "limit"}

# (code, the old sentence as a pattern)
SENTENCES = [
    ("no_headline", r"no headline: photo news or text printed without a title"),
    ("byline_at_end", r"byline printed at the end of the article"),
    (
        "byline_mid_text",
        r"byline found mid-text: the text above it was moved after the text below it \(columns printed out of order\)",
    ),
    ("source_credit_kept_out", r"source credit kept out of the body: (?P<text>.*)"),
    ("dateline_not_a_date", r"dateline date is not a real date, kept as printed only: (?P<dateline>.*)"),
    ("highlight_box_dropped", r"dropped a highlight box that repeats the body: (?P<text>.*)…"),
    ("rejoined_paragraphs", r"rejoined (?P<count>\d+) paragraph\(s\) broken by column ends"),
    ("captions_moved", r"moved (?P<count>\d+) caption\(s\) out of the sentence they interrupted"),
    ("ends_mid_sentence", r"the last paragraph ends mid-sentence; the article may continue elsewhere"),
    ("footers_dropped", r"dropped (?P<count>\d+) footer line\(s\)"),
    ("file_name_cut", r"file name cut to (?P<limit>\d+) characters"),
    (
        "headline_too_long",
        r"(?P<field>column|kicker|title|subtitle) of (?P<length>\d+) characters is over (?P<limit>\d+): kept as body text",
    ),
    ("field_cut", r"(?P<field>dateline|continued_from|continues_to) cut to (?P<limit>\d+) characters"),
    ("byline_field_cut", r"a byline field was cut to the length the database stores"),
    ("page_credit_kept_out", r"page credit line kept out of the articles: (?P<text>.*)"),
    ("masthead_date_invalid", r"masthead date is not a real date, ignored: (?P<date>.*)"),
    ("file_name_not_unicode", r"file name is not valid Unicode; stored as (?P<name>.*)"),
    ("file_name_gb18030", r"file name is not UTF-8; read as GB18030: (?P<name>.*)"),
    ("file_name_not_utf8", r"file name is not valid UTF-8; stored as (?P<name>.*)"),
    ("decoded_utf16", r"file is not UTF-8; decoded as UTF-16 \((?P<byte_order>LE|BE)\)"),
    ("decoded_gb18030", r"file is not UTF-8; decoded as GB18030 \(GBK/GB2312 compatible\)"),
    ("editor_version_kept", r"the page was re-imported with changes; the editor's version was kept"),
    (
        "detached",
        r"本版重新导入后已找不到此稿，已移到本版末尾。 / no longer found on the page when it was re-imported; "
        r"moved after the page's articles",
    ),
    (
        "jump_rest_missing",
        r"转版: 下转(?P<label>.+?), the rest is not imported; not published on its own",
    ),
    (
        "jump_start_missing",
        r"转版: 上接(?P<label>.+?), the start is not imported; not published on its own",
    ),
]
PATTERNS = [(code, re.compile(pattern + r"\Z")) for code, pattern in SENTENCES]


def _unescape(pattern: str) -> str:
    # A pattern's literal sentence, its groups as {name} fields: the format going back.
    text = re.sub(r"\(\?P<(\w+)>[^)]*\)", r"{\1}", pattern)
    return re.sub(r"\\(.)", r"\1", text)


FORMATS = {code: _unescape(pattern) for code, pattern in SENTENCES}


def to_code(text):
    if not isinstance(text, str):
        return text  # already a code
    for code, pattern in PATTERNS:
        if found := pattern.match(text):
            params = {k: int(v) if k in INTEGERS else v for k, v in found.groupdict().items()}
            return {"code": code, "params": params}
    return {"code": "legacy", "params": {"text": text}}


def to_sentence(warning):
    if not isinstance(warning, dict):
        return warning
    if warning.get("code") == "legacy":
        return warning["params"]["text"]
    if warning.get("code") in FORMATS:
        return FORMATS[warning["code"]].format(**warning.get("params", {}))
    return str(warning)


def _convert(apps, convert):
    for model, field in (("Article", "warnings"), ("SourcePage", "parse_warnings")):
        Model = apps.get_model("articles", model)
        changed = []
        for row in Model.objects.exclude(**{field: []}).only("pk", field).iterator(chunk_size=500):
            new = [convert(w) for w in getattr(row, field)]
            if new != getattr(row, field):
                setattr(row, field, new)
                changed.append(row)
        Model.objects.bulk_update(changed, [field], batch_size=500)


def forwards(apps, schema_editor):
    _convert(apps, to_code)


def backwards(apps, schema_editor):
    _convert(apps, to_sentence)


class Migration(migrations.Migration):
    dependencies = [("articles", "0007_english_verbose_names")]

    operations = [migrations.RunPython(forwards, backwards)]
