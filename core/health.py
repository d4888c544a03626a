"""Probes for the orchestrator: /healthz says the process answers, /readyz
that it can reach what it needs to serve pages.

/readyz answers within READY_TIMEOUT_SECONDS whatever the database does: a
server that accepts connections but never answers would hold the probe for
libpq's connect timeout (never under 2 s) and a statement for longer, so the
check runs on its own thread, with its own connection, and is given up on
when it is late (the thread ends by itself at the connect timeout).
"""

import threading

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

READY_TIMEOUT_SECONDS = 1.5


@require_safe
@never_cache
def healthz(request):
    return JsonResponse({"status": "ok"})


def _database_answers(result: dict[str, bool]) -> None:
    # A new thread has its own connection; closed here so none is left behind.
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            result["ok"] = cursor.fetchone() == (1,)
    except DatabaseError:
        result["ok"] = False
    finally:
        connection.close()


def database_ready() -> bool:
    result: dict[str, bool] = {}
    probe = threading.Thread(target=_database_answers, args=(result,), daemon=True)
    probe.start()
    probe.join(READY_TIMEOUT_SECONDS)
    return result.get("ok", False)


def cache_ready() -> bool:
    # The Redis client's own socket timeouts (settings.CACHES) bound this.
    try:
        cache.set("readyz", "1", 5)
        return cache.get("readyz") == "1"
    except Exception:  # any cache backend error means not ready
        return False


@require_safe
@never_cache
def readyz(request):
    checks = {
        "database": "ok" if database_ready() else "unavailable",
        "cache": "ok" if cache_ready() else "unavailable",
    }
    ready = all(value == "ok" for value in checks.values())
    return JsonResponse(
        {"status": "ok" if ready else "unavailable", **checks}, status=200 if ready else 503
    )
