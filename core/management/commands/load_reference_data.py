"""The release step's second half: add the reference rows a database lacks.

Counties, languages, service types, populations, resource categories and
audiences come from fixtures/reference/. A fixture row is added only when no
row has its natural key (FIPS code, language code or slug) or any of its other
unique values (uuid, name): a row that exists is never changed, even after a
curator renamed it, so a curator's wording survives every release. Added rows
get a key of the database's choosing. Run it after `migrate`, as often as you
like. Demonstration listings and resources are `load_sample_data`'s.
"""

from pathlib import Path

from django.conf import settings
from django.core import serializers
from django.core.management.base import BaseCommand
from django.db import transaction

REFERENCE_DIR = Path(settings.BASE_DIR) / "fixtures" / "reference"


def _taken(obj) -> bool:
    """Whether a row already holds one of `obj`'s unique values."""
    model = obj._meta.model
    unique = [f for f in obj._meta.concrete_fields if f.unique and not f.primary_key]
    return any(
        model._default_manager.filter(**{field.name: getattr(obj, field.attname)}).exists()
        for field in unique
    )


class Command(BaseCommand):
    help = "Add missing reference rows (counties, vocabularies); never change existing ones."

    def handle(self, *args, **options):
        added: dict = {}
        with transaction.atomic():
            for path in sorted(REFERENCE_DIR.glob("*.json")):
                with path.open(encoding="utf-8") as handle:
                    for record in serializers.deserialize("json", handle):
                        # Deserializing looked the natural key up: a row that
                        # exists came back with its primary key.
                        if record.object.pk is not None or _taken(record.object):
                            continue
                        record.save()
                        opts = record.object._meta
                        added[opts] = added.get(opts, 0) + 1
        if not added:
            self.stdout.write("Reference data is complete: nothing to add.")
        for opts, count in added.items():
            name = opts.verbose_name if count == 1 else opts.verbose_name_plural
            self.stdout.write(f"Added {count} {name}.")
