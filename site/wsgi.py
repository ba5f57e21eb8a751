"""WSGI entry point, e.g. `gunicorn --pythonpath site wsgi:application`."""

import os
import sys
from pathlib import Path

# site/ is a plain folder (see manage.py); its parent holds the apps.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.production")

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()
