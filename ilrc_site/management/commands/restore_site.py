from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ilrc_site.backup import restore


class Command(BaseCommand):
    help = (
        "Restore a backup made by backup_site: replaces everything in the database "
        "DATABASE_URL names, and adds the media files to MEDIA_ROOT."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="A folder written by backup_site.")
        parser.add_argument(
            "--noinput", action="store_false", dest="interactive", help="Do not ask to confirm."
        )

    def handle(self, *args, folder, interactive, **options):
        database = settings.DATABASES["default"]["NAME"]
        if interactive:
            answer = input(
                f"This replaces every table in the database {database!r} with the backup's. "
                "Type 'yes' to continue: "
            )
            if answer != "yes":
                raise CommandError("Restore cancelled.")
        restore(folder)
        self.stdout.write(f"Restored {folder} into {database!r} and {settings.MEDIA_ROOT}")
