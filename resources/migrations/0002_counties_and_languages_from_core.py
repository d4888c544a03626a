"""Resources point at core's County and Language (same tables, same rows)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("resources", "0001_initial"),
    ]
    # Before organizations forgets its own County and Language.
    run_before = [("organizations", "0005_county_and_language_from_core")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="resource",
                    name="counties",
                    field=models.ManyToManyField(
                        blank=True,
                        help_text=(
                            "Only for local material; leave empty for statewide or national "
                            "material."
                        ),
                        related_name="resources",
                        to="core.county",
                        verbose_name="counties",
                    ),
                ),
                migrations.AlterField(
                    model_name="resource",
                    name="languages",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="resources",
                        to="core.language",
                        verbose_name="languages",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
