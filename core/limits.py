"""Bounded requests: a body over REQUEST_BODY_MAX_BYTES is refused with 413
before a byte of it is read, so it is never held in memory or spooled to disk.

Django's own limits (DATA_UPLOAD_MAX_MEMORY_SIZE) only count form fields,
and only once something parses the body; a multipart file goes to the temp
folder whatever its size. This runs first of all middleware. The proxy has
the same limit (deploy/nginx/proxy.conf, client_max_body_size).

The limit sits well above the largest resource PDF (resources.validators.
MAX_PDF_BYTES) plus the rest of the admin form, so a curator's PDF that is
too large gets the form's own error, never a bare 413 that loses the form.
"""

from django.conf import settings
from django.http import HttpResponse


def _refuse(status: int, text: str) -> HttpResponse:
    response = HttpResponse(text, status=status, content_type="text/plain; charset=utf-8")
    # The body was not read: the connection cannot carry another request.
    response["Connection"] = "close"
    return response


class RequestBodyLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        raw = request.META.get("CONTENT_LENGTH") or "0"
        try:
            length = int(raw)
        except ValueError:
            return _refuse(400, "Bad Content-Length.\n")
        if length < 0:
            return _refuse(400, "Bad Content-Length.\n")
        if length > settings.REQUEST_BODY_MAX_BYTES:
            return _refuse(413, "Request body too large.\n")
        return self.get_response(request)
