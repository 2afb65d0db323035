"""Phakhi (ภาคี): an information system for governing by network."""
