"""Monitoring network strength (ติดตาม ประเมินความเข้มแข็งของเครือข่าย): network surveys
(``surveys.py``), the network-health scorecard's snapshots (``snapshots.py``) and risk alerts
with the thresholds a workspace sets (``alerts.py``)."""

from phakhi.monitoring.models.alerts import Alert, MonitoringSettings
from phakhi.monitoring.models.snapshots import Snapshot
from phakhi.monitoring.models.surveys import (
    Flow,
    Frequency,
    ItemScore,
    PartnerReport,
    Respondent,
    Survey,
)

__all__ = [
    "Alert",
    "Flow",
    "Frequency",
    "ItemScore",
    "MonitoringSettings",
    "PartnerReport",
    "Respondent",
    "Snapshot",
    "Survey",
]
