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

from types import SimpleNamespace

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.flows.password_reset import request_password_reset
from allauth.account.models import EmailAddress
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.urls import reverse
from wagtail.models import Site

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


def site_name(request=None):
    """The site's name for e-mails and pages: the Wagtail site's name, else
    WAGTAIL_SITE_NAME; never the host name (django.contrib.sites is not installed, so
    allauth would otherwise name the site after the request's host)."""
    site = None
    if request is not None:
        try:
            site = Site.find_for_request(request)
        except Exception:  # noqa: BLE001 - an unknown host: the default name will do
            site = None
    return (site.site_name if site and site.site_name else None) or getattr(
        settings, "WAGTAIL_SITE_NAME", "ILN Portal"
    )


def member_name(user):
    """What e-mails and messages call a member: the profile's name, never a username (the
    generated ones mean nothing to anybody); '' if the member has not given one."""
    if user is None or not getattr(user, "pk", None):
        return ""
    profile = getattr(user, "member_profile", None)
    try:
        return profile.display_name if profile else ""
    except Exception:  # noqa: BLE001 - a profile deleted meanwhile
        return ""


def user_display(user):
    """ACCOUNT_USER_DISPLAY: the member's name, else the e-mail address (shown to the
    member themselves), never the generated username."""
    return member_name(user) or getattr(user, "email", "") or ""


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
        name = site_name(context.get("request") or allauth_context.request)
        user = context.get("user")
        if user is None and template_prefix == "account/email/account_already_exists":
            user = get_user_model().objects.filter(email__iexact=email).first()
        context = {
            **context,
            "current_site": SimpleNamespace(name=name, domain=name),
            "site_name": name,
            "member_name": member_name(user),
        }
        super().send_mail(template_prefix, email, context)

    def format_email_subject(self, subject):
        return f"[{site_name(allauth_context.request)}] {subject}"

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
