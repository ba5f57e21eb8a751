"""gunicorn's settings for `make serve` (scripts/serve.sh); each can be set from the
environment: HOST, PORT, WEB_CONCURRENCY (worker processes), GUNICORN_TIMEOUT."""

import multiprocessing
import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
# Synchronous workers, two per core and one more: a page waits on the database or
# Redis for part of its time, and a cached page takes a few milliseconds.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
# Each worker starts afresh now and then, so a slow leak cannot grow without bound.
max_requests = 2000
max_requests_jitter = 200
pythonpath = os.path.dirname(os.path.abspath(__file__))
wsgi_app = "wsgi:application"
accesslog = "-"  # stdout; the app's own logs are JSON lines there too
errorlog = "-"
# The TLS proxy in front says which requests came over HTTPS (X-Forwarded-Proto).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
