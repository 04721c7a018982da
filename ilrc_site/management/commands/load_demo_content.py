from django.core.management.base import BaseCommand
from django.db import transaction

from ilrc_site.demo.home import hero_image, load_home, load_home_blocks, protest_image
from ilrc_site.demo.pages import load_standard_pages
from ilrc_site.demo.site_chrome import load_site_chrome
from programs.demo import load_programs
from publications.demo import load_library
from publications.demo_policy import load_policy_resource
from publications.demo_topics import load_topic_pages


class Command(BaseCommand):
    help = (
        "Build the demo site from the organisation's home page content. "
        "Safe to run again: what exists already is left as it is."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        home = load_home()
        load_library(home)
        policy = load_policy_resource(home)
        load_topic_pages(
            home, banners={"daca": hero_image(), "immigration-enforcement": protest_image()}
        )
        programs = load_programs(home, images={"collective-freedom-project": protest_image()})
        load_standard_pages(home)
        load_home_blocks(home, featured=policy, programs=programs)
        # Last: the navigation links to the pages loaded above.
        load_site_chrome(home)
        self.stdout.write(self.style.SUCCESS(f"Demo content ready: home page at {home.url}"))
