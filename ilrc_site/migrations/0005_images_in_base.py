"""The home page's images point at the image model in its new app (its table is unchanged)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("ilrc_site", "0004_staff_roles"),
        ("base", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="homepage",
                    name="hero_image",
                    field=models.ForeignKey(
                        blank=True,
                        help_text="A wide photo behind the heading. Its alt text is read to screen readers.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="base.siteimage",
                    ),
                ),
                migrations.AlterField(
                    model_name="homepage",
                    name="featured_image",
                    field=models.ForeignKey(
                        blank=True,
                        help_text="Needs alt text.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="base.siteimage",
                        verbose_name="image",
                    ),
                ),
            ],
        ),
    ]
