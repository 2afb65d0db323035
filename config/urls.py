from django.contrib import admin
from django.urls import include, path

from phakhi.api.main import api

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("", include("phakhi.web.urls")),
]
