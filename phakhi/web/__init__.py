"""The server-rendered web UI: views, forms and templates only (no models, no business logic)."""
