"""Members' photos leave the Wagtail image library (issue #13, findings 2 and 6): each
profile's photo becomes a file in members.photos' own storage (outside MEDIA_ROOT), with
its square variants, and the Wagtail image, its renditions and their files are deleted."""

import io
import secrets

from django.db import migrations, models

import members.photos


def move_photos_out_of_the_image_library(apps, schema_editor):
    from members import photos

    MemberProfile = apps.get_model("members", "MemberProfile")
    Image = apps.get_model("wagtailimages", "Image")
    Rendition = apps.get_model("wagtailimages", "Rendition")
    Collection = apps.get_model("wagtailcore", "Collection")
    profiles = MemberProfile.objects.filter(photo__isnull=False)
    image_ids = set()
    for profile in profiles.iterator():
        image = Image.objects.filter(pk=profile.photo_id).first()
        if image is None:
            continue
        image_ids.add(image.pk)
        try:
            with image.file.storage.open(image.file.name, "rb") as handle:
                data = handle.read()
        except FileNotFoundError:
            continue  # the file was lost already: the profile has no photo
        try:  # re-encoded (no metadata), as every upload is now
            data, extension = photos.reencode(io.BytesIO(data))
        except Exception:  # noqa: BLE001 (an unreadable file: the profile has no photo)
            continue
        profile.photo_file = photos.save_member_photo(data, extension)
        profile.photo_key = secrets.token_hex(16)
        profile.save(update_fields=["photo_file", "photo_key"])
    # Only the images of the member photos' collection: any other image (a library image
    # a superuser once chose in the admin) may be used elsewhere, and stays.
    collection = Collection.objects.filter(name=photos.MEMBER_PHOTOS_COLLECTION).first()
    in_collection = Image.objects.filter(pk__in=image_ids, collection=collection)
    for image in in_collection if collection is not None else []:
        for rendition in Rendition.objects.filter(image=image):
            rendition.file.storage.delete(rendition.file.name)
            rendition.delete()
        image.file.storage.delete(image.file.name)
        image.delete()
    if collection is not None and not Image.objects.filter(collection=collection).exists():
        if collection.numchild == 0 and collection.depth == 1:
            collection.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0002_coordinators_group"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.AddField(
            model_name="memberprofile",
            name="photo_file",
            field=models.FileField(
                blank=True,
                editable=False,
                max_length=200,
                storage=members.photos.get_member_photo_storage,
                upload_to="member-photos/",
                verbose_name="photo",
            ),
        ),
        migrations.AddField(
            model_name="memberprofile",
            name="photo_key",
            field=models.CharField(blank=True, editable=False, max_length=32),
        ),
        migrations.RunPython(move_photos_out_of_the_image_library, migrations.RunPython.noop),
        migrations.RemoveField(model_name="memberprofile", name="photo"),
        migrations.RenameField(
            model_name="memberprofile", old_name="photo_file", new_name="photo"
        ),
    ]
