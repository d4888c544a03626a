# Build: docker build -t cas-directory .   (CI: .ci/run, scripts/build_image.sh)
# BASE is any Debian-like image with python3 (3.11+) and python3-venv: CI uses a
# debootstrapped bookworm made by scripts/build_base_image.sh, so no registry is asked.
# The release step (migrate + load_reference_data) is not part of start-up:
# docker compose run --rm release
ARG BASE=python:3.11-slim

FROM ${BASE} AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1 \
    PIP_CERT=/etc/ssl/certs/ca-certificates.crt
WORKDIR /app
# The runtime lock alone (exact versions, every file's hash): this layer is rebuilt only when
# the lock changes. The project itself is not a package, so nothing else is installed.
COPY requirements.lock ./
RUN python3 -m venv /venv && /venv/bin/pip install --require-hashes -r requirements.lock
COPY . .
# collectstatic needs settings, not secrets: a throw-away key that is never served.
RUN DJANGO_SECRET_KEY=collectstatic-only DJANGO_STATIC_ROOT=/app/staticfiles \
    /venv/bin/python manage.py collectstatic --noinput --verbosity 0

FROM ${BASE}
ENV PATH=/venv/bin:$PATH PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    DJANGO_STATIC_ROOT=/app/staticfiles DJANGO_MEDIA_ROOT=/data/media HOME=/tmp
RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --home-dir /nonexistent --no-create-home \
       --shell /usr/sbin/nologin app \
    && mkdir -p /data/media && chown 10001:10001 /data/media
WORKDIR /app
COPY --from=build /venv /venv
COPY --from=build --chown=root:root /app /app
# Numeric, so that the orchestrator can tell without /etc/passwd that it is not root.
USER 10001:10001
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "scripts/healthcheck.py"]
CMD ["gunicorn", "cas_directory.wsgi"]
