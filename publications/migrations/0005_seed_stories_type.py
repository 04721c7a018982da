from django.db import migrations


def seed(apps, schema_editor):
    # Program stories are dated items of their own type in Latest Items and feeds.
    ResourceType = apps.get_model("publications", "ResourceType")
    last = ResourceType.objects.order_by("-sort_order").first()
    ResourceType.objects.get_or_create(
        slug="stories",
        defaults={"name": "Stories", "sort_order": last.sort_order + 1 if last else 0},
    )


class Migration(migrations.Migration):
    dependencies = [("publications", "0004_summary_length")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
