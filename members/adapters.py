"""allauth adapter: after log-in, members whose profile is incomplete are led to finish it."""

from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request):
        profile = getattr(request.user, "member_profile", None)
        if profile is None or not profile.is_complete:
            return reverse("members:edit")
        return super().get_login_redirect_url(request)
