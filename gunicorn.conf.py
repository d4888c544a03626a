"""gunicorn settings for the container (`gunicorn cas_directory.wsgi`).

gunicorn sits behind nginx (deploy/nginx/cas-directory.conf), which buffers
slow clients and whole requests; the limits here repeat nginx's, so that
gunicorn reached directly refuses the same requests.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = 30
graceful_timeout = 20
# Idle keep-alive connections from nginx are let go after 5 s.
keepalive = 5
# Only nginx's address may set X-Forwarded-Proto (HTTPS); the visitor's
# address is read from X-Forwarded-For by the application (TRUSTED_PROXY_COUNT).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# The same header limits as nginx's large_client_header_buffers (8 KB).
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190
# gunicorn 27's control socket (for gunicornc) is not used: the orchestrator
# restarts containers. Its default place, $HOME/.gunicorn, is read-only in the image.
control_socket_disable = True

accesslog = "-"
# No client address, browser or referring page in the access log: visitors
# may be survivors, and an address ties a person to the page they read. The
# path is logged without its query string, which holds what they searched for.
access_log_format = '"%(m)s %(U)s %(H)s" %(s)s %(b)s %(M)sms'
# gunicorn's own messages name the client on an invalid request ("Invalid
# request from ip=...") and the full address on an error: every line passes
# the filter that Django's logging uses too.
_private = {"filters": ["private"], "formatter": "generic", "class": "logging.StreamHandler"}
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"private": {"()": "core.log_privacy.PrivateLogFilter"}},
    "root": {"level": "INFO", "handlers": ["console"]},
    "loggers": {
        "gunicorn.error": {"level": "INFO", "handlers": ["error_console"], "propagate": False},
        "gunicorn.access": {"level": "INFO", "handlers": ["console"], "propagate": False},
    },
    "handlers": {
        "console": {**_private, "stream": "ext://sys.stdout"},
        "error_console": {**_private, "stream": "ext://sys.stderr"},
    },
    "formatters": {
        "generic": {
            "format": "%(asctime)s [%(process)d] [%(levelname)s] %(message)s",
            "datefmt": "[%Y-%m-%d %H:%M:%S %z]",
        }
    },
}
