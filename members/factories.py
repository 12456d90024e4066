"""Factories for member accounts and profiles. Used by the tests and by load_demo."""

import io

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from . import photos
from .choices import CareerStage, LibrarySector
from .models import MemberInterest, MemberProfile

MEMBER_PASSWORD = "correct horse battery staple"


class UserFactory(factory.django.DjangoModelFactory):
    """An account that can log in with its e-mail address (verified) and MEMBER_PASSWORD."""

    username = factory.Sequence(lambda n: f"member{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password(MEMBER_PASSWORD)

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def verified_email(user, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)


class MemberProfileFactory(factory.django.DjangoModelFactory):
    user = factory.SubFactory(UserFactory)
    display_name = factory.Faker("name")
    country = factory.Iterator(["NZ", "GH", "CA", "IN", "BR", "FR", "KE", "PH"])
    city = factory.Faker("city")
    institution = factory.Faker("company")
    sector = factory.Iterator(LibrarySector.values)
    role = factory.Iterator(["Librarian", "Archivist", "Library manager", "Student"])
    career_stage = factory.Iterator(CareerStage.values)
    languages = "English"
    time_zone = "UTC"
    bio = factory.Faker("paragraph")

    class Meta:
        model = MemberProfile
        skip_postgeneration_save = True

    @factory.post_generation
    def interests(profile, create, extracted, **kwargs):
        if create and extracted:
            profile.interests.add(*extracted)

    @factory.post_generation
    def with_photo(profile, create, extracted, **kwargs):
        """`with_photo=True`: a photo (a plain colour square) stored as an upload is."""
        if create and extracted:
            add_photo(profile)


def add_photo(profile, colour=(11, 93, 122)):
    """Give `profile` a photo (a plain-coloured image) with its variants, as an upload
    would: for tests and the demo."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (400, 400), colour).save(buffer, format="JPEG")
    profile.photo.name = photos.save_member_photo(buffer.getvalue(), "jpg")
    profile.photo_key = photos.new_photo_key()
    profile.save(update_fields=["photo", "photo_key"])
    return profile


def create_members_in_bulk(count, start=0, interests=("community outreach", "user experience")):
    """`count` listed members (without photos), each with `interests`, in a few queries:
    for benchmarks and query-count tests, where factories would be too slow."""
    from taggit.models import Tag

    User = get_user_model()
    users = User.objects.bulk_create(
        User(username=f"bulk{n}", email=f"bulk{n}@example.org") for n in range(start, start + count)
    )
    country_codes = ["NZ", "GH", "CA", "IN", "BR", "FR", "KE", "PH"]
    profiles = MemberProfile.objects.bulk_create(
        MemberProfile(
            user=user,
            display_name=f"Member {n:05d}",
            country=country_codes[n % len(country_codes)],
            sector=LibrarySector.values[n % len(LibrarySector.values)],
            career_stage=CareerStage.values[n % len(CareerStage.values)],
            institution=f"Library {n}",
        )
        for n, user in enumerate(users, start=start)
    )
    tags = [Tag.objects.get_or_create(name=name)[0] for name in interests]
    MemberInterest.objects.bulk_create(
        MemberInterest(content_object=profile, tag=tag) for profile in profiles for tag in tags
    )
    return profiles
