from django.core.management.base import BaseCommand, CommandError

from organizations.sample_data import DEFAULT_COUNT, SampleDirectory


class Command(BaseCommand):
    help = (
        "Replace all sample listings with COUNT fictional organizations (labelled 'Sample "
        "listing', phones in 555-01xx). Real listings are never touched."
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
        self.stdout.write(self.style.SUCCESS(f"Created {made} sample organizations."))
