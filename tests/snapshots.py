"""Whole-database snapshots, so that the demo content is loaded once per test worker.

Loading the demo content costs 5 to 7 seconds of CPU; a test class, a test module or
a browser test that needs it gets it put back from a snapshot instead, in a fraction
of a second (tests/demo.py). The browser tests' live server reads the database from
another thread, so those tests commit for real: the freshly migrated database is put
back after each of them the same way, rather than Django's emptying every table and
reloading the migrations' rows from JSON.

A snapshot holds the rows of every table and, on PostgreSQL, each sequence's
position, so that new rows get the same keys as after a real load. It can be put back
inside a test's transaction (and is then rolled back with it) or outside one.

- PostgreSQL: every table of the schema, copied out and in with COPY (binary).
- SQLite: every table's rows but the full-text index's, which the search index
  table's triggers fill (Wagtail's migration wagtailsearch 0006).

Files under MEDIA_ROOT are not part of a snapshot: the demo's images and documents
are written once, by the first load, and tests leave them in place.
"""

from django.db import connection, transaction

# The binary COPY format's header and trailer: a table with no rows.
EMPTY_COPY = 21
# The tables that SQLite's FTS5 keeps for each full-text table.
FTS5_SHADOWS = ("", "_data", "_idx", "_content", "_docsize", "_config")


class Snapshot:
    """What every table of the default database holds when `take()` runs."""

    def __init__(self):
        self.tables = {}
        self.sequences = []

    @classmethod
    def take(cls):
        snapshot = cls()
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                snapshot._take_postgresql(cursor)
            else:
                snapshot._take_sqlite(cursor)
        return snapshot

    def restore(self):
        # Django's foreign keys are DEFERRABLE INITIALLY DEFERRED: within one transaction,
        # the order in which tables are filled does not matter.
        with transaction.atomic(), connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                self._restore_postgresql(cursor)
            else:
                self._restore_sqlite(cursor)

    def _take_postgresql(self, cursor):
        for table in connection.introspection.table_names(cursor):
            with cursor.cursor.copy(f'COPY "{table}" TO STDOUT (FORMAT BINARY)') as copy:
                self.tables[table] = b"".join(bytes(block) for block in copy)
        cursor.execute(
            "SELECT schemaname, sequencename, last_value FROM pg_sequences "
            "WHERE schemaname = current_schema()"
        )
        self.sequences = cursor.fetchall()

    def _restore_postgresql(self, cursor):
        cursor.execute("TRUNCATE " + ", ".join(f'"{table}"' for table in self.tables))
        for table, data in self.tables.items():
            if len(data) > EMPTY_COPY:
                with cursor.cursor.copy(f'COPY "{table}" FROM STDIN (FORMAT BINARY)') as copy:
                    copy.write(data)
        for schema, name, last_value in self.sequences:
            cursor.execute(
                "SELECT setval(%s, %s, %s)",
                [f'"{schema}"."{name}"', last_value or 1, last_value is not None],
            )

    def _take_sqlite(self, cursor):
        cursor.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
        tables = cursor.fetchall()
        virtual = {name for name, sql in tables if sql.upper().startswith("CREATE VIRTUAL")}
        full_text = {name + suffix for name in virtual for suffix in FTS5_SHADOWS}
        for name, _ in tables:
            if name in full_text:
                continue
            cursor.execute(f'SELECT * FROM "{name}" LIMIT 0')
            columns = [column[0] for column in cursor.description]
            cursor.execute(f'SELECT {quoted(columns)} FROM "{name}"')
            self.tables[name] = (columns, cursor.fetchall())

    def _restore_sqlite(self, cursor):
        for name in self.tables:
            cursor.execute(f'DELETE FROM "{name}"')
        for name, (columns, rows) in self.tables.items():
            if rows:
                marks = ", ".join(["%s"] * len(columns))
                cursor.executemany(
                    f'INSERT INTO "{name}" ({quoted(columns)}) VALUES ({marks})', rows
                )


def quoted(columns):
    return ", ".join(f'"{column}"' for column in columns)
