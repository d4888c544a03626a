"""Database outage: a 503 with Retry-After instead of a 500, JSON under /api/.

An unreachable database (refused, timed out connecting, statement cancelled
by statement_timeout) is not a bug in the page: the visitor is told to try
again shortly and the orchestrator sees 503, which it may retry elsewhere.
Nothing is restarted: Django opens a new connection on the next request
(conn_health_checks), so the site recovers by itself.

The API answer has the HSDS API's error shape, {"status": 503, "message": "..."}
(organizations/hsds/responses.py), so that a client reads every API error alike.
"""

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30
OUTAGE_ERRORS = (OperationalError, InterfaceError)


def outage_response(request) -> HttpResponse:
    response: HttpResponse
    if request.path.startswith("/api/"):
        response = JsonResponse(
            {
                "status": 503,
                "message": "The directory's database is unavailable. Try again shortly.",
            },
            status=503,
        )
    else:
        # The 500 page's words fit ("try again in a moment") and it stands alone;
        # rendered without a request, so no context processor touches what is down.
        page = render_to_string("500.html", {"QUICK_EXIT_URL": settings.QUICK_EXIT_URL})
        response = HttpResponse(page, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def is_outage(exception: BaseException | None) -> bool:
    return isinstance(exception, OUTAGE_ERRORS)


class DatabaseOutageMiddleware:
    """Last in MIDDLEWARE, so that its process_exception sees the view's error;
    errors raised while middleware runs reach core.views.server_error, which
    answers the same way."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_outage(exception):
            return None
        logger.error("database unavailable: %s", type(exception).__name__)
        return outage_response(request)
