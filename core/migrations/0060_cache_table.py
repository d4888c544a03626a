# The database cache's table, for production without REDIS_URL
# (cas_directory/settings.py): made by the release step's migrate, so no
# deployment needs a separate createcachetable. A no-op where the cache is
# Redis or process memory.
from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
