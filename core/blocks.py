"""The one StreamField block library shared by every page type. Each block renders with
its own template under templates/blocks/ and offers a preview value for the admin."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", "Heading 2"), ("h3", "Heading 3"), ("h4", "Heading 4")],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        preview_value = {"text": "How partnerships work", "level": "h2"}
        description = "A section heading"


class ImageWithCaptionBlock(blocks.StructBlock):
    """Wagtail's ImageBlock (alt text suggested from the image's description, or marked
    decorative) with a caption and an attribution."""

    image = ImageBlock()
    caption = blocks.CharBlock(required=False)
    attribution = blocks.CharBlock(required=False)

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"
        preview_value = {"caption": "Partners meeting at a conference", "attribution": "ILN"}


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        preview_value = {
            "text": "My partner showed me a completely different way to run a reading club.",
            "attribution": "A participant, 2016 round",
        }


class CalloutBlock(blocks.StructBlock):
    style = blocks.ChoiceBlock(
        choices=[("info", "Information"), ("tip", "Tip"), ("warning", "Important")],
        default="info",
    )
    title = blocks.CharBlock(required=False)
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "warning"
        template = "blocks/callout_block.html"
        preview_value = {
            "style": "tip",
            "title": "Tip",
            "text": "<p>Agree on a meeting rhythm in your first message.</p>",
        }


class FAQItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=300)
    answer = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"])


class FAQBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False)
    items = blocks.ListBlock(FAQItemBlock())

    class Meta:
        icon = "help"
        template = "blocks/faq_block.html"
        preview_value = {
            "title": "Frequently asked questions",
            "items": [
                {
                    "question": "Do I need to be fluent in English?",
                    "answer": "<p>You need to be comfortable writing in English.</p>",
                }
            ],
        }


class LinkBlock(blocks.StructBlock):
    title = blocks.CharBlock()
    page = blocks.PageChooserBlock(required=False)
    url = blocks.URLBlock(required=False)
    description = blocks.CharBlock(required=False)

    def clean(self, value):
        cleaned = super().clean(value)
        if not cleaned.get("page") and not cleaned.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"url": ValidationError(_("Give a page or a URL."))}
            )
        return cleaned


class LinkListBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False)
    links = blocks.ListBlock(LinkBlock())

    class Meta:
        icon = "list-ul"
        template = "blocks/link_list_block.html"
        preview_value = {
            "title": "Further reading",
            "links": [
                {"title": "IFLA", "url": "https://www.ifla.org/", "description": "The federation"}
            ],
        }


class EmbedWithCaptionBlock(blocks.StructBlock):
    embed = EmbedBlock(help_text="A YouTube, Vimeo or other oEmbed URL.")
    caption = blocks.CharBlock(required=False)

    class Meta:
        icon = "media"
        template = "blocks/embed_block.html"
        preview_value = {"caption": "A recorded group discussion"}


RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul", "hr", "document-link"]


class BodyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        template="blocks/paragraph_block.html",
        preview_value="<p>Partners agree how often they will write and what to learn.</p>",
        icon="pilcrow",
    )
    image = ImageWithCaptionBlock()
    quote = QuoteBlock()
    callout = CalloutBlock()
    faq = FAQBlock()
    embed = EmbedWithCaptionBlock()
    links = LinkListBlock()
