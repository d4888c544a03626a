"""A logging filter that keeps what the privacy page promises out of every log line.

Visitors may be survivors, and a log line that ties an address or a search
("shelter 93721") to a time is exactly what must not exist. The filter
rewrites each record's text: addresses (IPv4 and IPv6) become "[address]"
and a query string becomes "?[query]". It runs on Django's handlers
(settings.LOGGING) and on gunicorn's (gunicorn.conf.py), so messages from
any library (an over-long cache key, an invalid request) are covered too.
"""

import ipaddress
import logging
import re

_IPV4 = re.compile(r"(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w.])")
# Candidates only: each is kept unless ipaddress says it is one (so clock
# times like 13:20:45 survive).
_IPV6 = re.compile(r"(?<![\w:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:%\w+)?(?![\w:])")
_QUERY = re.compile(r"\?[^\s\"'<>]+")


def _address(match: re.Match[str]) -> str:
    try:
        ipaddress.ip_address(match.group(0).split("%")[0])
    except ValueError:
        return match.group(0)
    return "[address]"


def redact(text: str) -> str:
    text = _QUERY.sub("?[query]", text)
    text = _IPV4.sub(_address, text)
    return _IPV6.sub(_address, text)


class PrivateLogFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # a malformed format string still gets logged
            message = str(record.msg)
        record.msg = redact(message)
        record.args = None
        return True
