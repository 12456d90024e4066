"""The Wagtail admin's log-in form (settings.WAGTAILADMIN_USER_LOGIN_FORM).

Wagtail's own form authenticates anyone whose password is right, and the session it opens
is a session on the whole site. allauth's e-mail back-end also accepts an e-mail address as
the admin's "username", so a member whose address was never verified could log in at
/admin/login/ and use the members-only pages (issue #13, finding 1). This form:

- admits only accounts that may use the admin (wagtailadmin.access_admin); for everybody
  else the answer is the one for a wrong password, so the form tells nothing about a
  member's password;
- counts attempts with allauth's rate limits (ACCOUNT_RATE_LIMITS): "login" per address
  for every attempt, "login_failed" per address and per account for failures, on the same
  counters as the public log-in: five wrong passwords at either form lock both.
"""

from allauth.account.adapter import get_adapter
from allauth.core.internal import ratelimit
from django.contrib.auth import authenticate, get_user_model
from django.contrib.sites.shortcuts import get_current_site
from django.db.models import Q
from wagtail.admin.forms.auth import LoginForm

ADMIN_PERMISSION = "wagtailadmin.access_admin"
RATE_LIMIT_APP = "allauth.account"


def login_attempts_key(request, login):
    """allauth's key for failed log-ins of an account: the site's domain and the account's
    e-mail address (the public log-in's `login`), whichever of username or e-mail was typed."""
    login = login.strip()
    user = (
        get_user_model()
        .objects.filter(Q(username__iexact=login) | Q(email__iexact=login))
        .exclude(email="")
        .only("email")
        .first()
    )
    if user is not None:
        login = user.email
    return f"{get_current_site(request).domain}:{login.lower()}"


class AdminLoginForm(LoginForm):
    def clean(self):
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if not username or not password:
            return self.cleaned_data
        adapter = get_adapter(self.request)
        too_many = adapter.validation_error("too_many_login_attempts")
        if not ratelimit.consume(self.request, app=RATE_LIMIT_APP, action="login"):
            raise too_many
        failures = ratelimit.consume(
            self.request,
            app=RATE_LIMIT_APP,
            action="login_failed",
            key=login_attempts_key(self.request, username),
        )
        if not failures:
            raise too_many
        user = authenticate(self.request, username=username, password=password)
        if user is None or not user.has_perm(ADMIN_PERMISSION):
            raise self.get_invalid_login_error()
        # A successful log-in takes back its own count (as allauth does), without wiping
        # the failures before it.
        failures.rollback()
        self.user_cache = user
        self.confirm_login_allowed(user)
        return self.cleaned_data
