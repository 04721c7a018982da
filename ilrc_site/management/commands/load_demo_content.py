from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from ilrc_site.demo.home import load_home
from ilrc_site.demo.users import load_demo_users
from ilrc_site.roles import ensure_roles
from publications.demo import load_library


class Command(BaseCommand):
    help = (
        "Build the demo site from the organisation's home page content. "
        "Safe to run again: what exists already is left as it is. With DEBUG on, "
        "also creates one demo user per staff role and prints how they sign in."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            home = load_home()
            load_library(home)
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
