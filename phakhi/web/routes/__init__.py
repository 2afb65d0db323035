"""Route groups of the workshop kit, one module an area, each with ``workspace_urlpatterns``
(under /w/<workspace>/) and ``urlpatterns`` (everything else, such as a participant's join page).
web/urls.py includes them all; their names are in the "web" namespace like the others."""
