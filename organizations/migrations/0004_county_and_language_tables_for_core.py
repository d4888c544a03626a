"""Counties and languages move to the shared `core` app; first their tables get
core's names, keeping every row (see core/migrations/0001_initial.py)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("organizations", "0003_organization_publish_permission"),
    ]

    operations = [
        migrations.AlterModelTable(name="county", table="core_county"),
        migrations.AlterModelTable(name="language", table="core_language"),
    ]
