"""Members-area fixtures: accounts with profiles, coordinators, and image uploads."""

import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from members.factories import MemberProfileFactory, UserFactory


@pytest.fixture
def member(db):
    """A member with a complete, members-only profile."""
    # Sector and stage pinned: the factory cycles through them across the whole run, and the
    # directory filter tests must not depend on how many profiles earlier tests created.
    return MemberProfileFactory(
        display_name="Aroha Tane",
        country="NZ",
        institution="Te Puna",
        sector="school",
        career_stage="mid",
    )


@pytest.fixture
def other_member(db):
    return MemberProfileFactory(display_name="Kwame Asante", country="GH")


@pytest.fixture
def member_client(client, member):
    client.force_login(member.user)
    return client


@pytest.fixture
def coordinator(db):
    user = UserFactory(is_staff=True)
    # The group comes from a data migration; its permissions are re-granted here because
    # transactional (live server) tests flush migration data.
    group, _ = Group.objects.get_or_create(name="Coordinators")
    group.permissions.add(
        *Permission.objects.filter(
            codename__in=[
                "access_admin",
                "view_member_contact",
                "view_memberprofile",
                "change_memberprofile",
            ]
        )
    )
    user.groups.add(group)
    return user


def image_bytes(fmt="JPEG", size=(64, 48), exif=None, color=(200, 30, 30)):
    buffer = io.BytesIO()
    image = Image.new("RGB", size, color)
    options = {"exif": exif} if exif is not None else {}
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def gps_exif():
    """EXIF with a GPS position and camera make, as a phone would write it."""
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0112] = 1  # Orientation
    gps = {1: "S", 2: (41.0, 17.0, 0.0), 3: "E", 4: (174.0, 46.0, 0.0)}
    exif[0x8825] = gps  # GPSInfo
    return exif.tobytes()


@pytest.fixture
def jpeg_with_gps():
    return SimpleUploadedFile("me-at-home.jpg", image_bytes(exif=gps_exif()), "image/jpeg")
