"""How the library is classified: resource types and topics."""

from django.db import models
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TagBase

from base.translated import TranslationsField, in_language


class ResourceType(models.Model):
    """A kind of publication ("FAQs & Explainers"); its slug is the `type` filter in URLs."""

    name = models.CharField(max_length=100, unique=True, help_text="As readers see it.")
    name_translations = TranslationsField("name in other languages", max_length=100)
    slug = models.SlugField(
        max_length=100,
        unique=True,
        help_text="Used in links to the library (?type=...). Changing it breaks old links.",
    )
    sort_order = models.PositiveIntegerField(default=0, db_index=True)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "resource type"

    def __str__(self):
        return self.name

    @property
    def local_name(self):
        """The name in the request's language."""
        return in_language(self.name, self.name_translations)


class Topic(TagBase):
    """A subject ("DACA", "U Visa / T Visa / VAWA"), curated by staff.

    Editors choose among existing topics with autocomplete; new ones are added in
    Snippets > Topics, so that the library's filter stays a clean list.
    """

    free_tagging = False

    name_translations = TranslationsField("name in other languages", max_length=100)

    class Meta:
        ordering = ["name"]
        verbose_name = "topic"

    @property
    def local_name(self):
        """The name in the request's language."""
        return in_language(self.name, self.name_translations)


class PageTopic(ItemBase):
    tag = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="page_topics")
    content_object = ParentalKey(
        "publications.DatedPage", on_delete=models.CASCADE, related_name="topic_items"
    )

    class Meta:
        unique_together = [("content_object", "tag")]
