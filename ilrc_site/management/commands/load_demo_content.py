from contextlib import contextmanager

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models.signals import post_save
from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import Page
from wagtail.signal_handlers import disable_reference_index_auto_update

from ilrc_site.demo.home import hero_image, load_home, load_home_blocks, protest_image
from ilrc_site.demo.pages import load_standard_pages
from ilrc_site.demo.site_chrome import load_site_chrome
from ilrc_site.demo.spanish import load_spanish
from ilrc_site.demo.users import load_demo_users
from ilrc_site.roles import ensure_roles
from programs.demo import load_programs
from publications.demo import load_library
from publications.demo_policy import load_policy_resource
from publications.demo_topics import load_topic_pages


@contextmanager
def indexing_deferred():
    """Skip the search and reference index updates that every save would make.

    Publishing a page saves it several times; indexing each save is half the time
    the demo takes to load. The caller indexes everything once afterwards.
    """
    models = [m for m in index.get_indexed_models() if getattr(m, "search_auto_update", True)]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)


class Command(BaseCommand):
    help = (
        "Build the demo site from the organisation's home page content. "
        "Safe to run again: what exists already is left as it is. With DEBUG on, "
        "also creates one demo user per staff role and prints how they sign in."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--without-translations",
            action="store_true",
            help="The English site only (quicker: for tests that need no other language).",
        )

    def handle(self, *args, **options):
        with transaction.atomic():
            pages_before = Page.objects.count()
            with indexing_deferred():
                home = load_home()
                load_library(home)
                policy = load_policy_resource(home)
                load_topic_pages(
                    home,
                    banners={"daca": hero_image(), "immigration-enforcement": protest_image()},
                )
                programs = load_programs(
                    home, images={"collective-freedom-project": protest_image()}
                )
                load_standard_pages(home)
                load_home_blocks(home, featured=policy, programs=programs)
                # The navigation links to the pages loaded above.
                load_site_chrome(home)
                # Last: the Spanish site translates all of the above.
                if not options["without_translations"]:
                    load_spanish()
            if Page.objects.count() != pages_before:
                call_command("update_index", verbosity=0)
                call_command("rebuild_references_index", verbosity=0, stdout=self.stdout)
            ensure_roles(apps)
            sign_ins = load_demo_users() if settings.DEBUG else []
        self.stdout.write(self.style.SUCCESS(f"Demo content ready: home page at {home.url}"))
        if sign_ins:
            self.stdout.write("Demo staff, one per role, sign in at http://127.0.0.1:8000/admin/:")
        for username, role, password in sign_ins:
            if password:
                secret = f"password '{password}'"
            else:
                secret = f"set a password: python manage.py changepassword {username}"
            self.stdout.write(f"  {role}: user '{username}', {secret}")
