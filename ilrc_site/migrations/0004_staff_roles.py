from django.db import migrations

from ilrc_site.roles import create_missing_permissions, ensure_roles, move_default_grants_off_the_root


def forwards(apps, schema_editor):
    create_missing_permissions(apps)
    move_default_grants_off_the_root(apps)
    # On a fresh database the home page and library do not exist yet: their page
    # permissions and workflow are granted when they are created (ilrc_site.signals).
    ensure_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("ilrc_site", "0003_site_chrome"),
        ("publications", "0004_summary_length"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
