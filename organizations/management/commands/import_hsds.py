"""manage.py import_hsds IN [--dry-run] [--publish] [--skip-invalid]"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from organizations.hsds.imports.read import UnreadableFile, read_records
from organizations.hsds.imports.write import Importer


class Command(BaseCommand):
    help = (
        "Read HSDS 3.0 service, organization or service-at-location records (a JSON array, "
        "ndjson, one record, or a folder in the tabular CSV form) and create or update "
        "listings by uuid. New listings are drafts unless --publish. A file with any invalid "
        "record writes nothing unless --skip-invalid."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", metavar="IN")
        parser.add_argument("--dry-run", action="store_true", help="report what would change")
        parser.add_argument("--publish", action="store_true", help="publish new listings")
        parser.add_argument(
            "--skip-invalid", action="store_true", help="write the valid records, list the rest"
        )

    def handle(self, *args, path, dry_run, publish, skip_invalid, **options):
        try:
            records = read_records(Path(path))
            importer = Importer(
                publish=publish, dry_run=dry_run, skip_invalid=skip_invalid, source=Path(path).name
            )
            report = importer.run(records)
        except UnreadableFile as error:
            raise CommandError(str(error)) from None
        for line in report.lines():
            self.stdout.write(line)
        if report.errors and not skip_invalid:
            raise CommandError(
                f"{len(report.errors)} errors: nothing was written (--skip-invalid writes the "
                "valid records)."
            )
