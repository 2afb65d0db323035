"""Bulk writes for imports of hundreds of thousands of rows: COPY on PostgreSQL, executemany on
SQLite. Model instances are not built, which is what makes a 3-million-tie import fit in
minutes. Callers validate every row first and run inside their own transaction."""

import gc
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import islice
from typing import Any

from django.db import connection, models
from django.utils import timezone

BATCH = 10_000


def _batches(rows: Iterable[Sequence[Any]], size: int) -> Iterator[list[Sequence[Any]]]:
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch


def timestamp() -> Any:
    """Now, already in the form the database stores, so that a million rows do not each pay for
    converting the same datetime."""
    return connection.ops.adapt_datetimefield_value(timezone.now())


def insert_rows(
    model: type[models.Model], columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> int:
    """Insert rows of values for ``columns`` (database column names); returns the count."""
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    count = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
                    count += 1
            return count
        placeholders = ", ".join(["%s"] * len(columns))
        sql = f"INSERT INTO {table} ({names}) VALUES ({placeholders})"
        for batch in _batches(rows, BATCH):
            cursor.executemany(sql, batch)
            count += len(batch)
    return count


def update_rows(
    model: type[models.Model], columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> int:
    """Update by primary key: each row is the values for ``columns`` followed by the id."""
    table = connection.ops.quote_name(model._meta.db_table)
    assignments = ", ".join(f"{connection.ops.quote_name(c)} = %s" for c in columns)
    sql = f"UPDATE {table} SET {assignments} WHERE id = %s"
    count = 0
    with connection.cursor() as cursor:
        for batch in _batches(rows, BATCH):
            cursor.executemany(sql, batch)
            count += len(batch)
    return count


def delete_ids(model: type[models.Model], column: str, ids: Iterable[int]) -> None:
    table = connection.ops.quote_name(model._meta.db_table)
    sql = f"DELETE FROM {table} WHERE {connection.ops.quote_name(column)} = %s"
    with connection.cursor() as cursor:
        for batch in _batches(([i] for i in ids), BATCH):
            cursor.executemany(sql, batch)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while millions of rows are read into memory: they
    form no cycles, and each collection would walk all of them again."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
