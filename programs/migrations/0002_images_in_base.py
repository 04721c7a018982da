"""Programs' images point at the image model in its new app (its table is unchanged)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("programs", "0001_initial"),
        ("base", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="programpage",
                    name="image",
                    field=models.ForeignKey(
                        blank=True,
                        help_text="The program's logo or a photo; needs alt text.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="base.siteimage",
                    ),
                ),
                migrations.AlterField(
                    model_name="programpartner",
                    name="logo",
                    field=models.ForeignKey(
                        blank=True,
                        help_text="Optional; shown beside the name.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="base.siteimage",
                    ),
                ),
            ],
        ),
    ]
