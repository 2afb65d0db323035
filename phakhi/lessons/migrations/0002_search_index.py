"""Indexes for the lessons library's substring search (phakhi.lessons.search), as the
directory's (actors 0002): on SQLite FTS5 tables with the trigram tokenizer over the sessions'
and answers' search text (external content, kept in step by triggers); on PostgreSQL pg_trgm
GIN indexes. Both serve ``contains`` queries of three characters or more without reading every
answer."""

from django.db import migrations

TABLES = ("lessons_lessonsession", "lessons_lessonanswer")


def _sqlite_create(table: str) -> list[str]:
    index = f"{table}_search"
    return [
        f"CREATE VIRTUAL TABLE {index} USING fts5("
        f"search_key, content='{table}', content_rowid='id', tokenize='trigram')",
        f"INSERT INTO {index}(rowid, search_key) SELECT id, search_key FROM {table}",
        f"CREATE TRIGGER {index}_insert AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {index}(rowid, search_key) VALUES (new.id, new.search_key); END",
        f"CREATE TRIGGER {index}_delete AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {index}({index}, rowid, search_key) "
        f"VALUES ('delete', old.id, old.search_key); END",
        f"CREATE TRIGGER {index}_update AFTER UPDATE OF search_key ON {table} "
        f"WHEN old.search_key IS NOT new.search_key BEGIN "
        f"INSERT INTO {index}({index}, rowid, search_key) "
        f"VALUES ('delete', old.id, old.search_key); "
        f"INSERT INTO {index}(rowid, search_key) VALUES (new.id, new.search_key); END",
    ]


def _sqlite_drop(table: str) -> list[str]:
    index = f"{table}_search"
    return [
        f"DROP TRIGGER IF EXISTS {index}_update",
        f"DROP TRIGGER IF EXISTS {index}_delete",
        f"DROP TRIGGER IF EXISTS {index}_insert",
        f"DROP TABLE IF EXISTS {index}",
    ]


def _postgresql_create(table: str) -> list[str]:
    return [
        # pg_trgm is a trusted extension (actors 0002 creates it too); left when reversed.
        "CREATE EXTENSION IF NOT EXISTS pg_trgm",
        f"CREATE INDEX {table}_search_trgm ON {table} USING gin (search_key gin_trgm_ops)",
    ]


def _postgresql_drop(table: str) -> list[str]:
    return [f"DROP INDEX IF EXISTS {table}_search_trgm"]


STATEMENTS = {
    "sqlite": (_sqlite_create, _sqlite_drop),
    "postgresql": (_postgresql_create, _postgresql_drop),
}


def create(apps, schema_editor):
    make = STATEMENTS.get(schema_editor.connection.vendor)
    for table in TABLES if make else ():
        for statement in make[0](table):
            schema_editor.execute(statement)


def drop(apps, schema_editor):
    make = STATEMENTS.get(schema_editor.connection.vendor)
    for table in TABLES if make else ():
        for statement in make[1](table):
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("lessons", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
