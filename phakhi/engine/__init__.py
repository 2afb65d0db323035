"""Framework-free network analysis on igraph (built in issue #3).

This package imports nothing of Django or the rest of Phakhi; an import-linter contract keeps it so.
"""
