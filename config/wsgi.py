"""WSGI entry point for gunicorn and other WSGI servers."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

application = get_wsgi_application()

# Each server process loads the Dutch dictionary for search while it already serves requests.
from front.search.compounds import warm_up  # noqa: E402

warm_up()
