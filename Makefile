# The two commands: `make run` (the site with demo content) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
TEST_SETTINGS := DJANGO_SETTINGS_MODULE=ilrc_site.settings.test

.PHONY: install messages run test lock clean

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

# The interface's translations (locale/*/LC_MESSAGES/django.po) compiled for gettext: the
# .mo files are built here, never committed. Needs GNU gettext's msgfmt.
messages: install
	$(BIN)/python manage.py compilemessages --ignore=.venv

run: messages
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo_content
	$(BIN)/python manage.py ensure_dev_admin
	# The task worker (publications' PDFs) runs beside the site, and stops with it.
	$(BIN)/python manage.py db_worker --backend background --queue-name '*' & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver 127.0.0.1:8000

test: messages
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	# Security lint of the project's code: nothing of medium severity or above.
	$(BIN)/bandit --quiet --recursive --severity-level medium base ilrc_site publications programs ops
	$(TEST_SETTINGS) $(BIN)/python manage.py check --fail-level WARNING
	$(TEST_SETTINGS) $(BIN)/python manage.py makemigrations --check --dry-run
	# Two workers, the machine's two cores. xdist's default distribution keeps the order
	# pytest-django gives each worker: tests that empty the database (transactional
	# ones, browser tests) run after the others.
	$(BIN)/pytest -n 2 $(PYTEST_ARGS)

# Re-resolve every dependency from pyproject.toml and pin the result.
lock:
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet ".[test]"
	{ echo "# Exact versions of every package the site and its tests install; used as pip's"; \
	  echo "# constraints file by the Makefile. Regenerate with: make lock"; \
	  .lock-venv/bin/python -m pip freeze --exclude-editable | grep -v '^ilrc-site'; } > requirements.lock
	rm -rf .lock-venv build *.egg-info

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
