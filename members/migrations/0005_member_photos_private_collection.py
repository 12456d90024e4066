"""Move the "Member photos" collection out of the Root collection's tree (see
members/photos.py, PRIVATE_COLLECTIONS): Editors' and Moderators' image permissions on Root
reached every member's portrait. Plain path arithmetic on the historical model, as
treebeard's methods are not available in migrations."""

from django.db import migrations

NAME = "Member photos"
STEPLEN = 4
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _step(number):
    digits = ""
    while number:
        number, rest = divmod(number, len(ALPHABET))
        digits = ALPHABET[rest] + digits
    return digits.rjust(STEPLEN, "0")


def forwards(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    node = Collection.objects.filter(depth=2, name=NAME).order_by("path").first()
    if node is None or Collection.objects.filter(depth=1, name=NAME).exists():
        return  # never created, or already a root node
    last_root = Collection.objects.filter(depth=1).order_by("-path").first()
    new_path = _step(int(last_root.path, len(ALPHABET)) + 1)
    old_path = node.path
    # The node and any collections below it move up one level, under the new path.
    for moved in Collection.objects.filter(path__startswith=old_path):
        moved.path = new_path + moved.path[len(old_path) :]
        moved.depth -= 1
        moved.save(update_fields=["path", "depth"])
    parent = Collection.objects.get(path=old_path[:STEPLEN])
    parent.numchild -= 1
    parent.save(update_fields=["numchild"])


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0004_body_blocks"),  # after wagtailcore's migrations (see 0001)
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
