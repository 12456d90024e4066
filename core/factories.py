"""Helpers shared by every app's factories (tests and load_demo)."""

from wagtail.rich_text import RichText


def paragraphs(texts):
    """StreamField value of paragraph blocks from plain-text paragraphs."""
    return [("paragraph", RichText(f"<p>{text}</p>")) for text in texts]
