"""Reading the ids of every hit costs what the database must visit per hit, not the words.

PostgreSQL: the GIN index gives the matching rows, and the bitmap heap scan
then visits each row's heap page for its article_id. With the words and the
vector stored inline (about 800 bytes a row after compression, 10 rows a
page) a word in most of the archive visits every page of a wide table: 10,400
pages at 100,000 articles. With toast_tuple_target at its minimum the text
and the vector go to the TOAST table and a row is its id and three pointers
(about 100 rows a page, 1,200 pages): the same scan reads a ninth as much.
The setting applies to rows written after it, so every row is written again
(the vector is recomputed: minutes on a large archive, once); 0005 vacuums.

SQLite: the headline words get an FTS5 table of their own. With a column
filter on the one table, FTS5 still decodes the word's whole doclist (every
article with the word anywhere) to keep the headline hits; the headline
table's doclists hold only the headlines.
"""

from django.db import migrations

import search.operations

PG_NARROW = [
    "ALTER TABLE search_indexentry SET (toast_tuple_target = 128)",
    "UPDATE search_indexentry SET title = title",
]
PG_WIDE = ["ALTER TABLE search_indexentry RESET (toast_tuple_target)"]

_BOTH = (
    "INSERT INTO search_fts(rowid, title, body) VALUES (new.article_id, new.title, new.body); "
    "INSERT INTO search_fts_title(rowid, title) VALUES (new.article_id, new.title); "
)
_NEITHER = (
    "INSERT INTO search_fts(search_fts, rowid, title, body) VALUES ('delete', old.article_id, old.title, old.body); "
    "INSERT INTO search_fts_title(search_fts_title, rowid, title) VALUES ('delete', old.article_id, old.title); "
)
_TRIGGERS = ["DROP TRIGGER search_fts_insert", "DROP TRIGGER search_fts_delete", "DROP TRIGGER search_fts_update"]

SQLITE_TITLE_FTS = [
    "CREATE VIRTUAL TABLE search_fts_title USING fts5("
    "title, content='search_indexentry', content_rowid='article_id', tokenize='unicode61')",
    "INSERT INTO search_fts_title(search_fts_title) VALUES ('rebuild')",
    *_TRIGGERS,
    f"CREATE TRIGGER search_fts_insert AFTER INSERT ON search_indexentry BEGIN {_BOTH}END",
    f"CREATE TRIGGER search_fts_delete AFTER DELETE ON search_indexentry BEGIN {_NEITHER}END",
    f"CREATE TRIGGER search_fts_update AFTER UPDATE ON search_indexentry BEGIN {_NEITHER}{_BOTH}END",
]
SQLITE_ONE_FTS = [
    *_TRIGGERS,
    "DROP TABLE search_fts_title",
    "CREATE TRIGGER search_fts_insert AFTER INSERT ON search_indexentry BEGIN "
    "INSERT INTO search_fts(rowid, title, body) VALUES (new.article_id, new.title, new.body); END",
    "CREATE TRIGGER search_fts_delete AFTER DELETE ON search_indexentry BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, title, body) VALUES ('delete', old.article_id, old.title, old.body); END",
    "CREATE TRIGGER search_fts_update AFTER UPDATE ON search_indexentry BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, title, body) VALUES ('delete', old.article_id, old.title, old.body); "
    "INSERT INTO search_fts(rowid, title, body) VALUES (new.article_id, new.title, new.body); END",
]


class Migration(migrations.Migration):

    dependencies = [
        ("search", "0003_facets"),
    ]

    operations = [
        search.operations.VendorRunSQL("postgresql", PG_NARROW, PG_WIDE),
        search.operations.VendorRunSQL("sqlite", SQLITE_TITLE_FTS, SQLITE_ONE_FTS),
    ]
