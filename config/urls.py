from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

from phakhi.api.main import api

FAVICON = "phakhi/favicon.svg"  # phakhi/web/static/

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    # Browsers and feed readers ask for /favicon.ico whatever the pages link to.
    path("favicon.ico", RedirectView.as_view(url=static(FAVICON), permanent=True)),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("", include("phakhi.web.urls")),
]
