"""The service-location link becomes a model of its own with a stable uuid.

Every row of the old many-to-many table stays, with its id; its uuid is the
id the HSDS API published for it until now, uuid5(service uuid, location uuid),
written out here rather than imported so that this migration never changes.
"""

import uuid

import django.db.models.deletion
from django.db import migrations, models


def fill_uuids(apps, schema_editor):
    ServiceAtLocation = apps.get_model("organizations", "ServiceAtLocation")
    links = list(
        ServiceAtLocation.objects.select_related("service", "location").only(
            "pk", "service__uuid", "location__uuid"
        )
    )
    for link in links:
        link.uuid = uuid.uuid5(link.service.uuid, str(link.location.uuid))
    ServiceAtLocation.objects.bulk_update(links, ["uuid"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("organizations", "0005_county_and_language_from_core"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ServiceAtLocation",
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
                        (
                            "location",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="service_links",
                                to="organizations.location",
                                verbose_name="location",
                            ),
                        ),
                        (
                            "service",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="location_links",
                                to="organizations.service",
                                verbose_name="service",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "organizations_location_services",
                        "unique_together": {("location", "service")},
                    },
                ),
                migrations.RemoveField(model_name="location", name="services"),
                migrations.AddField(
                    model_name="service",
                    name="locations",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="services",
                        through="organizations.ServiceAtLocation",
                        to="organizations.location",
                        verbose_name="offered at",
                    ),
                ),
            ],
            database_operations=[],
        ),
        migrations.AddField(
            model_name="serviceatlocation",
            name="uuid",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.RunPython(fill_uuids, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="serviceatlocation",
            name="uuid",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
        migrations.AlterModelTable(name="serviceatlocation", table=None),
        migrations.AlterModelOptions(
            name="serviceatlocation",
            options={
                "verbose_name": "service at a location",
                "verbose_name_plural": "services at locations",
            },
        ),
    ]
