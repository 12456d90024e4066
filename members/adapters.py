"""allauth adapter: after log-in, members whose profile is incomplete are led to finish it;
and accounts made for imported applicants are claimed by a password reset.

Claiming an imported account. The applications import (programme.importer) gives someone
without an account an inactive one: username ``imported-…``, their e-mail address, no
usable password, never logged in. allauth ignores inactive accounts when asked for a
password reset, and would answer that the address has no account; for such an account
this adapter sends the usual password-reset link instead. Following the link and setting
a password claims the account: it becomes active, and the address verified (the link
reached it). Signing up with the address is refused as taken (or, with mandatory
verification, answered by an e-mail that points to the password reset), so the reset is
the one way in. An account a coordinator deactivated is not claimable this way: it has
logged in or has a usable password. The hook relies on allauth's "unknown account" e-mail
(ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS, on by default); tests/programme/test_import_applications.py
walks the whole path."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.flows.password_reset import request_password_reset
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.urls import reverse

IMPORTED_USERNAME_PREFIX = "imported-"


def unclaimed_accounts(email):
    """The accounts an import made for `email` that nobody has claimed yet."""
    return list(
        get_user_model().objects.filter(
            email__iexact=email.strip(),
            username__startswith=IMPORTED_USERNAME_PREFIX,
            is_active=False,
            last_login__isnull=True,
            password__startswith=UNUSABLE_PASSWORD_PREFIX,
        )
    )


def is_unclaimed(user):
    return (
        user.username.startswith(IMPORTED_USERNAME_PREFIX)
        and not user.is_active
        and user.last_login is None
        and not user.has_usable_password()
    )


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request):
        profile = getattr(request.user, "member_profile", None)
        if profile is None or not profile.is_complete:
            return reverse("members:edit")
        return super().get_login_redirect_url(request)

    def send_mail(self, template_prefix, email, context):
        if template_prefix == "account/email/unknown_account":
            unclaimed = unclaimed_accounts(email)
            if unclaimed:
                request_password_reset(context["request"], email, unclaimed, None)
                return
        super().send_mail(template_prefix, email, context)

    def set_password(self, user, password):
        claiming = is_unclaimed(user)
        if claiming:
            user.is_active = True
        super().set_password(user, password)
        if claiming:
            address, _created = EmailAddress.objects.get_or_create(
                user=user,
                email=user.email.lower(),
                defaults={"verified": True, "primary": True},
            )
            if not address.verified:
                address.verified = True
                address.save(update_fields=["verified"])
