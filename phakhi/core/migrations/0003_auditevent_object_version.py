from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_alter_auditevent_action"),
    ]

    operations = [
        migrations.AddField(
            model_name="auditevent",
            name="object_version",
            field=models.PositiveIntegerField(
                blank=True,
                help_text="the version of the object this change produced",
                null=True,
                verbose_name="object version",
            ),
        ),
    ]
