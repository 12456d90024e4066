"""python manage.py backup [--dir BACKUP_DIR] [--no-media]: see core/backups.py."""

from django.core.management.base import BaseCommand, CommandError

from core.backups import BackupError, backup, default_backup_dir


class Command(BaseCommand):
    help = (
        "Write a consistent copy of the database (SQLite's online backup API, or pg_dump -Fc "
        "for PostgreSQL) and of the media files into a new timestamped folder under "
        "BACKUP_DIR (default: backups/ in the project). Safe while the site runs."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dir",
            dest="directory",
            help="Folder that receives the backup's own folder (default: $BACKUP_DIR or "
            f"{default_backup_dir()}).",
        )
        parser.add_argument(
            "--no-media", action="store_true", help="Copy the database only, not the media."
        )

    def handle(self, *args, directory, no_media, verbosity, **options):
        def progress(message):
            if verbosity >= 1:
                self.stdout.write(message)

        try:
            made = backup(directory, media=not no_media, progress=progress)
        except BackupError as error:
            raise CommandError(f"Backup failed: {error}") from None
        if verbosity == 0:
            self.stdout.write(str(made.path))
