"""API v1: the network-health scorecard's snapshots and the risk alerts, with the same
permissions as the pages. The scorecard's routes are in ``api/snapshots.py``; the alerts'
routes are added to this router (or a module of their own mounted the same way)."""

from ninja import Router

from phakhi.api import alerts, snapshots

router = Router(tags=["monitoring"])
router.add_router("", snapshots.router)
router.add_router("", alerts.router)
