"""Demo illustrations drawn with Pillow (no downloads): a network of connected points,
stored as ordinary Wagtail images so templates serve them as renditions."""

import io
import random

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

PALETTE = ["#0b5d7a", "#f0a500", "#2a9d8f", "#e76f51", "#264653"]


def draw_network(seed, width=1200, height=800):
    rng = random.Random(seed)
    image = PILImage.new("RGB", (width, height), "#f3f5f8")
    draw = ImageDraw.Draw(image)
    points = [(rng.randrange(width), rng.randrange(height)) for _ in range(28)]
    for index, (x, y) in enumerate(points):
        partner = points[(index * 7 + 3) % len(points)]
        draw.line([(x, y), partner], fill="#b8c4d2", width=4)
    for x, y in points:
        radius = rng.randrange(14, 42)
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=rng.choice(PALETTE))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer


def get_or_create_illustration(title, seed):
    """The Wagtail image called `title`, drawn and saved the first time it is asked for."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing, False
    image = Image(title=title)
    image.file.save(f"{seed}.png", ImageFile(draw_network(seed), name=f"{seed}.png"), save=False)
    image.save()
    return image, True
