"""Worksheet 4 (ใบงาน 4): cross-issue expansion plans and who to reach next."""
