"""Querysets compiled to SQL once, then run again with new arguments (a prepared read).

Django compiles a queryset to SQL on every evaluation. For the small reads of
a hot page (one article by id, its page's headlines) that compiling is most of
their cost: the article page's seven queries spent about twice as much CPU in
the ORM's SQL compiler as SQLite took to answer them. A Prepared read builds
its queryset once, with a placeholder for each argument, compiles it once per
database connection (a compiler belongs to its connection, and connections to
their thread), and after that only swaps the arguments into the compiled
parameters. Rows still become model instances through the queryset's own
iteration (select_related, annotations, prefetch_related all as usual).

Only placeholders compared with = take new values safely: an argument must
reach the SQL as one parameter, unchanged (an id, a foreign key, or a parameter
of raw SQL such as a LIMIT: public.selectors.SectionNewest).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar
from weakref import WeakKeyDictionary

from django.db import connections
from django.db.models import Model, QuerySet, prefetch_related_objects
from django.db.models.sql import Query

M = TypeVar("M", bound=Model)

# Stand-ins for the arguments, told apart from the other parameters by value:
# within every integer field's range (a value outside it, or a negative one
# for a positive field, makes Django leave the condition out of the SQL).
_PLACEHOLDER_BASE = 2_147_483_000
_INT64_MIN, _INT64_MAX = -(2**63), 2**63 - 1


class Prepared(Generic[M]):
    """build(**placeholders) -> QuerySet, compiled once per connection; call with the real arguments."""

    def __init__(self, build: Callable[..., QuerySet[M]], *names: str):
        self._build = build
        self._placeholders = {name: _PLACEHOLDER_BASE + n for n, name in enumerate(names)}
        self._template: QuerySet[M] | None = None
        self._compiled: WeakKeyDictionary = WeakKeyDictionary()
        self._lock = threading.Lock()

    def __call__(self, **arguments: int) -> list[M]:
        if arguments.keys() != self._placeholders.keys():
            raise TypeError(f"takes exactly {sorted(self._placeholders)}")
        if not all(_INT64_MIN <= value <= _INT64_MAX for value in arguments.values()):
            # No row has such an id; the queryset would know it from the field's
            # range and not ask, and a database driver would refuse the number.
            return []
        template = self._prepare() if self._template is None else self._template  # (a queryset's bool() runs it)
        connection = connections[template.db]  # this thread's
        compiler, sql, params, slots = self._compiled.get(connection) or self._compile(connection)
        values = list(params)
        for name, positions in slots.items():
            for position in positions:
                values[position] = arguments[name]
        # A connection is used by one thread at a time, so its compiler is too.
        compiler.as_sql = lambda *args, **kwargs: (sql, tuple(values))
        # What the queryset's evaluation does (its rows, then its prefetches),
        # without cloning the queryset and its query for every call.
        rows = list(template._iterable_class(template))
        if template._prefetch_related_lookups:
            prefetch_related_objects(rows, *template._prefetch_related_lookups)
        return rows

    def _prepare(self) -> QuerySet[M]:
        template = self._build(**self._placeholders)
        # The row iteration asks the query for a compiler: it is handed this
        # thread's compiled one, whose select list and row layout are worked out.
        template.query.get_compiler = lambda *args, **kwargs: self._compiled[connections[template.db]][0]
        self._template = template
        return template

    def _compile(self, connection) -> tuple:
        compiler = Query.get_compiler(self._template.query, using=self._template.db)
        sql, params = compiler.as_sql()
        # Which columns need converting from the database's values (dates on
        # SQLite, JSON) is as fixed as the select list: worked out once too.
        converters = compiler.get_converters([column[0] for column in compiler.select[0:compiler.col_count]])
        compiler.get_converters = lambda expressions: converters
        slots = {name: [i for i, value in enumerate(params) if value == placeholder]
                 for name, placeholder in self._placeholders.items()}
        missing = [name for name, positions in slots.items() if not positions]
        if missing:
            raise ValueError(f"placeholders {missing} do not reach the SQL as parameters")
        compiled = (compiler, sql, params, slots)
        with self._lock:
            self._compiled[connection] = compiled
        return compiled
