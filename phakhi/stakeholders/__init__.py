"""Worksheet 1 (ใบงาน 1): stakeholder analysis — assessments and their stakeholders."""
