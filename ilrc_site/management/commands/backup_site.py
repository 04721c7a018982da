from django.conf import settings
from django.core.management.base import BaseCommand

from ilrc_site.backup import back_up


class Command(BaseCommand):
    help = (
        "Back up the site: the PostgreSQL database (pg_dump) and the uploaded media, "
        "into a new folder. Restore with restore_site."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="A folder that does not exist yet.")

    def handle(self, *args, folder, **options):
        path = back_up(folder)
        if settings.MEDIA_STORAGE == "s3":
            self.stdout.write(
                f"Backed up the database to {path}; the media are in the bucket "
                f"{settings.STORAGES['default']['OPTIONS']['bucket_name']}, not in this backup."
            )
        else:
            self.stdout.write(f"Backed up the database and media to {path}")
