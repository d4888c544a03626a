# syntax=docker/dockerfile:1
# Build: docker build -t cas-directory .
# Release step (migrate + load_reference_data) runs separately: docker compose run --rm migrate
# The same build commands run in CI without a Docker engine: scripts/check_image_steps.sh

FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /app
# The runtime lock alone (exact versions, every file's hash): this layer is rebuilt only when
# the lock changes. The project itself is not a package, so nothing else is installed.
COPY requirements.lock ./
RUN python -m venv /venv && /venv/bin/pip install --require-hashes -r requirements.lock
COPY . .
# collectstatic needs settings, not secrets: a throw-away key that is never served.
RUN DJANGO_SECRET_KEY=collectstatic-only DJANGO_STATIC_ROOT=/app/staticfiles \
    /venv/bin/python manage.py collectstatic --noinput

FROM python:3.11-slim
ENV PATH=/venv/bin:$PATH PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    DJANGO_STATIC_ROOT=/app/staticfiles DJANGO_MEDIA_ROOT=/data/media
RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --home-dir /app --shell /usr/sbin/nologin app \
    && mkdir -p /data/media && chown app:app /data/media
WORKDIR /app
COPY --from=build /venv /venv
COPY --from=build --chown=root:root /app /app
USER app
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "scripts/healthcheck.py"]
CMD ["gunicorn", "cas_directory.wsgi"]
