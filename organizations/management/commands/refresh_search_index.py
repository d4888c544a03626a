from django.core.management.base import BaseCommand

from organizations import search_index
from organizations.models import Service


class Command(BaseCommand):
    help = (
        "Recompute every service's stored search text (PostgreSQL). Saves keep it up to date; "
        "run this after loading data with bulk inserts or raw SQL."
    )

    def handle(self, *args, **options):
        count = search_index.refresh(Service.objects.all())
        self.stdout.write(f"Refreshed the search text of {count} services.")
