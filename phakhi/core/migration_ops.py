"""Schema operations shared by the apps' migrations."""

from typing import Any

from django.db import migrations, models


class AddVersionField(migrations.AddField):
    """Add ``Versioned.version`` to a model. On SQLite Django rebuilds a table to add a NOT NULL
    column, which drops the triggers that keep the actors' search index in step (and takes
    minutes for millions of ties); SQLite adds such a column in place when it has a default."""

    def __init__(self, model_name: str) -> None:
        field = models.PositiveIntegerField(
            db_default=1, default=1, editable=False, verbose_name="version"
        )
        super().__init__(model_name=model_name, name="version", field=field)

    def deconstruct(self) -> tuple[str, list[Any], dict[str, Any]]:
        return self.__class__.__name__, [], {"model_name": self.model_name}

    def database_forwards(
        self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any
    ) -> None:
        if schema_editor.connection.vendor != "sqlite":
            super().database_forwards(app_label, schema_editor, from_state, to_state)
            return
        model = to_state.apps.get_model(app_label, self.model_name)
        table = schema_editor.quote_name(model._meta.db_table)
        schema_editor.execute(
            f'ALTER TABLE {table} ADD COLUMN "version" integer unsigned NOT NULL DEFAULT 1 '
            'CHECK ("version" >= 0)'
        )
