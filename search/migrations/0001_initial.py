import django.db.models.deletion
from django.db import migrations, models

import search.operations

# PostgreSQL: title words weigh more than body words; `simple` keeps each
# segmented word as one lexeme (no stemming, no stop words).
PG_VECTOR = """
ALTER TABLE search_indexentry ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple'::regconfig, title), 'A')
    || setweight(to_tsvector('simple'::regconfig, body), 'B')
) STORED
"""

# SQLite: FTS5 over the same rows (external content), kept in step by triggers
# as the FTS5 documentation describes.
SQLITE_FTS = [
    "CREATE VIRTUAL TABLE search_fts USING fts5("
    "title, body, content='search_indexentry', content_rowid='article_id', tokenize='unicode61')",
    "CREATE TRIGGER search_fts_insert AFTER INSERT ON search_indexentry BEGIN "
    "INSERT INTO search_fts(rowid, title, body) VALUES (new.article_id, new.title, new.body); END",
    "CREATE TRIGGER search_fts_delete AFTER DELETE ON search_indexentry BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, title, body) VALUES ('delete', old.article_id, old.title, old.body); END",
    "CREATE TRIGGER search_fts_update AFTER UPDATE ON search_indexentry BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, title, body) VALUES ('delete', old.article_id, old.title, old.body); "
    "INSERT INTO search_fts(rowid, title, body) VALUES (new.article_id, new.title, new.body); END",
]


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("articles", "0002_workflow_fields"),
    ]

    operations = [
        migrations.CreateModel(
            name="IndexEntry",
            fields=[
                (
                    "article",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="search_entry",
                        serialize=False,
                        to="articles.article",
                        verbose_name="稿件",
                    ),
                ),
                ("title", models.TextField(verbose_name="标题词")),
                ("body", models.TextField(verbose_name="正文词")),
            ],
            options={"verbose_name": "索引条目", "verbose_name_plural": "索引条目"},
        ),
        search.operations.VendorRunSQL(
            "postgresql",
            [PG_VECTOR, "CREATE INDEX search_indexentry_vector_gin ON search_indexentry USING GIN (search_vector)"],
            ["DROP INDEX search_indexentry_vector_gin", "ALTER TABLE search_indexentry DROP COLUMN search_vector"],
        ),
        search.operations.VendorRunSQL(
            "sqlite",
            SQLITE_FTS,
            ["DROP TRIGGER search_fts_update", "DROP TRIGGER search_fts_delete",
             "DROP TRIGGER search_fts_insert", "DROP TABLE search_fts"],
        ),
    ]
