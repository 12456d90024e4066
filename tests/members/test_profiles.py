"""Profile pages and editing: visibility rules, escaping, bad input, photos."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from members.choices import Visibility
from members.factories import MemberProfileFactory
from members.models import MemberProfile
from members.photos import (
    MAX_UPLOAD_BYTES,
    MEMBER_PHOTO_SIZES,
    member_photo_files,
    member_photo_storage,
)
from tests.members.profile_data import profile_form_data as complete_profile
from tests.uploads import image_bytes

pytestmark = pytest.mark.django_db


def profile_form_data(**overrides):
    return complete_profile(**{"new_interests": "outreach", **overrides})


class TestVisibility:
    def test_members_only_profile_sends_anonymous_visitors_to_log_in(self, client, member):
        response = client.get(member.get_absolute_url())
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/?next=")
        assert member.display_name not in response.content.decode()

    def test_unknown_profile_answers_anonymous_visitors_like_a_hidden_one(self, client, db):
        response = client.get("/members/999999/")
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]

    def test_public_profile_is_shown_to_anyone_without_email(self, client, member):
        member.visibility = Visibility.PUBLIC
        member.save()
        response = client.get(member.get_absolute_url())
        body = response.content.decode()
        assert response.status_code == 200
        assert "Aroha Tane" in body and "Te Puna" in body
        assert member.user.email not in body

    def test_members_see_members_only_profiles_but_not_emails(self, client, member, other_member):
        client.force_login(other_member.user)
        response = client.get(member.get_absolute_url())
        assert response.status_code == 200
        assert "Aroha Tane" in response.content.decode()
        assert member.user.email not in response.content.decode()

    def test_coordinators_see_emails(self, client, member, coordinator):
        client.force_login(coordinator)
        response = client.get(member.get_absolute_url())
        assert member.user.email in response.content.decode()

    def test_members_see_their_own_email(self, member_client, member):
        response = member_client.get("/members/me/")
        assert response.status_code == 200
        assert member.user.email in response.content.decode()

    def test_incomplete_profiles_are_hidden_from_other_members(self, client, member):
        incomplete = MemberProfileFactory(display_name="", country="")
        client.force_login(member.user)
        assert client.get(incomplete.get_absolute_url()).status_code == 404

    def test_inactive_accounts_are_hidden(self, member_client, other_member):
        other_member.user.is_active = False
        other_member.user.save()
        assert member_client.get(other_member.get_absolute_url()).status_code == 404


class TestEditing:
    def test_me_creates_an_empty_profile_and_prompts_completion(self, client):
        user = MemberProfileFactory.build().user
        user.save()
        client.force_login(user)
        response = client.get("/members/me/")
        assert response.status_code == 200
        assert "Complete my profile" in response.content.decode()
        assert MemberProfile.objects.filter(user=user, display_name="").exists()

    def test_edit_saves_own_profile_only(self, member_client, member, other_member):
        response = member_client.post("/members/me/edit/", profile_form_data(city="Wellington"))
        assert response.status_code == 302
        member.refresh_from_db()
        other_member.refresh_from_db()
        assert member.city == "Wellington"
        assert other_member.city != "Wellington"

    def test_interests_reuse_the_shared_tag_vocabulary(self, member_client, member):
        from taggit.models import Tag

        Tag.objects.create(name="community outreach")
        member_client.post(
            "/members/me/edit/", profile_form_data(new_interests="Community Outreach, zines")
        )
        assert sorted(member.interests.names()) == ["community outreach", "zines"]
        assert Tag.objects.filter(name__iexact="community outreach").count() == 1

    def test_another_members_edit_url_is_refused_like_an_unknown_id(
        self, member_client, other_member
    ):
        """Issue #13, finding 8: 403 for an existing profile and 404 for a missing one told
        anyone which ids exist. Both are the same 404 now, for GET and POST."""
        before = MemberProfile.objects.get(pk=other_member.pk).display_name
        missing = MemberProfile.objects.order_by("-pk").first().pk + 100
        for pk in (other_member.pk, missing):
            for method in (member_client.get, member_client.post):
                response = method(f"/members/{pk}/edit/", profile_form_data())
                assert response.status_code == 404
                assert other_member.display_name.encode() not in response.content
        assert MemberProfile.objects.get(pk=other_member.pk).display_name == before

    def test_own_edit_url_by_id_leads_to_the_form(self, member_client, member):
        response = member_client.get(f"/members/{member.pk}/edit/")
        assert response.status_code == 302 and response["Location"] == "/members/me/edit/"

    def test_html_in_fields_is_escaped_on_display(self, member_client, member, other_member):
        script = '<script>alert("x")</script>'
        member_client.post(
            "/members/me/edit/",
            profile_form_data(display_name=f"Aroha {script}", bio=f"Hello {script}", role=script),
        )
        member_client.force_login(other_member.user)
        body = member_client.get(member.get_absolute_url()).content.decode()
        assert script not in body
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in body

    @pytest.mark.parametrize(
        "field,value",
        [
            ("country", "XX"),
            ("sector", "bookshop"),
            ("time_zone", "Mars/Olympus_Mons"),
            ("website", "javascript:alert(1)"),
            ("visibility", "everyone"),
            ("bio", "x" * 1001),
            ("new_interests", ",".join(f"tag{n}" for n in range(20))),
        ],
    )
    def test_bad_values_are_refused_and_nothing_is_saved(self, member_client, member, field, value):
        response = member_client.post(
            "/members/me/edit/", profile_form_data(city="Changed", **{field: value})
        )
        assert response.status_code == 200
        assert "Please correct the errors below" in response.content.decode()
        assert field in response.context["form"].errors
        member.refresh_from_db()
        assert member.city != "Changed"


def stored_files():
    """Every file in the member photos' storage."""
    found = []
    try:
        _folders, files = member_photo_storage.listdir("member-photos")
    except FileNotFoundError:
        return []
    found.extend(files)
    return sorted(found)


class TestPhotos:
    @pytest.fixture(autouse=True)
    def _own_storage(self, settings, tmp_path):
        settings.MEMBER_PHOTOS_ROOT = tmp_path  # a storage of this test's own

    @pytest.fixture
    def post(self, member_client, django_capture_on_commit_callbacks):
        """Post the profile form; old photos' files are deleted when the request's
        transaction commits, so those callbacks run as a real commit would."""

        def _post(data):
            with django_capture_on_commit_callbacks(execute=True):
                return member_client.post("/members/me/edit/", data)

        return _post

    def stored_image(self, member):
        member.refresh_from_db()
        assert member.photo
        with member_photo_storage.open(member.photo.name, "rb") as handle:
            return Image.open(io.BytesIO(handle.read()))

    def test_exif_and_gps_are_stripped(self, member_client, member, jpeg_with_gps):
        # The fixture really carries GPS data.
        assert Image.open(io.BytesIO(jpeg_with_gps.read())).getexif().get(0x8825)
        jpeg_with_gps.seek(0)
        response = member_client.post(
            "/members/me/edit/", {**profile_form_data(), "photo_upload": jpeg_with_gps}
        )
        assert response.status_code == 302
        stored = self.stored_image(member)
        assert stored.format == "JPEG"
        assert not stored.getexif()
        assert "exif" not in stored.info
        assert "me-at-home" not in member.photo.name  # no personal file name either
        # Square variants are made at upload, and the profile shows one (not the original),
        # through the view that checks visibility, never a /media/ URL.
        files = member_photo_files(member.photo.name)
        assert all(member_photo_storage.exists(name) for name in files)
        assert len(files) == 1 + len(MEMBER_PHOTO_SIZES)
        body = member_client.get("/members/me/").content.decode()
        assert member.photo_urls["large"] in body
        assert member.photo.name.rsplit("/", 1)[-1] not in body
        assert "/media/" not in body

    def test_png_and_webp_keep_their_format(self, member_client, member):
        for fmt, name in (("PNG", "a.png"), ("WEBP", "a.webp")):
            upload = SimpleUploadedFile(name, image_bytes(fmt=fmt), f"image/{fmt.lower()}")
            member_client.post("/members/me/edit/", {**profile_form_data(), "photo_upload": upload})
            assert self.stored_image(member).format == fmt

    def test_replacing_a_photo_deletes_the_old_files(self, post, member):
        for name in ("one.jpg", "two.jpg"):
            upload = SimpleUploadedFile(name, image_bytes(), "image/jpeg")
            post({**profile_form_data(), "photo_upload": upload})
        member.refresh_from_db()
        expected = sorted(name.rsplit("/", 1)[-1] for name in member_photo_files(member.photo.name))
        assert stored_files() == expected

    @pytest.mark.parametrize(
        "upload,message",
        [
            (SimpleUploadedFile("cv.jpg", b"%PDF-1.4 not an image", "image/jpeg"), "not an image"),
            (
                SimpleUploadedFile("anim.gif", image_bytes(fmt="GIF"), "image/gif"),
                "JPEG, PNG or WebP",
            ),
            (
                SimpleUploadedFile("huge.jpg", b"\xff\xd8" + b"0" * MAX_UPLOAD_BYTES, "image/jpeg"),
                "too large",
            ),
        ],
    )
    def test_bad_photos_are_refused_and_nothing_is_saved(
        self, member_client, member, upload, message
    ):
        response = member_client.post(
            "/members/me/edit/", {**profile_form_data(city="Changed"), "photo_upload": upload}
        )
        assert response.status_code == 200
        assert message in str(response.context["form"].errors["photo_upload"])
        member.refresh_from_db()
        assert not member.photo and member.city != "Changed"
        assert stored_files() == []

    @pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
    def test_truncated_images_are_refused_not_a_500(self, member_client, member, fmt):
        # The header is intact (so the format and size checks pass) but the pixel data is
        # cut off, as after an interrupted transfer: decoding fails only when re-encoding.
        data = image_bytes(fmt=fmt, size=(400, 300))
        upload = SimpleUploadedFile("cut.img", data[: len(data) // 2], f"image/{fmt.lower()}")
        response = member_client.post(
            "/members/me/edit/", {**profile_form_data(city="Changed"), "photo_upload": upload}
        )
        assert response.status_code == 200
        assert "not an image we can read" in str(response.context["form"].errors["photo_upload"])
        member.refresh_from_db()
        assert not member.photo and member.city != "Changed"
        assert stored_files() == []

    def test_decompression_bombs_are_refused_before_decoding(self, member_client, member):
        # A tiny PNG whose header claims 20,000 x 20,000 pixels.
        buffer = io.BytesIO()
        Image.new("1", (20000, 20000)).save(buffer, format="PNG")
        upload = SimpleUploadedFile("bomb.png", buffer.getvalue(), "image/png")
        assert upload.size < MAX_UPLOAD_BYTES
        response = member_client.post(
            "/members/me/edit/", {**profile_form_data(), "photo_upload": upload}
        )
        assert response.status_code == 200
        assert "photo_upload" in response.context["form"].errors
        assert stored_files() == []

    def test_removing_the_photo(self, post, member):
        upload = SimpleUploadedFile("one.jpg", image_bytes(), "image/jpeg")
        post({**profile_form_data(), "photo_upload": upload})
        post({**profile_form_data(), "remove_photo": "on"})
        member.refresh_from_db()
        assert not member.photo and not member.photo_urls
        assert stored_files() == []
