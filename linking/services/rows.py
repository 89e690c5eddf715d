"""Rows written in one executemany statement: the linking steps' bulk writes.

bulk_create builds a model instance per row (sending its post_init signal),
prepares each field of it and compiles the SQL of every row; for the
thousands of rows a batch writes that cost more than the database's work.
Values go to the driver as given: a caller adapts what is not a plain
number or string with its field (Field.get_db_prep_save).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import connection, models


def insert_rows(
    model: type[models.Model],
    fields: Sequence[str],
    rows: Iterable[tuple],
    *,
    conflict: Sequence[str] = (),
    update: Sequence[str] = (),
) -> None:
    """INSERT each row (values in the order of fields, by field name) into model's table, in order.

    With conflict (the fields of a unique constraint) a row that would
    repeat one stored sets the update fields from the new row; without
    update it is left out (ON CONFLICT … DO NOTHING).
    """
    rows = list(rows)
    if not rows:
        return
    column = {f.name: connection.ops.quote_name(f.column) for f in model._meta.concrete_fields}
    sql = (
        f"INSERT INTO {connection.ops.quote_name(model._meta.db_table)} ({', '.join(column[f] for f in fields)})"
        f" VALUES ({', '.join(['%s'] * len(fields))})"
    )
    if conflict:
        sql += f" ON CONFLICT ({', '.join(column[f] for f in conflict)}) DO "
        sql += f"UPDATE SET {', '.join(f'{column[f]} = excluded.{column[f]}' for f in update)}" if update else "NOTHING"
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)
