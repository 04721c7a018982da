"""The image tables take the base app's names, and the images' content types follow the
models, so that permissions, tags, logs and references to images stay theirs."""

from django.db import migrations

MODELS = ["siteimage", "siterendition"]


def move_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        # A content type made for the new app before this ran holds nothing of its own.
        ContentType.objects.filter(app_label="base", model=model).delete()
        ContentType.objects.filter(app_label="publications", model=model).update(app_label="base")


def restore_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="base", model__in=MODELS).update(app_label="publications")


class Migration(migrations.Migration):
    dependencies = [
        ("base", "0001_initial"),
        ("publications", "0011_images_in_base"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelTable(name="siteimage", table=None),
        migrations.AlterModelTable(name="siterendition", table=None),
        migrations.RunPython(move_content_types, restore_content_types),
    ]
