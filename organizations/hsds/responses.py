"""What every answer under /api/hsds/ shares: JSON, CORS, the visitor's language.

`HsdsApiMiddleware` is the one place that makes an error under the API's
prefix JSON, whoever produced it (a view, the URL resolver, Django's own
400 for too many parameters, a 500, the site's database-outage page), so a
client written to the OpenAPI file never has to parse HTML. The site's other
error handlers can call `api_error()` for requests under `API_PREFIX`.
"""

from typing import TypeVar

from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation.trans_real import parse_accept_lang_header

ResponseT = TypeVar("ResponseT", bound=HttpResponse)
API_PREFIX = "/api/hsds/"
RETRY_AFTER_SECONDS = 30
# Headers of an error that a JSON copy of it must keep.
KEPT_HEADERS = ("Allow", "Retry-After")
MESSAGES = {
    400: "Bad request: the query string could not be read.",
    403: "Forbidden.",
    404: "No such path in this API; see /api/hsds/ for its endpoints.",
    405: "This method is not allowed: this API is read-only.",
    500: "Server error: the answer could not be made.",
    503: "The directory is unavailable for a moment; try again shortly.",
}
SUPPORTED_LANGUAGES = ("en", "es")


def is_api_request(request: HttpRequest) -> bool:
    return request.path.startswith(API_PREFIX)


def cors(response: ResponseT) -> ResponseT:
    # Public data, read-only and without cookies: any site may use it.
    response["Access-Control-Allow-Origin"] = "*"
    return response


def api_error(status: int, message: str = "") -> JsonResponse:
    """The API's error body, `{"status": ..., "message": ...}`, with CORS."""
    text = message or MESSAGES.get(status, "Error.")
    response = JsonResponse({"status": status, "message": text}, status=status)
    if status == 503:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return cors(response)


def requested_language(request: HttpRequest) -> str:
    """English, or Spanish when Accept-Language prefers it; no cookie counts, so
    the same request always gets the same answer."""
    header = request.headers.get("Accept-Language", "")
    for code, _quality in parse_accept_lang_header(header):
        base = code.split("-")[0].lower()
        if base in SUPPORTED_LANGUAGES:
            return base
    return "en"


def _is_json(response: HttpResponse) -> bool:
    return response.get("Content-Type", "").startswith("application/json")


class HsdsApiMiddleware:
    """JSON and CORS for every answer under /api/hsds/, in the requested language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_api_request(request):
            return self.get_response(request)
        language = requested_language(request)
        with translation.override(language):
            response = self.get_response(request)
        if response.status_code >= 400 and not _is_json(response):
            replacement = api_error(response.status_code)
            for header in KEPT_HEADERS:
                if header in response:
                    replacement[header] = response[header]
            response = replacement
        response["Content-Language"] = language
        patch_vary_headers(response, ("Accept-Language",))
        return cors(response)

    def process_exception(self, request, exception):
        if not is_api_request(request):
            return None
        if isinstance(exception, DatabaseError):
            return api_error(503)
        return None
