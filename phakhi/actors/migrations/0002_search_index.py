"""Indexes for the directory search (phakhi.actors.search).

Substring search on ``Actor.name_key``: on SQLite FTS5 tables with the trigram tokenizer over
the column (external content, kept in step by triggers); on PostgreSQL pg_trgm GIN indexes. Both
serve ``contains`` queries of three characters or more without reading every row.

The sort orders of the directory (kind, sector, recently updated) get an index each, so that the
first page of a 600,000-actor list comes from an index instead of a sort. They are created here
rather than in ``Actor.Meta`` because they exist for the search only; Django does not track them.
"""

from django.db import migrations

SORT_INDEXES = [
    "CREATE INDEX actors_actor_search_kind ON actors_actor (workspace_id, kind, name_key)",
    "CREATE INDEX actors_actor_search_sector ON actors_actor (workspace_id, sector, name_key)",
    "CREATE INDEX actors_actor_search_updated ON actors_actor (workspace_id, updated_at, id)",
]
DROP_SORT_INDEXES = [
    "DROP INDEX IF EXISTS actors_actor_search_kind",
    "DROP INDEX IF EXISTS actors_actor_search_sector",
    "DROP INDEX IF EXISTS actors_actor_search_updated",
]

# Two FTS5 trigram tables over actors_actor (external content: they hold the index only): one of
# every name, one of the names of organizations and groups, through which the people of a
# matching organization are found without reading every matching person first.
SQLITE_CREATE = [
    "CREATE VIRTUAL TABLE actors_actor_search USING fts5("
    "name_key, content='actors_actor', content_rowid='id', tokenize='trigram')",
    "CREATE VIRTUAL TABLE actors_actor_search_organizations USING fts5("
    "name_key, content='actors_actor', content_rowid='id', tokenize='trigram')",
    "INSERT INTO actors_actor_search(rowid, name_key) SELECT id, name_key FROM actors_actor",
    "INSERT INTO actors_actor_search_organizations(rowid, name_key) "
    "SELECT id, name_key FROM actors_actor WHERE kind <> 'person'",
    "CREATE TRIGGER actors_actor_search_insert AFTER INSERT ON actors_actor BEGIN "
    "INSERT INTO actors_actor_search(rowid, name_key) VALUES (new.id, new.name_key); "
    "INSERT INTO actors_actor_search_organizations(rowid, name_key) "
    "SELECT new.id, new.name_key WHERE new.kind <> 'person'; END",
    "CREATE TRIGGER actors_actor_search_delete AFTER DELETE ON actors_actor BEGIN "
    "INSERT INTO actors_actor_search(actors_actor_search, rowid, name_key) "
    "VALUES ('delete', old.id, old.name_key); "
    "INSERT INTO actors_actor_search_organizations(actors_actor_search_organizations, rowid, "
    "name_key) SELECT 'delete', old.id, old.name_key WHERE old.kind <> 'person'; END",
    # Bulk updates write every column; only a changed name or kind reaches the indexes.
    "CREATE TRIGGER actors_actor_search_update AFTER UPDATE OF name_key, kind ON actors_actor "
    "WHEN old.name_key IS NOT new.name_key OR old.kind IS NOT new.kind BEGIN "
    "INSERT INTO actors_actor_search(actors_actor_search, rowid, name_key) "
    "VALUES ('delete', old.id, old.name_key); "
    "INSERT INTO actors_actor_search(rowid, name_key) VALUES (new.id, new.name_key); "
    "INSERT INTO actors_actor_search_organizations(actors_actor_search_organizations, rowid, "
    "name_key) SELECT 'delete', old.id, old.name_key WHERE old.kind <> 'person'; "
    "INSERT INTO actors_actor_search_organizations(rowid, name_key) "
    "SELECT new.id, new.name_key WHERE new.kind <> 'person'; END",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS actors_actor_search_update",
    "DROP TRIGGER IF EXISTS actors_actor_search_delete",
    "DROP TRIGGER IF EXISTS actors_actor_search_insert",
    "DROP TABLE IF EXISTS actors_actor_search_organizations",
    "DROP TABLE IF EXISTS actors_actor_search",
]

POSTGRESQL_CREATE = [
    # pg_trgm is a trusted extension: the database's owner may create it without being a
    # superuser. It is left in place when the migration is reversed.
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX actors_actor_search_trgm ON actors_actor USING gin (name_key gin_trgm_ops)",
    "CREATE INDEX actors_actor_search_organizations_trgm ON actors_actor "
    "USING gin (name_key gin_trgm_ops) WHERE kind <> 'person'",
]
POSTGRESQL_DROP = [
    "DROP INDEX IF EXISTS actors_actor_search_organizations_trgm",
    "DROP INDEX IF EXISTS actors_actor_search_trgm",
]


def _run(schema_editor, statements):
    for statement in statements:
        schema_editor.execute(statement)


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        _run(schema_editor, SQLITE_CREATE)
    elif vendor == "postgresql":
        _run(schema_editor, POSTGRESQL_CREATE)
    _run(schema_editor, SORT_INDEXES)


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    _run(schema_editor, DROP_SORT_INDEXES)
    if vendor == "sqlite":
        _run(schema_editor, SQLITE_DROP)
    elif vendor == "postgresql":
        _run(schema_editor, POSTGRESQL_DROP)


class Migration(migrations.Migration):
    dependencies = [("actors", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
