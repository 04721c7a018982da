"""The site's image model: Wagtail's, with the description presented as alt text. And
the documents' accessibility marks (base.documents), imported so that Django finds them."""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.images.models import AbstractImage, AbstractRendition, Image

from .documents import DocumentAccessibility  # noqa: F401
from .translated import TranslationsField, in_language


class SiteImage(AbstractImage):
    # Wagtail already uses `description` as an image's default alt text; naming it
    # so in the editor makes clear what it is for.
    description = models.CharField(
        "alt text",
        max_length=255,
        blank=True,
        default="",
        help_text=(
            "Describe what the image shows for people who cannot see it, "
            "e.g. 'People in a room holding American flags.'"
        ),
    )

    description_translations = TranslationsField("alt text in other languages", max_length=255)

    admin_form_fields = (*Image.admin_form_fields, "description_translations")

    class Meta(AbstractImage.Meta):
        verbose_name = "image"
        verbose_name_plural = "images"
        permissions = [("choose_image", "Can choose image")]

    @property
    def default_alt_text(self):
        """The alt text in the request's language."""
        return in_language(self.description, self.description_translations)

    @property
    def has_alt_text(self):
        return bool(self.description.strip())


class SiteRendition(AbstractRendition):
    image = models.ForeignKey(SiteImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


MISSING_ALT_TEXT = (
    "This image has no alt text. Add it under Images (edit the image) or choose another image."
)


def require_alt_text(**images):
    """Refuse chosen images without alt text: require_alt_text(logo=self.logo) in clean()."""
    errors = {
        field: MISSING_ALT_TEXT
        for field, image in images.items()
        if image is not None and not image.has_alt_text
    }
    if errors:
        raise ValidationError(errors)
