"""Demo staff, one per role, for trying the review workflow locally (DEBUG only).

Passwords are generated on first creation and kept in the ignored data folder,
like the local admin's (see ensure_dev_admin); nothing here runs in production.
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from ilrc_site.roles import ADMINISTRATORS, EDITORS, MODERATORS

DEMO_STAFF = [
    # username, role, first name, last name
    ("editor", EDITORS, "Elena", "Editor"),
    ("moderator", MODERATORS, "Marcus", "Moderator"),
    ("administrator", ADMINISTRATORS, "Ada", "Administrator"),
]


def password_file(username):
    return settings.DATA_DIR / f"dev-{username}-password"


def load_demo_users():
    """Create the demo staff if missing; return (username, role, password) for each.

    The password is None when its file is gone (the user then sets one with
    `manage.py changepassword`).
    """
    User = get_user_model()
    sign_ins = []
    for username, role, first_name, last_name in DEMO_STAFF:
        if not User.objects.filter(username=username).exists():
            password = secrets.token_urlsafe(12)
            user = User.objects.create_user(
                username,
                f"{username}@example.org",
                password,
                first_name=first_name,
                last_name=last_name,
            )
            user.groups.add(Group.objects.get(name=role))
            settings.DATA_DIR.mkdir(exist_ok=True)
            password_file(username).write_text(password)
        path = password_file(username)
        sign_ins.append((username, role, path.read_text().strip() if path.exists() else None))
    return sign_ins
