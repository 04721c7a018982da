import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"


class Command(BaseCommand):
    help = (
        "Development only: create the local 'admin' superuser if missing, and print "
        "how to sign in. Its generated password is kept in data/dev-admin-password."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_dev_admin runs only with DEBUG on (development settings).")
        password_file = settings.DATA_DIR / "dev-admin-password"
        User = get_user_model()
        if not User.objects.filter(username=USERNAME).exists():
            password = secrets.token_urlsafe(12)
            User.objects.create_superuser(USERNAME, "admin@example.org", password)
            settings.DATA_DIR.mkdir(exist_ok=True)
            password_file.write_text(password)
        if password_file.exists():
            login = f"user '{USERNAME}', password '{password_file.read_text().strip()}'"
        else:
            login = f"user '{USERNAME}' (set a password: python manage.py changepassword admin)"
        self.stdout.write(f"Sign in at http://127.0.0.1:8000/admin/ as {login}")
