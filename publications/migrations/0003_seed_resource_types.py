from django.db import migrations

# The labels the organisation publishes under; staff rename, reorder and add to them
# in the admin (Snippets > Resource types).
TYPES = [
    ("Toolkit & Reports", "toolkits-reports"),
    ("FAQs & Explainers", "faqs-explainers"),
    ("Public Comments / Sign-on Letters", "public-comments"),
    ("Practice Advisories", "practice-advisories"),
    ("Community Explainers", "community-explainers"),
    ("Newsletters & Annual Reports", "newsletters-annual-reports"),
]


def seed(apps, schema_editor):
    ResourceType = apps.get_model("publications", "ResourceType")
    for order, (name, slug) in enumerate(TYPES):
        ResourceType.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("publications", "0002_library")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
