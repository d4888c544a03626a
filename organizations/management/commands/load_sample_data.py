from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from organizations.sample_data import DEFAULT_COUNT, SampleDirectory

# Demonstration content of the other apps (the starter library), by natural key.
SAMPLE_FIXTURES = sorted(
    str(p) for p in (Path(settings.BASE_DIR) / "fixtures" / "sample").glob("*.json")
)


class Command(BaseCommand):
    help = (
        "Replace all sample listings with COUNT fictional organizations (labelled 'Sample "
        "listing', phones in 555-01xx) and load the starter library from fixtures/sample/. "
        "Real listings are never touched. For demonstrations and development, never for a "
        "release."
    )

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=DEFAULT_COUNT)
        parser.add_argument("--seed", type=int, default=2012)

    def handle(self, *args, count, seed, **options):
        if count < 1:
            raise CommandError("--count must be at least 1.")
        try:
            made = SampleDirectory(count=count, seed=seed).build()
        except RuntimeError as error:
            raise CommandError(str(error)) from error
        call_command("loaddata", *SAMPLE_FIXTURES, verbosity=0)
        self.stdout.write(self.style.SUCCESS(f"Created {made} sample organizations."))
        self.stdout.write(
            f"Loaded the starter library ({', '.join(Path(p).name for p in SAMPLE_FIXTURES)})."
        )
