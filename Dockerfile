# Production image: slim, non-root, static files collected and catalogues compiled at build time.
FROM python:3.11-slim-bookworm AS base

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=integration_site.settings.prod

RUN apt-get update \
 && apt-get install -y --no-install-recommends gettext \
      libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --create-home --uid 10001 kfi

WORKDIR /app
COPY pyproject.toml README.md ./
RUN pip install .
COPY . .

# Build-time only values: collectstatic and compilemessages need settings, not secrets.
RUN SECRET_KEY=build-only ALLOWED_HOSTS=localhost STATIC_ROOT=/app/staticfiles \
      python manage.py collectstatic --noinput -v0 \
 && SECRET_KEY=build-only ALLOWED_HOSTS=localhost \
      python manage.py compilemessages -v0 \
 && mkdir -p /app/media && chown kfi:kfi /app/media

# Inside the container gunicorn listens on every interface so the proxy's container reaches it;
# publish the port only to that proxy (never to the internet: sync workers need nginx in front).
ENV STATIC_ROOT=/app/staticfiles MEDIA_ROOT=/app/media GUNICORN_BIND=0.0.0.0:8000
USER kfi
EXPOSE 8000
# The check speaks as the proxy would: an allowed host name and HTTPS already terminated.
HEALTHCHECK --interval=30s --timeout=5s CMD python -c "import os, urllib.request as u; u.urlopen(u.Request('http://127.0.0.1:8000/healthz', headers={'Host': os.environ['ALLOWED_HOSTS'].split(',')[0], 'X-Forwarded-Proto': 'https'}))"
CMD ["sh", "-c", "python manage.py migrate --noinput && python manage.py rebuild_search_index && exec gunicorn integration_site.wsgi:application -c gunicorn.conf.py"]
