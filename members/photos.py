"""Photos uploaded by members: validated, re-encoded without metadata, stored as Wagtail
images (so pages serve renditions, never the upload itself).

Checks happen before the pixels are decoded: the byte size, then the format and the
dimensions Pillow reads from the header. Re-encoding copies only the pixels into a new
image, so EXIF (camera, GPS position), XMP and comments are left behind."""

import io
import secrets
import warnings

from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.utils.translation import gettext_lazy as _
from PIL import Image as PillowImage
from PIL import ImageOps, UnidentifiedImageError
from wagtail.images import get_image_model
from wagtail.models import Collection

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000  # far above any camera photo, far below a decompression bomb
MAX_STORED_SIDE = 2000
# Pillow format name -> (file extension, save options)
ALLOWED_FORMATS = {
    "JPEG": ("jpg", {"quality": 85, "optimize": True}),
    "PNG": ("png", {"optimize": True}),
    "WEBP": ("webp", {"quality": 85}),
}
# Renditions made at upload, so listing pages never generate one while rendering.
PROFILE_RENDITIONS = ["fill-96x96", "fill-320x320"]
STORY_RENDITIONS = ["fill-480x270", "width-960|format-webp"]

MEMBER_PHOTOS_COLLECTION = "Member photos"
STORY_PHOTOS_COLLECTION = "Member story photos"
# Collections kept outside the Root collection's tree. Wagtail grants image permissions on a
# collection and everything below it, and Editors and Moderators hold theirs on Root, so a
# collection under Root would let them browse, edit and reuse members' portraits in the image
# library. A second root node is below nothing: only superusers see it in the admin (and the
# admin's collection management, which skips depth 1, does not offer it). Story photos stay
# under Root: editors review and publish them with the story.
PRIVATE_COLLECTIONS = {MEMBER_PHOTOS_COLLECTION}


def validate_photo(upload):
    """Raise ValidationError unless `upload` is a JPEG/PNG/WebP of acceptable size."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The photo is too large (%(size)s MB). The limit is 5 MB."),
            params={"size": f"{upload.size / 1024 / 1024:.1f}"},
            code="too_large",
        )
    try:
        with _open(upload) as image:
            if image.format not in ALLOWED_FORMATS:
                raise ValidationError(
                    _("Please upload a JPEG, PNG or WebP image."), code="bad_format"
                )
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise ValidationError(_("The photo has too many pixels."), code="too_many_pixels")
            image.verify()
        # verify() reads only the structure; a file cut short after a valid header (an
        # interrupted transfer) fails when decoded, so decode it now (at most MAX_PIXELS)
        # rather than in reencode() after the form has been accepted.
        with _open(upload) as image:
            image.load()
    except ValidationError:
        raise
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        PillowImage.DecompressionBombError,
        PillowImage.DecompressionBombWarning,
    ):
        raise ValidationError(
            _("This file is not an image we can read. Please upload a JPEG, PNG or WebP image."),
            code="unreadable",
        ) from None


def reencode(upload):
    """(bytes, extension) of the upload re-encoded in its own format, oriented upright,
    at most MAX_STORED_SIDE pixels a side, without any metadata. Call validate_photo first."""
    with _open(upload) as original:
        fmt = original.format
        extension, options = ALLOWED_FORMATS[fmt]
        image = ImageOps.exif_transpose(original)  # keep the orientation the EXIF stated
        image.thumbnail((MAX_STORED_SIDE, MAX_STORED_SIDE))
        mode = "RGBA" if image.mode in ("RGBA", "LA", "P") and fmt != "JPEG" else "RGB"
        image = image.convert(mode)
        # A fresh image from the raw pixels carries no info dict: nothing to leak.
        clean = PillowImage.frombytes(image.mode, image.size, image.tobytes())
    buffer = io.BytesIO()
    clean.save(buffer, format=fmt, **options)
    return buffer.getvalue(), extension


def store_photo(upload, *, title, collection_name, renditions):
    """A new Wagtail image holding the re-encoded upload, with its renditions made."""
    data, extension = reencode(upload)
    # A random file name: the upload's name may contain the member's name.
    filename = f"{secrets.token_hex(8)}.{extension}"
    image = get_image_model()(
        title=title[:255],
        file=ImageFile(io.BytesIO(data), name=filename),
        collection=_collection(collection_name),
    )
    image.save()
    image.get_renditions(*renditions)
    return image


def delete_photo(image):
    """Delete the image; Wagtail removes its file and renditions once the transaction commits."""
    if image is not None:
        image.delete()


def _open(upload):
    upload.seek(0)
    with warnings.catch_warnings():
        # Pillow warns above its own pixel limit; ours is lower and checked explicitly.
        warnings.simplefilter("error", PillowImage.DecompressionBombWarning)
        image = PillowImage.open(upload)
    return image


def _collection(name):
    if name in PRIVATE_COLLECTIONS:
        existing = Collection.get_root_nodes().filter(name=name).first()
        return existing or _add_last_root(name)
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)


def _add_last_root(name):
    """A new root collection after all others. Not Collection.add_root(): collections are
    ordered by name, so it would insert "Member photos" before "Root" and make it the root
    that Wagtail's get_first_root_node() returns."""
    last_root = Collection.get_last_root_node()
    collection = Collection(name=name, depth=1, numchild=0, path=last_root._inc_path())
    collection.save()
    return collection
