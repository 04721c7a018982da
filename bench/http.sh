#!/usr/bin/env bash
# The HTTP benchmark: a PostgreSQL database holding the demo site and COUNT generated
# publications (made once, then reused), static files collected, then bench/http_bench.py
# (gunicorn with production settings, wrk against each page, cache on and off).
#
#   bash bench/http.sh [COUNT, default 10000] [options for bench/http_bench.py, e.g. --seconds 20]
#
# The database is ilrc_bench_1k for 1000, ilrc_bench_10k for 10000, and so on
# (BENCH_DB to choose another). Needs wrk: apt-get install -y wrk.
set -euo pipefail
cd "$(dirname "$0")/.."

COUNT=${1:-10000}
shift || true
if [ $((COUNT % 1000)) -eq 0 ]; then SIZE="$((COUNT / 1000))k"; else SIZE=$COUNT; fi
DB=${BENCH_DB:-ilrc_bench_$SIZE}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export DATABASE_URL="postgres://$PGUSER@$PGHOST:$PGPORT/$DB"
PYTHON=.venv/bin/python

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
if ! psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
  psql -q -d postgres -c "CREATE DATABASE $DB"
fi
$PYTHON manage.py migrate --noinput -v 0
live=$($PYTHON manage.py shell -v 0 -c \
  "from publications.models import PublicationPage; print(PublicationPage.objects.count())")
if [ "$live" -lt "$COUNT" ]; then
  $PYTHON manage.py load_demo_content >/dev/null
  $PYTHON manage.py generate_publications --count "$COUNT"
fi
# Production settings serve fingerprinted static files from a manifest.
SECRET_KEY=collectstatic-only ALLOWED_HOSTS=localhost DJANGO_SETTINGS_MODULE=ilrc_site.settings.production \
  $PYTHON manage.py collectstatic --noinput -v 0
$PYTHON bench/http_bench.py "$@"
