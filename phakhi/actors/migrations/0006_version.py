from django.db import migrations

from phakhi.core.migration_ops import AddVersionField


class Migration(migrations.Migration):
    dependencies = [
        ("actors", "0005_sector_kind_index_holds_ids"),
    ]

    operations = [
        AddVersionField("actor"),
    ]
