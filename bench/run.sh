#!/usr/bin/env bash
# The library benchmark from scratch: a PostgreSQL database holding the demo site and
# 10,000 generated publications, then bench/listing.py. Run it again to measure again
# (the data is made once).
#
#   bash bench/run.sh [database, default ilrc_bench] [requests per page, default 200]
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${1:-ilrc_bench}
REQUESTS=${2:-200}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export DATABASE_URL="postgres://$PGUSER@$PGHOST:$PGPORT/$DB"
PYTHON=.venv/bin/python

if ! psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
  psql -q -d postgres -c "CREATE DATABASE $DB"
fi
$PYTHON manage.py migrate --noinput -v 0
$PYTHON manage.py load_demo_content
count=$($PYTHON manage.py shell -v 0 -c \
  "from publications.models import PublicationPage; print(PublicationPage.objects.count())")
if [ "$count" -lt 10000 ]; then
  $PYTHON manage.py generate_publications --count 10000
fi
$PYTHON bench/listing.py --requests "$REQUESTS"
