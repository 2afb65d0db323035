import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

# What is loaded by now (Django, the apps, the libraries) lives as long as the process. Frozen,
# it is left out of the collector's full passes, which otherwise walk all of it every few
# requests that read thousands of rows: tens of milliseconds each, in the middle of a request.
gc.freeze()
