"""Send whatever programme e-mail is due today (introductions, check-ins, feedback requests
and reminders), idempotently: safe to run from cron every few minutes. The work is done by
programme.emails.send_due; this command holds a lock so that runs never overlap, and prints
what was sent and what failed (failures are retried on the next run; the exit status is 0
all the same)."""

import datetime
import fcntl
import hashlib
import os
import tempfile
from contextlib import contextmanager

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection

from programme import emails


def lock_path():
    """One lock file per database, in the temporary directory unless
    PROGRAMME_EMAIL_LOCK_FILE names one."""
    configured = getattr(settings, "PROGRAMME_EMAIL_LOCK_FILE", None)
    if configured:
        return configured
    database = f"{connection.vendor}:{connection.settings_dict.get('NAME')}"
    digest = hashlib.sha256(database.encode()).hexdigest()[:12]
    return os.path.join(tempfile.gettempdir(), f"iln-send-programme-emails-{digest}.lock")


@contextmanager
def exclusive_run():
    """True while this process holds the lock, False when another run holds it. The lock
    goes with the process, so a killed run never leaves it behind."""
    with open(lock_path(), "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class Command(BaseCommand):
    help = (
        "Send the programme e-mail due today (introductions, check-ins, feedback) that has "
        "not been sent yet. Idempotent; safe from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date",
            type=datetime.date.fromisoformat,
            help="Send what is due on this day (YYYY-MM-DD) instead of today (for testing).",
        )

    def handle(self, *args, date=None, verbosity=1, **options):
        with exclusive_run() as running:
            if not running:
                if verbosity:
                    self.stdout.write("Another run is in progress: nothing done.")
                return
            report = emails.send_due(date)
        if verbosity:
            for kind, label in emails.Kind.choices:
                if report.sent[kind]:
                    self.stdout.write(f"{label}: {report.sent[kind]} sent")
            if report.total:
                self.stdout.write(self.style.SUCCESS(f"{report.total} e-mails sent."))
            elif not report.failed:
                self.stdout.write("No programme e-mail due.")
        if report.failed:
            # On stderr whatever the verbosity: cron passes it on.
            self.stderr.write(
                f"{len(report.failed)} failed, to be retried on the next run (details in the log):"
            )
            for membership_id, kind, error in report.failed:
                self.stderr.write(f"  {kind} to membership {membership_id}: {error}")
