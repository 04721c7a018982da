from django.db import migrations

from ilrc_site.roles import create_missing_permissions, ensure_roles


def forwards(apps, schema_editor):
    # The Translators group, with wagtail-localize's permission to start a translation,
    # and, where a translated home page exists already, its page permissions and the
    # legal review. A home page translated later gets them when it is created
    # (ilrc_site.signals).
    create_missing_permissions(apps)
    ensure_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("ilrc_site", "0006_chrome_translations"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
