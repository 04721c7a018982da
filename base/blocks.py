"""StreamField blocks shared by every page body on the site.

They live in the bottom layer so that programs and the site's own pages can use
them without importing upwards.
"""

import copy

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section heading"), ("h3", "Subheading")],
        default="h2",
        help_text="Use subheadings only inside a section, so the outline stays logical.",
    )

    class Meta:
        icon = "title"
        template = "base/blocks/heading.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(help_text="Give alt text unless the image is purely decorative.")
    caption = blocks.CharBlock(required=False, max_length=300)

    class Meta:
        icon = "image"
        template = "base/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "base/blocks/quote.html"


class AccessibleDocumentChooserBlock(DocumentChooserBlock):
    """Wagtail's document chooser, reading each document with its accessibility mark
    (base.documents), which the document's template shows: one query for all the
    documents of a body, as Wagtail's own."""

    def bulk_to_python(self, values):
        documents = self.model_class.objects.select_related("accessibility").in_bulk(values)
        result = []
        seen = set()
        for pk in values:
            document = documents.get(pk)
            # A document chosen twice is two objects, as ChooserBlock.bulk_to_python gives.
            result.append(copy.copy(document) if document is not None and pk in seen else document)
            seen.add(pk)
        return result

    def deconstruct(self):
        # Migrations name Wagtail's block: what is stored (a document's id) is the same,
        # and no page model needs a migration for how its documents are read.
        return ("wagtail.documents.blocks.DocumentChooserBlock", *super().deconstruct()[1:])


class DocumentDownloadBlock(blocks.StructBlock):
    document = AccessibleDocumentChooserBlock()
    label = blocks.CharBlock(
        required=False,
        max_length=200,
        help_text="Link text; the document's title is used when left blank.",
    )

    class Meta:
        icon = "doc-full"
        template = "base/blocks/document.html"


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=300, help_text="One sentence saying why to act.")
    button_label = blocks.CharBlock(max_length=60, help_text="e.g. 'Register for the webinar'")
    page = blocks.PageChooserBlock(required=False)
    url = blocks.URLBlock(required=False, help_text="Used when no page is chosen.")

    class Meta:
        icon = "pick"
        template = "base/blocks/call_to_action.html"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"url": blocks.BlockValidationError("Choose a page or give a URL.")}
            )
        return value


class BodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)
    heading = HeadingBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    embed = EmbedBlock(help_text="A YouTube, Vimeo or similar link.")
    document = DocumentDownloadBlock()
    call_to_action = CallToActionBlock()
