FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=ilrc_site.settings.production
WORKDIR /app
# GNU gettext's msgfmt compiles the interface's translations (compilemessages below);
# WeasyPrint lays out the publications' PDFs with Pango, in the DejaVu fonts.
RUN apt-get update && apt-get install -y --no-install-recommends gettext \
        libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

COPY pyproject.toml requirements.lock README.md ./
COPY base base
COPY ilrc_site ilrc_site
COPY publications publications
COPY programs programs
RUN pip install --no-cache-dir -c requirements.lock -e .

COPY . .
# Fingerprinted, compressed static files for WhiteNoise; the key is for this step only.
RUN SECRET_KEY=collectstatic-only ALLOWED_HOSTS=localhost python manage.py collectstatic --noinput
# The translations' .mo files are not in the repository: compiled from the .po files.
RUN SECRET_KEY=compilemessages-only ALLOWED_HOSTS=localhost python manage.py compilemessages

RUN useradd --create-home ilrc && mkdir -p /app/media && chown ilrc /app/media
USER ilrc
EXPOSE 8000
CMD ["gunicorn", "ilrc_site.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "2"]
