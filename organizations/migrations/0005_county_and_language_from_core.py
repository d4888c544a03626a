"""Listings point at core's County and Language (same tables, same rows)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("organizations", "0004_county_and_language_tables_for_core"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="location",
                    name="county",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="locations",
                        to="core.county",
                        verbose_name="county",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicallocation",
                    name="county",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="core.county",
                        verbose_name="county",
                    ),
                ),
                migrations.AlterField(
                    model_name="service",
                    name="counties",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="services",
                        to="core.county",
                        verbose_name="counties served",
                    ),
                ),
                migrations.AlterField(
                    model_name="service",
                    name="languages",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="services",
                        to="core.language",
                        verbose_name="languages",
                    ),
                ),
                migrations.AlterField(
                    model_name="phone",
                    name="languages",
                    field=models.ManyToManyField(
                        blank=True, related_name="+", to="core.language", verbose_name="languages"
                    ),
                ),
                migrations.DeleteModel(name="County"),
                migrations.DeleteModel(name="Language"),
            ],
            database_operations=[],
        ),
    ]
