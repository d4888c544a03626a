"""The visitor's address behind TRUSTED_PROXY_COUNT proxies.

axes (sign-in lockouts) and every rate limit (suggested corrections) key on
this, so that behind nginx each visitor has their own address, not the
proxy's. Each trusted proxy appends the address it received the request
from to X-Forwarded-For; the visitor's is therefore the entry that many
places from the right. Entries further left came from the client and could
be anything, so they are never believed.
"""

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    proxies = settings.TRUSTED_PROXY_COUNT
    remote = request.META.get("REMOTE_ADDR", "")
    if proxies <= 0:
        return remote
    forwarded = [entry.strip() for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [entry for entry in forwarded if entry]
    if len(forwarded) < proxies:
        # Fewer entries than proxies: the request skipped a proxy; the nearest
        # hop we can name is the socket's.
        return forwarded[0] if forwarded else remote
    return forwarded[-proxies]
