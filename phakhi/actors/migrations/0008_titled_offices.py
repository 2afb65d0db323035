"""People named by an office that begins with a title's letters (นายก ทม., นายอำเภอ…) kept the
office whole in their name key from now on (phakhi.core.thai.TITLED_OFFICES): the keys stored
before lost its first word, so that the mayor compared equal to the municipality."""

from typing import Any

from django.db import migrations
from django.db.models import Q

from phakhi.core.thai import name_key, sort_key


def rekey(apps: Any, schema_editor: Any) -> None:
    actor_model = apps.get_model("actors", "Actor")
    offices = actor_model.objects.filter(
        Q(name__contains="นายก") | Q(name__contains="นายอำเภอ"), kind="person"
    )
    changed = []
    for actor in offices.only("id", "name", "name_key", "sort_key").iterator():
        key = name_key(actor.name)[:300]
        if key != actor.name_key:
            actor.name_key, actor.sort_key = key, sort_key(key)
            changed.append(actor)
    actor_model.objects.bulk_update(changed, ["name_key", "sort_key"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("actors", "0007_sort_key")]

    operations = [migrations.RunPython(rekey, migrations.RunPython.noop, elidable=True)]
