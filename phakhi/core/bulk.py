"""Bulk writes for imports of hundreds of thousands of rows: COPY on PostgreSQL, executemany on
SQLite. Model instances are not built, which is what makes a 3-million-tie import fit in
minutes. Callers validate every row first and run inside their own transaction."""

import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
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


def _copy_statement(model: type[models.Model], columns: Sequence[str]) -> str:
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    return f"COPY {table} ({names}) FROM STDIN"


def insert_rows(
    model: type[models.Model], columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> int:
    """Insert rows of values for ``columns`` (database column names); returns the count."""
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    count = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.copy(_copy_statement(model, columns)) as copy:
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
    if connection.vendor == "postgresql":
        return _update_through_copy(model, columns, rows)
    table = connection.ops.quote_name(model._meta.db_table)
    assignments = ", ".join(f"{connection.ops.quote_name(c)} = %s" for c in columns)
    sql = f"UPDATE {table} SET {assignments} WHERE id = %s"
    count = 0
    with connection.cursor() as cursor:
        for batch in _batches(rows, BATCH):
            cursor.executemany(sql, batch)
            count += len(batch)
    return count


def _update_through_copy(
    model: type[models.Model], columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> int:
    # One UPDATE … FROM a temporary table filled by COPY: hundreds of thousands of single-row
    # UPDATEs are round trips PostgreSQL does not need.
    quote = connection.ops.quote_name
    table, staging = quote(model._meta.db_table), quote(f"staging_{model._meta.db_table}")
    names = ", ".join(quote(c) for c in [*columns, "id"])
    count = 0
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TEMPORARY TABLE {staging} AS SELECT {names} FROM {table} WITH NO DATA"
        )
        try:
            with cursor.copy(f"COPY {staging} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
                    count += 1
            assignments = ", ".join(f"{quote(c)} = s.{quote(c)}" for c in columns)
            cursor.execute(f"UPDATE {table} t SET {assignments} FROM {staging} s WHERE t.id = s.id")
        finally:
            cursor.execute(f"DROP TABLE IF EXISTS {staging}")
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


class Inserter:
    """New rows for one table, given as compact items and turned into rows by ``make_row``.

    On PostgreSQL (``stream=True``, inside the caller's transaction) each row goes into COPY as
    soon as it is added, so the server indexes rows on the other core while Python reads the
    rest of the file. Otherwise the items are kept and inserted by ``finish``, sorted: in index
    order a B-tree is appended to rather than split all over.
    """

    def __init__(
        self,
        model: type[models.Model],
        columns: Sequence[str],
        make_row: Callable[[Any], Sequence[Any]],
        *,
        stream: bool,
    ) -> None:
        self.model, self.columns, self.make_row = model, columns, make_row
        self.items: list[Any] = []
        self.count = 0
        self._copy: Any = None
        self._copying: Any = None
        self._cursor: Any = None
        if stream:
            self._cursor = connection.cursor()
            self._copying = self._cursor.copy(_copy_statement(model, columns))
            self._copy = self._copying.__enter__()

    @property
    def streaming(self) -> bool:
        return self._copy is not None

    def add(self, item: Any) -> None:
        self.count += 1
        if self._copy is not None:
            self._copy.write_row(self.make_row(item))
        else:
            self.items.append(item)

    def finish(self) -> int:
        if self._copy is not None:
            self.close()
        else:
            self.items.sort()
            insert_rows(self.model, self.columns, map(self.make_row, self.items))
            self.items = []
        return self.count

    def close(self, error: BaseException | None = None) -> None:
        """End a COPY; after an error the caller's transaction is rolled back anyway."""
        if self._copy is not None:
            self._copy = None
            self._copying.__exit__(type(error) if error else None, error, None)
            self._cursor.close()
        self.items = []
