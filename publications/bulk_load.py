"""After a bulk load: leave the tables as PostgreSQL's autovacuum would."""

from django.db import connection


def vacuum_analyze(*models):
    """`VACUUM ANALYZE` the models' tables on PostgreSQL: dead rows removed (the search
    backend rewrites each new index entry once), the visibility map set, and fresh
    planner statistics, without waiting for autovacuum. Returns True if it ran.

    VACUUM cannot run inside a transaction; there (a caller's atomic block, or a
    test's) the tables are only analyzed.
    """
    if connection.vendor != "postgresql":
        return False
    tables = ", ".join(connection.ops.quote_name(model._meta.db_table) for model in models)
    with connection.cursor() as cursor:
        if not connection.get_autocommit():
            cursor.execute(f"ANALYZE {tables}")
            return False
        cursor.execute(f"VACUUM ANALYZE {tables}")
    return True
