from django.db import migrations

from phakhi.core.migration_ops import AddVersionField


class Migration(migrations.Migration):
    dependencies = [
        ("networks", "0001_initial"),
    ]

    operations = [
        AddVersionField("membership"),
        AddVersionField("network"),
    ]
