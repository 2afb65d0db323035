"""On PostgreSQL, ``Actor.name_key`` compares in code-point order (the "C" collation), whatever
the database's own locale: the order SQLite gives and Python's, in which the directory search
sorts the matches it has counted (phakhi.actors.search_plan.in_order) and reads a prefix as a
range of the name index (``text_q``). Under a language's collation (en_US, th_TH) both would
disagree with the database's ORDER BY. A later change of the field must keep the collation.
"""

from collections.abc import Callable
from typing import Any

from django.db import migrations

COLLATE = 'ALTER TABLE actors_actor ALTER COLUMN name_key TYPE varchar(300) COLLATE "{}"'


def collate(collation: str) -> Callable[[Any, Any], None]:
    def run(apps: Any, schema_editor: Any) -> None:
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(COLLATE.format(collation))

    return run


class Migration(migrations.Migration):
    dependencies = [("actors", "0002_search_index")]

    operations = [migrations.RunPython(collate("C"), collate("default"))]
