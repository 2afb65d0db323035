from django.urls import URLPattern

workspace_urlpatterns: list[URLPattern] = []
urlpatterns: list[URLPattern] = []
