"""The directory's province order (and a province filter in name order) from an index, as the
kind and sector orders of migration 0002: (workspace, province, name). Without it, the first
page sorted by province sorted the workspace (31 of 81 ms on the national demo), and a search
within a province read its actors out of name order."""

from django.db import migrations

CREATE = (
    "CREATE INDEX actors_actor_search_province "
    "ON actors_actor (workspace_id, province_code, name_key)"
)
DROP = "DROP INDEX IF EXISTS actors_actor_search_province"


class Migration(migrations.Migration):
    dependencies = [("actors", "0003_name_key_in_code_point_order")]

    operations = [migrations.RunSQL(CREATE, DROP)]
