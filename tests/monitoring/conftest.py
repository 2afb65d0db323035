"""Fixtures of the monitoring tests: ``surveyed`` (a small surveyed network, survey_support.py)
for every test here, without importing it."""

from tests.monitoring.survey_support import surveyed

__all__ = ["surveyed"]
