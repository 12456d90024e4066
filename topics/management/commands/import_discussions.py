"""python manage.py import_discussions FILE.jsonl — see topics/importer.py."""

import time

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from topics.importer import DiscussionImporter, ImportReport, iter_records


class Command(BaseCommand):
    help = (
        "Import archived discussions from a JSON Lines file (one discussion a line). "
        "Idempotent by id; bad lines are reported and skipped; exit status 1 if any failed."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path to the .jsonl file.")
        parser.add_argument(
            "--batch-size", type=int, default=500, help="Discussions written per transaction."
        )

    def handle(self, *args, file, batch_size, verbosity, **options):
        try:
            handle = open(file, encoding="utf-8", errors="replace")  # noqa: SIM115
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}") from None
        try:
            importer = DiscussionImporter(batch_size=max(1, batch_size))
        except LookupError as error:
            handle.close()
            raise CommandError(f"{error} Run load_demo or create one in the admin.") from None

        started = time.monotonic()
        report = ImportReport()
        with (
            handle,
            tqdm(
                total=sum(1 for _ in handle),
                unit=" discussions",
                file=self.stderr,
                disable=verbosity == 0,
            ) as bar,
        ):
            handle.seek(0)
            importer.run(iter_records(handle, report), report, progress=bar.update)
            bar.update(bar.total - bar.n)  # skipped lines count as processed too

        for error in report.errors:
            self.stderr.write(self.style.ERROR(f"Skipped {error}"))
        summary = (
            f"{report.created} created, {report.updated} updated, "
            f"{report.unchanged} unchanged, {report.failed} failed "
            f"in {time.monotonic() - started:.1f}s."
        )
        if report.failed:
            self.stdout.write(self.style.WARNING(summary))
            raise SystemExit(1)
        self.stdout.write(self.style.SUCCESS(summary))
