"""Choice lists shared by member profiles and (later) programme applications. The values are
part of the applications CSV contract (see DESIGN.md), so they never change; labels are
translated."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LibrarySector(models.TextChoices):
    ACADEMIC = "academic", _("Academic")
    PUBLIC = "public", _("Public")
    SCHOOL = "school", _("School")
    SPECIAL = "special", _("Special")
    NATIONAL = "national", _("National")
    ARCHIVES = "archives", _("Archives")
    MUSEUM = "museum", _("Museum")
    LIS_EDUCATION = "lis-education", _("LIS education")
    OTHER = "other", _("Other")


class CareerStage(models.TextChoices):
    STUDENT = "student", _("Student")
    EARLY = "early", _("Early career")
    MID = "mid", _("Mid career")
    SENIOR = "senior", _("Senior")


class Visibility(models.TextChoices):
    MEMBERS = "members", _("Members only")
    PUBLIC = "public", _("Public")
