from typing import Any

from tests.matrix_support import Operation, Route

ALLOWED: dict[str, set[str]] = {}
WEB: list[Route] = []
OPERATIONS: list[Operation] = []
OUTSIDE_WORKSPACES: set[str] = set()


# Importing a filled worksheet: the tab is read by everyone; uploading, the report (rejected
# rows may hold contact persons), applying and the rejected rows' file are for the project's
# editors.
def _worksheet_file() -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    rows = "ชื่อผู้มีส่วนได้เสีย/ภาคี,ระดับอิทธิพล\nนายก ทม.,มาก\nผู้บริโภค,7\n"
    return SimpleUploadedFile("ใบงาน1.csv", rows.encode())


def _worksheet_upload(c: dict[str, Any]) -> dict[str, Any]:
    """A checked upload of the project "clinic" with one rejected row."""
    if "worksheet_upload" not in c:
        from phakhi.worksheets.uploads import upload_run, upload_store
        from tests.conftest import AUTHOR

        upload = upload_store(c["project"], _worksheet_file())
        upload_run(AUTHOR, upload, dry_run=True)
        c["worksheet_upload"] = upload.token
    return {"project": "clinic", "upload": c["worksheet_upload"]}


WEB += [
    Route("worksheet-import", "get", "view", lambda c: {"project": "clinic"}),
    Route("worksheet-import", "post", "edit_project", lambda c: {"project": "clinic"},
          lambda c: {"file": _worksheet_file(), "action": "check"}),
    Route("worksheet-import-report", "get", "edit_project", _worksheet_upload),
    Route("worksheet-import-apply", "post", "edit_project", _worksheet_upload),
    Route("worksheet-import-errors", "get", "edit_project", _worksheet_upload),
]  # fmt: skip


# The worksheets on paper and in Excel: everyone with a role downloads them (a viewer's file
# has the contact persons masked, as tests/worksheets checks).
def _clinic_sheet(worksheet: int, fmt: str) -> Any:
    return lambda c: {"project": "clinic", "worksheet": worksheet, "fmt": fmt}


WEB += [
    Route("project-paper", "get", "view", lambda c: {"project": "clinic"}),
    Route("worksheet-download", "get", "view", _clinic_sheet(1, "xlsx")),
    Route("worksheet-blank", "get", "view", _clinic_sheet(4, "pdf")),
]
