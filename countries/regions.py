"""World regions used to group country profiles. Kept as data, not a model: the list is
short, stable and the same in every locale (labels are translated)."""

from django.utils.translation import gettext_lazy as _

REGION_CHOICES = [
    ("africa", _("Africa")),
    ("americas", _("Americas")),
    ("asia-pacific", _("Asia and the Pacific")),
    ("europe", _("Europe")),
    ("middle-east", _("Middle East and North Africa")),
]
