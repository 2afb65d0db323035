"""API v1: network surveys — rounds, their roster and respondents, responses and results —
with the same permissions as the pages."""

from ninja import Router

router = Router(tags=["network-surveys"])
