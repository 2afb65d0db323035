"""API v1: the network-health scorecard's snapshots and the risk alerts, with the same
permissions as the pages."""

from ninja import Router

router = Router(tags=["monitoring"])
