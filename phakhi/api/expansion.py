from ninja import Router

router = Router(tags=["expansion"])
