"""gunicorn settings for the container (`gunicorn cas_directory.wsgi`)."""

import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = 30
graceful_timeout = 20
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
# No client address, browser or referring page in the access log: visitors
# may be survivors, and an address ties a person to the page they read. The
# path is logged without its query string, which holds what they searched for.
access_log_format = '"%(m)s %(U)s %(H)s" %(s)s %(b)s %(M)sms'
