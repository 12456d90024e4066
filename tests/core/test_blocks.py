"""The shared block library: every block has a template and a preview value, and its
preview renders the preview's own content (so an empty or broken template fails)."""

import html

import pytest
from django.template.loader import get_template
from django.utils.html import strip_tags
from wagtail import blocks

from core.blocks import BodyStreamBlock

pytestmark = pytest.mark.django_db

# Blocks whose preview needs objects from the database: the image block's preview has no
# image and renders nothing (tests/core/test_image_block.py); the embed block's has no URL.
NEEDS_OBJECTS = {"image", "embed"}


def content_of(block, value):
    """Every piece of content in `value` a reader must find in the rendered block: texts
    and URLs, rich text without its tags, and choices (a heading level, a callout style)."""
    if isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            yield from content_of(child, value.get(name))
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from content_of(block.child_block, item)
    elif isinstance(block, blocks.RichTextBlock):
        yield strip_tags(value.source).strip()
    elif value not in (None, ""):
        yield str(value)


@pytest.mark.parametrize("name", list(BodyStreamBlock.base_blocks))
def test_every_block_has_a_template_and_a_preview_value(name):
    block = BodyStreamBlock().child_blocks[name]
    assert block.meta.template, name
    get_template(block.meta.template)  # raises if missing
    assert block.get_preview_value(), name


@pytest.mark.parametrize(
    "name", [name for name in BodyStreamBlock.base_blocks if name not in NEEDS_OBJECTS]
)
def test_preview_renders_all_of_its_content(name):
    block = BodyStreamBlock().child_blocks[name]
    value = block.get_preview_value()
    expected = list(content_of(block, value))
    assert len(expected) >= 2 or name == "paragraph", expected  # the check checks something
    rendered = html.unescape(block.render(value))
    missing = [text for text in expected if text not in rendered]
    assert missing == [], f"{name} preview renders without {missing}: {rendered!r}"


def test_link_block_requires_a_page_or_a_url():
    from wagtail.blocks import StructBlockValidationError

    from core.blocks import LinkBlock

    block = LinkBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"title": "Nowhere"}))
    assert block.clean(block.to_python({"title": "IFLA", "url": "https://www.ifla.org/"}))
