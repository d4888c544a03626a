"""manage.py export_hsds OUT [--format json|ndjson|csv]"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from organizations.hsds import export, tabular


class Command(BaseCommand):
    help = (
        "Write the published directory as HSDS 3.0: a JSON array of full service records "
        "(default), ndjson, or the tabular form (a folder of CSV files)."
    )

    def add_arguments(self, parser):
        parser.add_argument("out", help="file to write, or a folder for --format csv; - for stdout")
        parser.add_argument("--format", choices=export.FORMATS, default="json")

    def handle(self, *args, out, format, **options):
        if format == "csv":
            if out == "-":
                raise CommandError("the tabular form is a folder of files: give a folder.")
            count = tabular.write_tables(Path(out), export.service_records())
        elif out == "-":
            count = self._write(self.stdout, format)
        else:
            try:
                with open(out, "w", encoding="utf-8") as stream:
                    count = self._write(stream, format)
            except OSError as error:
                raise CommandError(f"cannot write {out}: {error.strerror}.") from None
        self.stderr.write(f"{count} services written.")

    def _write(self, stream, format):
        writer = export.write_ndjson if format == "ndjson" else export.write_json
        return writer(stream, export.service_records())
