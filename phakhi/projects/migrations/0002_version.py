from django.db import migrations

from phakhi.core.migration_ops import AddVersionField


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0001_initial"),
    ]

    operations = [
        AddVersionField("project"),
    ]
