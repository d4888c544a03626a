"""Cross-Origin-Resource-Policy on every answer, pages and static files alike.

Django sets the other security headers (SecurityMiddleware: HSTS, nosniff,
Referrer-Policy, COOP) but has no CORP setting. same-origin: no other site
may embed the directory's pages, images or scripts, which would let it learn
from load timing whether a visitor has been here.
"""


class CrossOriginResourcePolicyMiddleware:
    """Placed before WhiteNoise, whose static answers skip later middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response
