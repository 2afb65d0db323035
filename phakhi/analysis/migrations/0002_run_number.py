"""Analysis runs are numbered per workspace: existing runs get 1, 2, … in the order they were
made, and a number is unique within its workspace."""

from typing import Any

from django.db import migrations, models


def number_existing_runs(apps: Any, schema_editor: Any) -> None:
    AnalysisRun = apps.get_model("analysis", "AnalysisRun")
    counts: dict[int, int] = {}
    for run in AnalysisRun.objects.order_by("id").only("id", "workspace_id").iterator():
        counts[run.workspace_id] = counts.get(run.workspace_id, 0) + 1
        AnalysisRun.objects.filter(pk=run.pk).update(number=counts[run.workspace_id])


class Migration(migrations.Migration):
    dependencies = [("analysis", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="analysisrun",
            name="number",
            field=models.PositiveIntegerField(null=True, verbose_name="number"),
        ),
        migrations.RunPython(number_existing_runs, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="analysisrun",
            name="number",
            field=models.PositiveIntegerField(verbose_name="number"),
        ),
        migrations.AddConstraint(
            model_name="analysisrun",
            constraint=models.UniqueConstraint(
                fields=("workspace", "number"), name="run_number_unique"
            ),
        ),
    ]
