"""Photos uploaded by members: validated and re-encoded without metadata.

Story photos become Wagtail images (editors review and publish them with the story).
Members' own photos do not: they are personal data, so they live in their own storage
outside MEDIA_ROOT (settings.MEMBER_PHOTOS_ROOT, no URL serves it), in resized variants
made at upload, and members.views.photo serves them after checking the profile's
visibility. No admin view (image library, chooser, renditions) can reach them.

Checks happen before the pixels are decoded: the byte size, then the format and the
dimensions Pillow reads from the header. Re-encoding copies only the pixels into a new
image, so EXIF (camera, GPS position), XMP and comments are left behind."""

import io
import os
import secrets
import warnings
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.storage import FileSystemStorage
from django.db import transaction
from django.utils.deconstruct import deconstructible
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
STORY_RENDITIONS = ["fill-480x270", "width-960|format-webp"]

# Members' photos: square variants made at upload (side in pixels, by name); the name is
# what templates ask for (profile.photo_urls.small).
MEMBER_PHOTO_SIZES = {"small": 96, "medium": 144, "large": 320}
MEMBER_PHOTO_VARIANT_FORMAT = ("WEBP", "webp", "image/webp", {"quality": 82})

# The collection Wagtail images of member photos were in before they moved to their own
# storage (migration 0003 moved them out and removed it).
MEMBER_PHOTOS_COLLECTION = "Member photos"
# Story photos are under Root: editors review and publish them with the story.
STORY_PHOTOS_COLLECTION = "Member story photos"


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


@deconstructible(path="members.photos.MemberPhotoStorage")
class MemberPhotoStorage(FileSystemStorage):
    """Files under settings.MEMBER_PHOTOS_ROOT. They have no URL: members.views.photo
    serves them (see MemberProfile.photo_urls)."""

    # Read from the settings each time (not cached), so tests can point it elsewhere.
    @property
    def base_location(self):
        return self._value_or_setting(self._location, settings.MEMBER_PHOTOS_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Member photos have no public URL; use MemberProfile.photo_urls.")


member_photo_storage = MemberPhotoStorage()


def get_member_photo_storage():
    """The model field's storage (a callable, so migrations do not record a location)."""
    return member_photo_storage


def new_photo_key():
    return secrets.token_hex(16)


def variant_name(name, size):
    """The file name of the `size` (pixels) variant of the photo stored as `name`."""
    path = PurePosixPath(name)
    return str(path.with_name(f"{path.stem}-{size}.{MEMBER_PHOTO_VARIANT_FORMAT[1]}"))


def member_photo_files(name):
    """Every file of the member photo stored as `name`: the photo and its variants."""
    if not name:
        return []
    return [name, *(variant_name(name, size) for size in MEMBER_PHOTO_SIZES.values())]


def save_member_photo(data, extension):
    """Store a member photo (re-encoded bytes, see reencode) and its square variants under a
    random name; returns the photo's file name in member_photo_storage."""
    name = member_photo_storage.save(
        f"member-photos/{secrets.token_hex(16)}.{extension}", ContentFile(data)
    )
    fmt, _extension, _content_type, options = MEMBER_PHOTO_VARIANT_FORMAT
    with PillowImage.open(io.BytesIO(data)) as original:
        original.load()
        for size in MEMBER_PHOTO_SIZES.values():
            variant = ImageOps.fit(original, (size, size), method=PillowImage.Resampling.LANCZOS)
            buffer = io.BytesIO()
            variant.save(buffer, format=fmt, **options)
            # The variant's name follows from the photo's: overwrite any stale file.
            target = variant_name(name, size)
            if member_photo_storage.exists(target):
                member_photo_storage.delete(target)
            member_photo_storage.save(target, ContentFile(buffer.getvalue()))
    return name


def store_member_photo(upload):
    """Validate-then-store helper for forms: the upload re-encoded and stored with its
    variants; returns the file name."""
    data, extension = reencode(upload)
    return save_member_photo(data, extension)


def delete_member_photo_files(name):
    """Delete a member photo and its variants once the transaction commits (at once when
    there is none), so that a rolled-back change keeps its files."""
    names = member_photo_files(name)
    if not names:
        return

    def delete():
        for each in names:
            member_photo_storage.delete(each)

    transaction.on_commit(delete)


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
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)
