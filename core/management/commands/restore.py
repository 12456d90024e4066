"""python manage.py restore BACKUP_FOLDER [--no-input] [--no-media]: see core/backups.py."""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from core.backups import BackupError, file_folders, read_backup, restore


class Command(BaseCommand):
    help = (
        "Replace the database (pg_restore --clean in one transaction, or SQLite's backup "
        "API) and the media folder with a backup made by `manage.py backup`, then check "
        "every table's row count against the backup. Stop the app servers and cron first."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", help="The backup's folder, e.g. backups/20260101T020000Z")
        parser.add_argument("--no-input", action="store_true", help="Do not ask for confirmation.")
        parser.add_argument("--no-media", action="store_true", help="Restore the database only.")

    def handle(self, *args, backup, no_input, no_media, verbosity, **options):
        try:
            found = read_backup(backup)
        except BackupError as error:
            raise CommandError(f"Cannot restore: {error}") from None
        manifest = found.manifest
        target = connection.settings_dict["NAME"]
        media = not no_media
        folders = file_folders()
        what = f"the {manifest['engine']} database {target}"
        replaced = [str(folders[name]) for name in manifest["files"] if name in folders]
        if media and replaced:
            what += f" and the files in {', '.join(replaced)}"
        if not no_input:
            answer = input(
                f"This replaces {what} with the backup of {manifest['created_at']} "
                f"({len(manifest['tables'])} tables, {found.rows} rows"
                + "".join(f", {n} files in {name}/" for name, n in manifest["files"].items())
                + "). Everything written since is lost. Type 'yes' to go on: "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled: nothing was changed.")

        def progress(message):
            if verbosity >= 1:
                self.stdout.write(message)

        try:
            restore(found, media=media, progress=progress)
        except BackupError as error:
            raise CommandError(f"Restore failed: {error}") from None
