"""County and Language, moved here from `organizations` with their tables and rows.

organizations 0004 renamed the tables; this migration only tells Django that
the models now live here, and moves their content types (and with them the
permissions that groups hold) to the new app label.
"""

import uuid

from django.db import migrations, models

MOVED = ("county", "language")


def move_content_types(apps, schema_editor, old="organizations", new="core"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        # A fresh database has none yet: migrate creates them after this.
        if not ContentType.objects.filter(app_label=new, model=model).exists():
            ContentType.objects.filter(app_label=old, model=model).update(app_label=new)


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, old="core", new="organizations")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("organizations", "0004_county_and_language_tables_for_core"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="County",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                        ("name", models.CharField(max_length=60, unique=True, verbose_name="name")),
                        ("slug", models.SlugField(max_length=60, unique=True, verbose_name="slug")),
                        (
                            "fips",
                            models.CharField(
                                help_text="Five digits, 06001 to 06115",
                                max_length=5,
                                unique=True,
                                verbose_name="FIPS code",
                            ),
                        ),
                        (
                            "latitude",
                            models.DecimalField(
                                decimal_places=6, max_digits=9, verbose_name="latitude"
                            ),
                        ),
                        (
                            "longitude",
                            models.DecimalField(
                                decimal_places=6, max_digits=9, verbose_name="longitude"
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "county",
                        "verbose_name_plural": "counties",
                        "ordering": ["name"],
                    },
                ),
                migrations.CreateModel(
                    name="Language",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                        (
                            "code",
                            models.CharField(
                                help_text="BCP 47 code",
                                max_length=12,
                                unique=True,
                                verbose_name="code",
                            ),
                        ),
                        ("name", models.CharField(max_length=60, unique=True, verbose_name="name")),
                        ("name_es", models.CharField(max_length=60, verbose_name="Spanish name")),
                        (
                            "native_name",
                            models.CharField(blank=True, max_length=60, verbose_name="native name"),
                        ),
                        (
                            "sort_order",
                            models.PositiveSmallIntegerField(default=0, verbose_name="sort order"),
                        ),
                    ],
                    options={
                        "verbose_name": "language",
                        "verbose_name_plural": "languages",
                        "ordering": ["sort_order", "name"],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
