from django.urls import URLPattern

workspace_urlpatterns: list[URLPattern] = []
urlpatterns: list[URLPattern] = []

# Importing a filled worksheet (นำเข้าใบงานที่กรอกแล้ว): the upload, its report, applying a
# checked file and downloading its rejected rows.
from django.urls import path  # noqa: E402

from phakhi.web.views import worksheet_import  # noqa: E402

_IMPORT = "projects/<slug:project>/worksheets/import/"
workspace_urlpatterns += [
    path(_IMPORT, worksheet_import.worksheet_import_page, name="worksheet-import"),
    path(
        f"{_IMPORT}<str:upload>/",
        worksheet_import.worksheet_import_report,
        name="worksheet-import-report",
    ),
    path(
        f"{_IMPORT}<str:upload>/apply/",
        worksheet_import.worksheet_import_apply,
        name="worksheet-import-apply",
    ),
    path(
        f"{_IMPORT}<str:upload>/errors/",
        worksheet_import.worksheet_import_errors,
        name="worksheet-import-errors",
    ),
]
