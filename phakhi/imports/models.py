"""An import made in the browser: the uploaded file, the user's column mapping, and the report
of its check and of its application."""

from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from phakhi.core.models import WorkspaceScoped


class ImportJob(WorkspaceScoped):
    class What(models.TextChoices):
        ACTORS = "actors", _("actors")
        TIES = "ties", _("ties")
        ACTIVITIES = "activities", _("activities")
        ATTENDANCE = "attendance", _("attendance")

    class Status(models.TextChoices):
        UPLOADED = "uploaded", _("uploaded")
        CHECKING = "checking", _("checking")
        CHECKED = "checked", _("checked")
        APPLYING = "applying", _("applying")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    what = models.CharField(_("what"), max_length=10, choices=What.choices)
    file_name = models.CharField(_("file name"), max_length=255)
    # Relative to DATA_DIR; never served directly.
    stored_path = models.CharField(_("stored file"), max_length=500)
    file_size = models.BigIntegerField(_("file size"), default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    sheets = models.JSONField(_("sheets"), default=list, blank=True)
    sheet = models.CharField(_("sheet"), max_length=200, blank=True)
    headers = models.JSONField(_("headers"), default=list, blank=True)
    preview = models.JSONField(_("preview"), default=list, blank=True)
    mapping = models.JSONField(_("column mapping"), default=dict, blank=True)
    options = models.JSONField(_("options"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.UPLOADED
    )
    progress = models.FloatField(_("progress"), default=0.0)
    step = models.CharField(_("step"), max_length=200, blank=True)
    problem = models.TextField(_("problem"), blank=True)
    report = models.JSONField(_("report"), default=dict, blank=True)
    errors_path = models.CharField(_("error file"), max_length=500, blank=True)
    rows_total = models.IntegerField(_("rows"), default=0)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-id"]
        indexes = [models.Index(fields=["workspace", "-id"], name="import_job_latest")]

    def __str__(self) -> str:
        return f"{self.what}: {self.file_name}"

    @property
    def running(self) -> bool:
        return self.status in (self.Status.CHECKING, self.Status.APPLYING)

    @property
    def is_xlsx(self) -> bool:
        return self.stored_path.lower().endswith(".xlsx")

    def file_path(self) -> Path:
        return Path(settings.DATA_DIR) / self.stored_path

    def errors_file(self) -> Path | None:
        return Path(settings.DATA_DIR) / self.errors_path if self.errors_path else None

    def stored_files(self) -> list[Path]:
        """The upload and its error file, as far as they were written."""
        return [path for path in (self.file_path(), self.errors_file()) if path is not None]
