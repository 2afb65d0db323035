"""A self-assessment as a file for an award application, XLSX or PDF: the one entry point for
the pages, the API and the command line. The PDF is drawn like the worksheets (Sarabun, page
numbers, the agency and the date on every page)."""

from __future__ import annotations

from phakhi.assessments.exports import assessment_html, assessment_xlsx, file_name, report
from phakhi.assessments.models import SelfAssessment
from phakhi.worksheets.exports import CONTENT_TYPES, FORMATS, WorksheetError, WorksheetFile
from phakhi.worksheets.pdf import render_pdf


def assessment_file(
    assessment: SelfAssessment, fmt: str, *, respondents: str | None = None
) -> WorksheetFile:
    """``assessment`` as ``fmt`` ("pdf" or "xlsx"), in the active language; ``respondents``
    as the reader may see who took part (None: as stored, for the command line)."""
    if fmt not in FORMATS:
        raise WorksheetError(f"a self-assessment is written as xlsx or pdf, not {fmt}")
    found = report(assessment, respondents=respondents)
    content = assessment_xlsx(found) if fmt == "xlsx" else render_pdf(assessment_html(found))
    return WorksheetFile(file_name(assessment, fmt), CONTENT_TYPES[fmt], content)
