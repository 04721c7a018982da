"""Give the staff roles their permissions and workflow as soon as the pages exist.

On a fresh database the roles' data migration runs before any home page or
resource library exists; these handlers finish the job when they are created,
whether by the demo loader or by an administrator in the admin.
"""

from django.apps import apps
from django.db.models.signals import post_save

from publications.models import PublicationIndexPage

from .models import HomePage
from .roles import ensure_roles


def grant_roles_on_new_section(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        ensure_roles(apps)


def connect():
    for model in (HomePage, PublicationIndexPage):
        post_save.connect(grant_roles_on_new_section, sender=model, dispatch_uid=f"roles-{model}")
