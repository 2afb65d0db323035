"""The rows of the permission matrix, one module an area: each has ``ALLOWED``
(its own permission names → roles), ``WEB`` (pages), ``OPERATIONS`` (API) and
``OUTSIDE_WORKSPACES`` (route names outside /w/<workspace>/, such as a participant's join page).
``tests/test_permission_matrix.py`` runs them with the rest."""

from tests.matrix import (
    activities,
    alerts,
    assessments,
    attendance,
    calendar,
    coparticipation,
    design,
    drawing,
    expansion,
    lessons,
    live,
    participation,
    projects,
    scorecard,
    stakeholders,
    surveys,
    worksheets,
)

AREAS = (
    projects, stakeholders, lessons, drawing, expansion, design, live, worksheets,
    activities, attendance, coparticipation, calendar, participation, assessments,
    surveys, scorecard, alerts,
)  # fmt: skip
