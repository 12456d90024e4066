"""WSGI entry point for application servers (gunicorn). It serves production settings
unless DJANGO_SETTINGS_MODULE says otherwise: a server started without it must not run
with DEBUG on and the development key (manage.py keeps the development default)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")
application = get_wsgi_application()
