"""python manage.py import_applications ROUND_SLUG FILE.csv [--create] [--dry-run]: see
programme/importer.py for what an import does and decides."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from programme.importer import (
    COLUMNS,
    PROGRESS_EVERY,
    ApplicationImportError,
    import_applications,
)


class Command(BaseCommand):
    help = (
        "Import applications into a round from a CSV file with the header "
        f"{','.join(COLUMNS)}. All or nothing: any bad row aborts the import with every "
        "error listed by line, and nothing is written. Idempotent by application_id: rows "
        "imported before are left unchanged. Applicants are matched to accounts by e-mail; "
        "those without one get an inactive account that they claim by asking for a password "
        "reset (/accounts/password/reset/) with that address: setting the password activates "
        "it. Imported applications count as having confirmed English and accepted the code "
        "of conduct (the spreadsheet asked both), and the country cap does not apply to them."
    )

    def add_arguments(self, parser):
        parser.add_argument("round_slug", help="The round to import into.")
        parser.add_argument("file", help="Path to the .csv file (UTF-8).")
        parser.add_argument(
            "--create",
            action="store_true",
            help=(
                "Create the round if there is none with this slug: applications closed "
                "(as of now), partnerships starting tomorrow, ready to be matched."
            ),
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Check everything, write nothing."
        )

    def handle(self, *args, round_slug, file, create, dry_run, verbosity, **options):
        try:
            data = Path(file).read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from None
        started = time.monotonic()

        def progress(phase, done, total):
            if verbosity >= 1 and total > PROGRESS_EVERY:
                self.stdout.write(f"{phase.capitalize()} {done} of {total} rows")

        try:
            result = import_applications(
                round_slug, data, create=create, dry_run=dry_run, progress=progress
            )
        except ApplicationImportError as error:
            for message in error.errors:
                self.stderr.write(self.style.ERROR(message))
            count = len(error.errors)
            raise CommandError(
                f"{count} error{'s' if count != 1 else ''}: nothing was imported from {file}."
            ) from None

        if result.round_created:
            self.stdout.write(
                f"{'Would create' if dry_run else 'Created'} the round {result.round.name!r} "
                f"({result.round.slug}): applications closed, ready to be matched."
            )
        for note in result.notes:
            self.stdout.write(self.style.WARNING(note))
        elapsed = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"{result.summary()} ({elapsed:.1f}s)"))
