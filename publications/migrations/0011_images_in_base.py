"""The image model now lives in the base app: the library's images point there, and the
library forgets the models (their tables and rows stay, for base 0002 to rename)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("publications", "0010_search_index_speed"),
        ("base", "0001_initial"),
        # Every other model that points at the images has moved its pointer first.
        ("ilrc_site", "0005_images_in_base"),
        ("programs", "0002_images_in_base"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="datedpage",
                    name="listing_image",
                    field=models.ForeignKey(
                        blank=True,
                        help_text="Optional. Shown in listings and when the page is shared; needs alt text.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="base.siteimage",
                    ),
                ),
                migrations.AlterField(
                    model_name="topicpage",
                    name="banner_image",
                    field=models.ForeignKey(
                        blank=True,
                        help_text="Optional wide photo under the title; needs alt text.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="base.siteimage",
                    ),
                ),
                migrations.DeleteModel(name="SiteRendition"),
                migrations.DeleteModel(name="SiteImage"),
            ],
        ),
    ]
