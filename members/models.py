"""Member profiles: who a member of the network is, and who may see it. Personal data
with its own rules: see is_visible_to and shows_email_to."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from .choices import CareerStage, LibrarySector, Visibility
from .photos import MEMBER_PHOTO_SIZES, get_member_photo_storage, new_photo_key

# Held by the Coordinators group (see migrations) and by superusers: coordinators see every
# profile and every member's e-mail address.
COORDINATOR_PERMISSION = "members.view_member_contact"


def is_coordinator(user):
    return user.is_authenticated and user.has_perm(COORDINATOR_PERMISSION)


class MemberInterest(TaggedItemBase):
    """Interests use taggit's shared Tag table: the same vocabulary as topics and stories."""

    content_object = models.ForeignKey(
        "members.MemberProfile", on_delete=models.CASCADE, related_name="tagged_interests"
    )


class MemberProfileQuerySet(models.QuerySet):
    def listed(self):
        """Profiles other members can find: completed, of active accounts."""
        return self.filter(user__is_active=True).exclude(display_name="").exclude(country="")

    def own(self, user):
        """The logged-in member's own profile, created empty on first use."""
        profile, _created = self.get_or_create(user=user)
        return profile

    def for_listing(self):
        """Everything a directory entry shows, in a fixed number of queries."""
        return self.prefetch_related("interests")


class MemberProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="member_profile"
    )
    display_name = models.CharField(_("display name"), max_length=100, blank=True)
    country = CountryField(_("country"), blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    institution = models.CharField(_("institution"), max_length=200, blank=True)
    sector = models.CharField(
        _("library sector"), max_length=20, choices=LibrarySector.choices, blank=True
    )
    role = models.CharField(_("role"), max_length=100, blank=True)
    career_stage = models.CharField(
        _("career stage"), max_length=20, choices=CareerStage.choices, blank=True
    )
    interests = TaggableManager(verbose_name=_("interests"), through=MemberInterest, blank=True)
    languages = models.CharField(
        _("languages spoken"),
        max_length=200,
        blank=True,
        help_text=_("For example: English, Spanish, Māori."),
    )
    # Validated against the IANA database in the form: as model choices the list would
    # change with the system's tzdata and churn migrations.
    time_zone = models.CharField(_("time zone"), max_length=64, blank=True)
    bio = models.TextField(_("short bio"), max_length=1000, blank=True)
    # Not a Wagtail image: a file in members.photos' own storage (no public URL), with its
    # variants; members.views.photo serves them to whoever may see the profile.
    photo = models.FileField(
        _("photo"),
        storage=get_member_photo_storage,
        upload_to="member-photos/",
        max_length=200,
        blank=True,
        editable=False,
    )
    # In the photo's URLs; a new one with every new photo and every change of visibility,
    # so a URL given out while the profile was public stops working (in caches too).
    photo_key = models.CharField(max_length=32, blank=True, editable=False)
    website = models.URLField(_("website"), blank=True)
    social_handle = models.CharField(
        _("social media handle"),
        max_length=100,
        blank=True,
        help_text=_("For example: @name@mastodon.social"),
    )
    visibility = models.CharField(
        _("profile visible to"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.MEMBERS,
    )
    accepts_messages = models.BooleanField(
        _("other members may write to me"),
        default=False,
        help_text=_(
            "Members who can see your profile may send you a message through the site. "
            "Your e-mail address stays hidden until you reply."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MemberProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("member profile")
        verbose_name_plural = _("member profiles")
        ordering = ["display_name", "pk"]
        indexes = [models.Index(fields=["country", "display_name"])]
        permissions = [
            ("view_member_contact", _("Can see all member profiles and e-mail addresses")),
        ]

    def __str__(self):
        return self.display_name or _("Member %(pk)s") % {"pk": self.pk}

    def save(self, *args, **kwargs):
        loaded = getattr(self, "_loaded_visibility", None)
        if self.photo and (not self.photo_key or (loaded and loaded != self.visibility)):
            self.photo_key = new_photo_key()
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "photo_key"}
        super().save(*args, **kwargs)
        self._loaded_visibility = self.visibility

    def get_absolute_url(self):
        return reverse("members:profile", args=[self.pk])

    @classmethod
    def from_db(cls, db, field_names, values):
        profile = super().from_db(db, field_names, values)
        profile._loaded_visibility = profile.__dict__.get("visibility")
        return profile

    @property
    def photo_urls(self):
        """{"small"/"medium"/"large": URL} of the photo's square variants (96, 144, 320
        pixels), {} without a photo. The URLs answer only those who may see the profile."""
        if not self.photo or not self.photo_key:
            return {}
        return {
            name: reverse("members:photo", args=[self.pk, self.photo_key, size])
            for name, size in MEMBER_PHOTO_SIZES.items()
        }

    @property
    def is_complete(self):
        return bool(self.display_name and self.country)

    @property
    def is_public(self):
        return self.visibility == Visibility.PUBLIC

    def is_visible_to(self, user):
        if user.is_authenticated and (user.pk == self.user_id or is_coordinator(user)):
            return True
        if not self.is_complete or not self.user.is_active:
            return False
        return self.is_public or user.is_authenticated

    def accepts_messages_from(self, user):
        """Whether `user` may write to this member through the contact form: another
        logged-in member who can see the profile, if the member opted in."""
        return (
            self.accepts_messages
            and user.is_authenticated
            and user.pk != self.user_id
            and self.is_complete
            and self.user.is_active
            and self.is_visible_to(user)
        )

    def shows_email_to(self, user):
        return user.is_authenticated and (user.pk == self.user_id or is_coordinator(user))
