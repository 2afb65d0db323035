"""A favicon: every page links one served from this site (the Content-Security-Policy allows
images from 'self' only), and /favicon.ico, which browsers ask for anyway, leads to it instead
of a 404."""

from xml.etree import ElementTree

from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.test import Client
from django.urls import reverse

ICON = "phakhi/favicon.svg"


def test_pages_link_the_favicon_and_favicon_ico_leads_to_it(db):
    login = Client().get(reverse("web:login"))
    assert f'<link rel="icon" href="{static(ICON)}" type="image/svg+xml">' in login.content.decode()
    response = Client().get("/favicon.ico")
    assert response.status_code == 301 and response.url == static(ICON)


def test_the_favicon_is_a_static_svg_image():
    path = finders.find(ICON)
    assert path, "phakhi/web/static/phakhi/favicon.svg"
    root = ElementTree.parse(path).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
