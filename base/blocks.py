"""StreamField blocks shared by every page body on the site.

They live in the bottom layer so that programs and the site's own pages can use
them without importing upwards.
"""

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


class DocumentDownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
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
