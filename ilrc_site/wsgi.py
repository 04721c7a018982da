"""WSGI entry point; gunicorn serves `ilrc_site.wsgi:application`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ilrc_site.settings.production")

application = get_wsgi_application()
