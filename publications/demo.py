"""Helpers for the demo loader that every app's demo content uses."""

from pathlib import Path

from django.core.files import File
from wagtail.images import get_image_model


def get_or_create_image(path: Path, title: str, alt_text: str):
    """The image with this title, imported from `path` the first time only."""
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image is None:
        with path.open("rb") as f:
            image = Image(title=title, description=alt_text)
            image.file.save(path.name, File(f), save=False)
            image.save()
    return image


def publish(page):
    """Publish `page` through a revision, as an editor would, so the admin shows its history."""
    page.save_revision().publish()
    return page
