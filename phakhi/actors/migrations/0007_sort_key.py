"""Actors sort in Thai dictionary order (เชียงใหม่ under ช, not after every consonant): a stored
``Actor.sort_key`` (``phakhi.core.thai.sort_key`` of the name key), filled here for the actors
already stored, in batches. It compares by code point as name_key does (migration 0003: the "C"
collation on PostgreSQL), so that the directory's sort in Python (search_plan.in_order) agrees
with the database's ORDER BY. The directory's sort indexes (migrations 0002 and 0004) move from
name_key to it; the (workspace, name_key) index stays, for prefixes read as ranges of names.
"""

from typing import Any

from django.db import migrations, models

from phakhi.core.thai import sort_key

BATCH = 5_000
# Added in place: Django would rebuild the table on SQLite to add a NOT NULL column, which drops
# the triggers that keep the search index in step (as phakhi.core.migration_ops says).
ADD_COLUMN = {
    "sqlite": "ALTER TABLE actors_actor ADD COLUMN sort_key varchar(300) NOT NULL DEFAULT ''",
    "postgresql": "ALTER TABLE actors_actor "
    "ADD COLUMN sort_key varchar(300) COLLATE \"C\" NOT NULL DEFAULT ''",
}


def add_column(apps: Any, schema_editor: Any) -> None:
    schema_editor.execute(ADD_COLUMN[schema_editor.connection.vendor])


def drop_column(apps: Any, schema_editor: Any) -> None:
    schema_editor.execute("ALTER TABLE actors_actor DROP COLUMN sort_key")


def fill(apps: Any, schema_editor: Any) -> None:
    """Each actor's key from its name key, a batch of ids at a time, in one UPDATE each."""
    connection = schema_editor.connection
    last = 0
    while True:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT id, name_key FROM actors_actor WHERE id > %s ORDER BY id LIMIT %s",
                [last, BATCH],
            )
            rows = cursor.fetchall()
            if not rows:
                return
            ids = [id_ for id_, _name in rows]
            keys = [sort_key(name) for _id, name in rows]
            if connection.vendor == "postgresql":
                cursor.execute(
                    "UPDATE actors_actor SET sort_key = given.key "
                    "FROM unnest(%s::bigint[], %s::text[]) AS given(id, key) "
                    "WHERE actors_actor.id = given.id",
                    [ids, keys],
                )
            else:
                cursor.executemany(
                    "UPDATE actors_actor SET sort_key = %s WHERE id = %s",
                    list(zip(keys, ids, strict=True)),
                )
        last = ids[-1]


def sort_indexes(column: str) -> list[str]:
    return [
        f"CREATE INDEX actors_actor_search_kind ON actors_actor (workspace_id, kind, {column})",
        f"CREATE INDEX actors_actor_search_sector ON actors_actor (workspace_id, sector, {column})",
        "CREATE INDEX actors_actor_search_province "
        f"ON actors_actor (workspace_id, province_code, {column})",
    ]


DROP_SORT_INDEXES = [
    "DROP INDEX IF EXISTS actors_actor_search_kind",
    "DROP INDEX IF EXISTS actors_actor_search_sector",
    "DROP INDEX IF EXISTS actors_actor_search_province",
]


class Migration(migrations.Migration):
    dependencies = [("actors", "0006_version")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddField(
                    model_name="actor",
                    name="sort_key",
                    field=models.CharField(
                        default="", editable=False, max_length=300, verbose_name="sort key"
                    ),
                ),
            ],
            database_operations=[migrations.RunPython(add_column, drop_column)],
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AlterModelOptions(
            name="actor",
            options={
                "ordering": ["sort_key", "id"],
                "verbose_name": "actor",
                "verbose_name_plural": "actors",
            },
        ),
        migrations.AddIndex(
            model_name="actor",
            index=models.Index(fields=["workspace", "sort_key"], name="actor_sort_key"),
        ),
        migrations.RunSQL(
            [*DROP_SORT_INDEXES, *sort_indexes("sort_key")],
            [*DROP_SORT_INDEXES, *sort_indexes("name_key")],
        ),
    ]
