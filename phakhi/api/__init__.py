"""The REST API v1 (django-ninja): thin adapters over the domain services and selectors.

Every route lives under ``/api/v1/``; the OpenAPI schema is ``/api/v1/openapi.json`` and the
interactive documentation ``/api/v1/docs``. See docs/api.md.
"""
