from django.core.management.base import BaseCommand
from django.db import transaction

from ilrc_site.demo.home import load_home
from ilrc_site.demo.site_chrome import load_site_chrome
from publications.demo import load_library


class Command(BaseCommand):
    help = (
        "Build the demo site from the organisation's home page content. "
        "Safe to run again: what exists already is left as it is."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        home = load_home()
        load_library(home)
        # Last: the navigation links to the pages loaded above.
        load_site_chrome(home)
        self.stdout.write(self.style.SUCCESS(f"Demo content ready: home page at {home.url}"))
