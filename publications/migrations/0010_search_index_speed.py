from django.db import migrations

# With fastupdate on (GIN's default), bulk-indexed entries wait in the index's pending
# list until a VACUUM, and the planner reads the whole table instead: 10,053
# publications, the ranked library search for "asylum" took 29.7 ms, 14.7 ms once flushed.
GIN_INDEX = "publications_indexentry_title_body_gin"  # migration 0008's

# Wagtail's search backend joins entries to pages on `object_id = (page id)::varchar(50)`,
# which no index served, so every page was hashed. Indexes on that cast let the planner
# fetch only the matching pages (100,053 publications, a word in 6 of them: 27 to 0.1 ms).
JOIN_INDEXES = {
    "publications_datedpage_id_varchar": ("publications", "DatedPage", "page_ptr_id"),
    "publications_page_id_varchar": ("wagtailcore", "Page", "id"),
}


def speed_up(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER INDEX {GIN_INDEX} SET (fastupdate = off)")
    # Turning fastupdate off leaves what is already pending where it is.
    schema_editor.execute(f"SELECT gin_clean_pending_list('{GIN_INDEX}'::regclass)")
    for name, (app, model, column) in JOIN_INDEXES.items():
        table = apps.get_model(app, model)._meta.db_table
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} (({column}::varchar(50)))"
        )
        # Without statistics on the indexed expression the planner keeps hashing.
        schema_editor.execute(f"ANALYZE {table}")


def undo(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in JOIN_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
    schema_editor.execute(f"ALTER INDEX {GIN_INDEX} RESET (fastupdate)")


class Migration(migrations.Migration):
    dependencies = [
        ("publications", "0009_legacy_path"),
    ]

    operations = [migrations.RunPython(speed_up, undo)]
