"""Health probes for a load balancer or orchestrator.

/healthz: the process is up and answering (no database, no cache: a probe that
restarts app servers must not restart them all when the database is down).
/readyz: this app server can serve: the database answers, the cache answers, and
the search backend answers. 503, naming what failed, when one does not.

Neither is cached, sets a cookie, or is redirected to HTTPS (SECURE_REDIRECT_EXEMPT),
so a balancer can probe over plain HTTP inside the network.
"""

import logging

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache

from search.backends import get_backend

logger = logging.getLogger(__name__)


@never_cache
def healthz(request):
    return HttpResponse("ok\n", content_type="text/plain")


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _cache():
    cache.set("ops:readyz", "1", timeout=10)
    if cache.get("ops:readyz") != "1":
        raise RuntimeError("the cache did not keep a value")


def _search():
    get_backend().ping()


CHECKS = {"database": _database, "cache": _cache, "search": _search}


@never_cache
def readyz(request):
    failed = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as error:  # any failure means not ready; say which
            logger.warning("readyz: %s failed: %s", name, error)
            failed[name] = type(error).__name__
    status = 503 if failed else 200
    return JsonResponse(
        {"ready": not failed, "failed": failed, "checked": list(CHECKS)}, status=status
    )
