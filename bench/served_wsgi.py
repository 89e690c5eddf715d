"""WSGI entry for the served benchmark (bench.served_settings)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.served_settings")
application = get_wsgi_application()
