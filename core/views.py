import sys

from django.shortcuts import render
from django.views.decorators.csrf import requires_csrf_token

from core.outage import is_outage, outage_response


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


@requires_csrf_token
def server_error(request):
    # A database outage met outside a view (a session read by middleware)
    # is still an outage, not a bug: 503 with Retry-After.
    if is_outage(sys.exc_info()[1]):
        return outage_response(request)
    # A 500 page must not touch the database or anything else that may be the
    # cause; the template extends nothing that queries.
    return render(request, "500.html", status=500)
