"""Worksheet 2 (ใบงาน 2): lessons-learned sessions and the lessons library."""
