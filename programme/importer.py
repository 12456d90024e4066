"""Importing a round's applications from the coordinators' spreadsheet: CSV with the header
row and the values DESIGN.md fixes (Interfaces, "Applications: CSV with a header row").
A plain module: the import_applications command is a thin wrapper round
`import_applications`, and anything else (an admin view, a test) can call it too.

All or nothing. Every row is read and checked first, against the rest of the file and
against the database; any problem aborts the import with every error listed by line
number (the header is line 1; a value spanning several lines counts from its first), and
nothing is written. Otherwise everything is written in one transaction.

Decisions, so the coordinators know what an import does:

- Imported applications are submitted, with `english_confirmed` and
  `code_of_conduct_accepted` set: the spreadsheet programme asked both before anyone was
  put on the sheet. The round's country cap does not apply: the coordinators already
  accepted these applicants, so none is deferred.
- Idempotent by `application_id`: a row whose application_id was already imported into the
  round for the same applicant is left as it is and counted "unchanged", so importing a
  file twice changes nothing (where the row now differs from the stored application the
  summary says so; the application is not overwritten, since the applicant may have
  edited it on the portal). The same application_id for another applicant, or a new
  application_id for someone who already applied to the round (on the web or in another
  import), is an error: one application per member and round.
- Applicants are matched to accounts by e-mail address, case-insensitively (the account's
  e-mail and its allauth addresses). An existing profile is only completed: fields that are
  empty are filled, nothing is overwritten. Someone without an account gets an inactive
  one (username ``imported-<hash>``, no usable password, no verified address) and a
  profile. It is not listed in the directory, and its owner claims it by asking for a
  password reset with that address (see members.adapters): setting a password activates
  the account.
"""

import csv
import datetime
import functools
import io
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, validate_slug
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django_countries import countries
from taggit.models import Tag

from members.adapters import IMPORTED_USERNAME_PREFIX
from members.choices import CareerStage, LibrarySector
from members.models import MemberInterest, MemberProfile

from .models import Application, MatchPreference, Round

COLUMNS = (
    "application_id",
    "name",
    "email",
    "country",
    "sector",
    "role",
    "career_stage",
    "interests",
    "match_preference",
    "timezone",
    "previous_partner_emails",
)
REQUIRED = ("application_id", "name", "email", "country", "sector", "career_stage", "timezone")
# Lengths of the fields the values end up in (checked here: SQLite would not).
MAX_LENGTHS = {
    "application_id": Application._meta.get_field("external_id").max_length,
    "name": MemberProfile._meta.get_field("display_name").max_length,
    "email": get_user_model()._meta.get_field("email").max_length,
    "role": MemberProfile._meta.get_field("role").max_length,
}
MAX_INTEREST_LENGTH = Tag._meta.get_field("name").max_length
# The contract's values, in its order (a TextChoices' .values is computed at every call).
SECTORS = tuple(LibrarySector.values)
CAREER_STAGES = tuple(CareerStage.values)
MATCH_PREFERENCES = tuple(MatchPreference.values)
IMPORTABLE_STATES = (Round.State.DRAFT, Round.State.OPEN, Round.State.CLOSED)
PROGRESS_EVERY = 500
BATCH_SIZE = 500  # rows a bulk query writes, and e-mails an account look-up asks for

validate_email = EmailValidator()


class ApplicationImportError(Exception):
    """The import was refused; `errors` lists every reason (by line where there is one)."""

    def __init__(self, errors):
        self.errors = list(errors)
        super().__init__("\n".join(self.errors))


@dataclass
class Row:
    """One checked row of the file."""

    line: int
    application_id: str
    name: str
    email: str  # lower-cased
    country: str
    sector: str
    role: str
    career_stage: str
    interests: list  # lower-cased, trimmed, without duplicates, sorted
    match_preference: str
    time_zone: str
    previous_partner_emails: list  # lower-cased, without duplicates, in the file's order


@dataclass
class ImportResult:
    round: Round
    round_created: bool = False
    created: int = 0  # applications
    new_members: int = 0  # inactive accounts (with profiles) made for new applicants
    existing_members: int = 0  # applications by people who already had an account
    unchanged: int = 0  # rows imported before, left as they are
    notes: list = field(default_factory=list)  # unchanged rows the file now tells otherwise
    dry_run: bool = False

    def summary(self):
        text = (
            f"Created {self.created} applications ({self.new_members} new member records, "
            f"{self.existing_members} existing accounts), unchanged {self.unchanged}."
        )
        return f"Dry run, nothing written: {text}" if self.dry_run else text


Progress = Callable[[str, int, int], None]  # (phase, rows done, rows in all)


def import_applications(round_slug, data, *, create=False, dry_run=False, progress=None):
    """Import the CSV `data` (bytes) into the round `round_slug`, all or nothing; with
    `create`, make the round first if there is none (see `create_round`). Returns an
    ImportResult; raises ApplicationImportError with every problem found, having written
    nothing. `progress(phase, done, total)` hears every PROGRESS_EVERY rows."""
    progress = progress or _no_progress
    round_ = Round.objects.filter(slug=round_slug).first()
    if round_ is None and not create:
        raise ApplicationImportError(
            [f"There is no round with the slug {round_slug!r} (--create makes it)."]
        )
    if round_ is not None:
        check_round(round_)
    elif errors := _slug_errors(round_slug):
        raise ApplicationImportError(errors)
    rows = read_rows(data, progress)
    try:
        with transaction.atomic():
            result = _import(round_, round_slug, rows, progress)
            result.dry_run = dry_run
            if dry_run:
                transaction.set_rollback(True)
    except IntegrityError as error:
        # Someone applied, or made the round, between the checks and the writing.
        raise ApplicationImportError(
            [f"The database changed during the import ({error}); nothing was imported."]
        ) from error
    except ValidationError as error:  # the new round (say, its slug taken meanwhile)
        raise ApplicationImportError(error.messages) from error
    return result


def check_round(round_):
    if round_.state not in IMPORTABLE_STATES:
        raise ApplicationImportError(
            [
                f"Round {round_.slug!r} is {round_.get_state_display().lower()}: applications "
                "can only be imported into a draft, open or closed round."
            ]
        )


def create_round(slug, now=None):
    """A round named after `slug` ("2026-spring" gives "2026 Spring") whose application
    window has just closed (it opened 30 days ago), partnerships starting tomorrow: it is
    closed, so it can be matched at once."""
    now = now or timezone.now()
    name = " ".join(word[:1].upper() + word[1:] for word in slug.replace("_", "-").split("-"))
    round_ = Round(
        name=name[: Round._meta.get_field("name").max_length] or slug,
        slug=slug,
        applications_open=now - datetime.timedelta(days=30),
        applications_close=now,
        partnership_start=timezone.localdate(now) + datetime.timedelta(days=1),
    )
    round_.state = Round.State.CLOSED  # not editable: set here, as the state machine would
    round_.full_clean()
    round_.save()
    return round_


def _slug_errors(slug):
    max_length = Round._meta.get_field("slug").max_length
    try:
        validate_slug(slug)
    except ValidationError:
        return [f"{slug!r} cannot name a round: use letters, digits, hyphens and underscores."]
    if len(slug) > max_length:
        return [f"{slug!r} cannot name a round: at most {max_length} characters."]
    return []


# Reading and checking the file -----------------------------------------------------------


def read_rows(data, progress=None):
    """The checked rows of the CSV `data` (bytes). Raises ApplicationImportError listing
    every problem of the file itself, in line order (the database is not asked)."""
    progress = progress or _no_progress
    text = _decode(data)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records = []  # (line, values)
    next_line = 1
    try:
        for values in reader:
            line, next_line = next_line, reader.line_num + 1
            if any(value.strip() for value in values):  # blank lines and ",,,," rows skipped
                records.append((line, values))
    except csv.Error as error:
        raise ApplicationImportError(
            [f"line {next_line}: this is not valid CSV ({error})."]
        ) from None
    if not records:
        raise ApplicationImportError([_EMPTY])
    (header_line, header), records = records[0], records[1:]
    columns, width = _check_header(header_line, header)
    if not records:
        raise ApplicationImportError(["The file has a header row but no applications."])

    rows, errors, keys = [], [], []
    for done, (line, values) in enumerate(records, start=1):
        if len(values) != width:
            errors.append(
                (
                    line,
                    f"{len(values)} values where the header has {width} columns (a comma "
                    "inside a value that is not in quotes?)",
                )
            )
        else:
            raw = {name: values[index].strip() for name, index in columns.items()}
            keys.append((line, raw["application_id"], raw["email"].lower()))
            row = _check_values(line, raw, errors)
            if row is not None:
                rows.append(row)
        if done % PROGRESS_EVERY == 0 or done == len(records):
            progress("checked", done, len(records))
    errors += _duplicates(keys)
    if errors:
        raise ApplicationImportError(_by_line(errors))
    return rows


_EMPTY = (
    "The file is empty: expected a header row (" + ",".join(COLUMNS) + ") and a row per "
    "application."
)


def _no_progress(phase, done, total):
    pass


def _by_line(errors):
    """[(line, problem)] as messages, in line order."""
    return [f"line {line}: {problem}." for line, problem in sorted(errors, key=lambda e: e[0])]


def _decode(data):
    if not data.strip():
        raise ApplicationImportError([_EMPTY])
    try:
        text = data.decode("utf-8-sig")  # a byte order mark, as Excel writes, is dropped
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ApplicationImportError(
            [
                f"line {line}: the file is not UTF-8 text (byte 0x{data[error.start]:02x} "
                'cannot be read). Save the spreadsheet as "CSV UTF-8".'
            ]
        ) from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise ApplicationImportError(
            [
                f"line {line}: the file holds binary data (NUL bytes): it is not a CSV file. "
                'Save the spreadsheet as "CSV UTF-8".'
            ]
        )
    return text


def _check_header(line, header):
    """({column: index}, number of columns) for the file's header row. Columns beyond the
    contract's are ignored; names are read trimmed and case-insensitively."""
    names = [name.strip().lower() for name in header]
    errors = []
    for name in sorted({n for n in names if n and names.count(n) > 1}):
        errors.append(f"line {line}: the column {name!r} appears more than once in the header.")
    missing = [name for name in COLUMNS if name not in names]
    if missing:
        message = f"line {line}: the header lacks the columns {', '.join(missing)}."
        if len(names) == 1 and any(separator in names[0] for separator in ";\t"):
            message += " The file seems separated by semicolons or tabs: export it with commas."
        elif len(missing) == len(COLUMNS):
            message += (
                " This does not look like an applications file: its first line should be "
                + ",".join(COLUMNS)
            )
        errors.append(message)
    if errors:
        raise ApplicationImportError(errors)
    return {name: names.index(name) for name in COLUMNS}, len(names)


def _check_values(line, raw, errors):
    """The Row for one record's values, or None with its problems added to `errors`."""
    problems = [f"{name} is empty" for name in REQUIRED if not raw[name]]
    problems += [
        f"{name} is longer than {limit} characters"
        for name, limit in MAX_LENGTHS.items()
        if len(raw[name]) > limit
    ]
    email = raw["email"].lower()
    if email and not _is_email(email):
        problems.append(f"email {raw['email']!r} is not a valid e-mail address")
    country = raw["country"].upper()
    if country and not (len(country) == 2 and country in countries):
        problems.append(
            f"unknown country {raw['country']!r} (expected an ISO 3166-1 alpha-2 code, such as NZ)"
        )
    sector = raw["sector"].lower()
    if sector and sector not in SECTORS:
        problems.append(_unknown("sector", raw["sector"], SECTORS))
    career_stage = raw["career_stage"].lower()
    if career_stage and career_stage not in CAREER_STAGES:
        problems.append(_unknown("career stage", raw["career_stage"], CAREER_STAGES))
    match_preference = raw["match_preference"].lower() or MatchPreference.OPEN.value
    if match_preference not in MATCH_PREFERENCES:
        problems.append(_unknown("match preference", raw["match_preference"], MATCH_PREFERENCES))
    time_zone = _time_zones().get(raw["timezone"].lower())
    if raw["timezone"] and time_zone is None:
        problems.append(
            f"unknown time zone {raw['timezone']!r} (expected an IANA name, such as "
            "Pacific/Auckland)"
        )
    interests = sorted({" ".join(item.split()).lower() for item in raw["interests"].split(";")})
    interests = [interest for interest in interests if interest]
    problems += [
        f"the interest {interest[:40]!r}… is longer than {MAX_INTEREST_LENGTH} characters"
        for interest in interests
        if len(interest) > MAX_INTEREST_LENGTH
    ]
    partners = []
    for item in raw["previous_partner_emails"].split(";"):
        partner = item.strip().lower()
        if not partner or partner in partners:
            continue
        if _is_email(partner):
            partners.append(partner)
        else:
            problems.append(
                f"previous_partner_emails: {item.strip()!r} is not a valid e-mail address"
            )
    if problems:
        errors.extend((line, problem) for problem in problems)
        return None
    return Row(
        line=line,
        application_id=raw["application_id"],
        name=raw["name"],
        email=email,
        country=country,
        sector=sector,
        role=raw["role"],
        career_stage=career_stage,
        interests=interests,
        match_preference=match_preference,
        time_zone=time_zone,
        previous_partner_emails=partners,
    )


def _unknown(what, value, allowed):
    return f"unknown {what} {value!r} (expected one of {', '.join(allowed)})"


def _is_email(value):
    try:
        validate_email(value)
    except ValidationError:
        return False
    return True


@functools.cache
def _time_zones():
    """{lower-cased IANA name: its spelling}: the names the profile form offers."""
    return {name.lower(): name for name in zoneinfo.available_timezones()}


def _duplicates(keys):
    """Problems with application ids and e-mails that appear more than once in the file."""
    errors, first_id, first_email = [], {}, {}
    for line, application_id, email in keys:
        if application_id:
            if application_id in first_id:
                errors.append(
                    (
                        line,
                        f"application_id {application_id!r} is already on line "
                        f"{first_id[application_id]}",
                    )
                )
            else:
                first_id[application_id] = line
        if email:
            if email in first_email:
                errors.append(
                    (
                        line,
                        f"{email} is already on line {first_email[email]} (one application "
                        "per person and round)",
                    )
                )
            else:
                first_email[email] = line
    return errors


# Checking against the database and writing ------------------------------------------------

PROFILE_FIELDS = ("display_name", "country", "sector", "role", "career_stage", "time_zone")
COMPARED_FIELDS = (
    "country",
    "sector",
    "role",
    "career_stage",
    "interests",
    "match_preference",
    "time_zone",
    "previous_partner_emails",
)


def _import(round_, slug, rows, progress):
    if round_ is None:
        result = ImportResult(round=create_round(slug), round_created=True)
    else:
        # Locked for the import, like a web application's cap check (applications.submit).
        result = ImportResult(round=Round.objects.select_for_update().get(pk=round_.pk))
        check_round(result.round)
    round_ = result.round
    accounts = _accounts_by_email({row.email for row in rows})
    profiles = {}
    for chunk in _chunks(sorted({user.pk for user in accounts.values()})):
        profiles.update((p.user_id, p) for p in MemberProfile.objects.filter(user_id__in=chunk))
    existing = list(round_.applications.select_related("member__user"))
    by_external_id = {app.external_id: app for app in existing if app.external_id}
    by_member = {app.member_id: app for app in existing}

    errors, plan, lines_of_account = [], [], {}
    for row in rows:
        user = accounts.get(row.email)
        profile = profiles.get(user.pk) if user is not None else None
        earlier = by_external_id.get(row.application_id)
        if earlier is not None:
            if profile is not None and earlier.member_id == profile.pk:
                result.unchanged += 1
                if differences := _differences(earlier, row):
                    result.notes.append(
                        f"line {row.line}: application {row.application_id!r} was imported "
                        "before and is left unchanged, though the file now differs in "
                        f"{', '.join(differences)}."
                    )
            else:
                errors.append(
                    (
                        row.line,
                        f"application_id {row.application_id!r} was imported into this round "
                        f"before for another applicant ({earlier.member.user.email})",
                    )
                )
            continue
        if profile is not None and profile.pk in by_member:
            earlier = by_member[profile.pk]
            how = (
                f"application_id {earlier.external_id!r}"
                if earlier.external_id
                else "on the portal"
            )
            errors.append(
                (
                    row.line,
                    f"{row.email} already applied to this round ({how}, "
                    f"{earlier.get_status_display().lower()})",
                )
            )
            continue
        if user is not None:
            if user.pk in lines_of_account:
                errors.append(
                    (
                        row.line,
                        f"{row.email} belongs to the same account as the e-mail on line "
                        f"{lines_of_account[user.pk]} (one application per person and round)",
                    )
                )
                continue
            lines_of_account[user.pk] = row.line
        plan.append((row, user, profile))
    if errors:
        raise ApplicationImportError(_by_line(errors))
    if plan:
        _write(round_, plan, result, progress)
    return result


def _write(round_, plan, result, progress):
    User = get_user_model()
    now = timezone.now()
    new_rows = [row for row, user, _profile in plan if user is None]
    usernames = _usernames([row.email for row in new_rows])
    created_users = User.objects.bulk_create(
        [
            User(
                username=usernames[row.email],
                email=row.email,
                is_active=False,
                password=make_password(None),  # unusable: claimed by a password reset
            )
            for row in new_rows
        ],
        batch_size=BATCH_SIZE,
    )
    new_users = {user.email: user for user in created_users}
    result.new_members = len(created_users)
    result.existing_members = len(plan) - len(created_users)

    new_profiles, completed, applying = [], [], []
    for row, user, profile in plan:
        if profile is None:
            profile = MemberProfile(
                user=user or new_users[row.email],
                display_name=row.name,
                country=row.country,
                sector=row.sector,
                role=row.role,
                career_stage=row.career_stage,
                time_zone=row.time_zone,
            )
            new_profiles.append(profile)
        elif _complete(profile, row):
            profile.updated_at = now
            completed.append(profile)
        applying.append((row, profile))
    MemberProfile.objects.bulk_create(new_profiles, batch_size=BATCH_SIZE)
    MemberProfile.objects.bulk_update(
        completed, [*PROFILE_FIELDS, "updated_at"], batch_size=BATCH_SIZE
    )
    _add_interests(applying, {id(profile) for profile in new_profiles})

    applications = [
        Application(
            round=round_,
            member=profile,
            external_id=row.application_id,
            status=Application.Status.SUBMITTED,  # no country cap: see the module's notes
            country=row.country,
            sector=row.sector,
            role=row.role,
            career_stage=row.career_stage,
            interests=row.interests,
            time_zone=row.time_zone,
            match_preference=row.match_preference,
            english_confirmed=True,  # both asked by the spreadsheet programme
            code_of_conduct_accepted=True,
            previous_partner_emails=row.previous_partner_emails,
            submitted_at=now,
        )
        for row, profile in applying
    ]
    for start in range(0, len(applications), BATCH_SIZE):
        Application.objects.bulk_create(applications[start : start + BATCH_SIZE])
        progress("written", min(start + BATCH_SIZE, len(applications)), len(applications))
    result.created = len(applications)


def _accounts_by_email(emails):
    """{lower-cased e-mail: user} for the accounts these addresses belong to: a verified
    allauth address first, then the account's own e-mail, then an unverified address."""
    User = get_user_model()
    verified, own, unverified = {}, {}, {}
    for chunk in _chunks(sorted(emails)):
        addresses = (
            EmailAddress.objects.annotate(email_lower=Lower("email"))
            .filter(email_lower__in=chunk)
            .select_related("user")
            .order_by("-primary", "user_id")
        )
        for address in addresses:
            found = verified if address.verified else unverified
            found.setdefault(address.email_lower, address.user)
        users = User.objects.annotate(email_lower=Lower("email")).filter(email_lower__in=chunk)
        for user in users.order_by("pk"):
            own.setdefault(user.email_lower, user)
    return unverified | own | verified


def _usernames(emails):
    """{e-mail: a free username} for new accounts: imported-<12 hex digits of a keyed hash of
    the address> (not the address itself: usernames show in the admin and in logs)."""
    User = get_user_model()
    digests = {
        email: salted_hmac("programme.importer.username", email, algorithm="sha256").hexdigest()
        for email in emails
    }
    wanted = {email: IMPORTED_USERNAME_PREFIX + digest[:12] for email, digest in digests.items()}
    taken = set()
    for chunk in _chunks(sorted(wanted.values())):
        taken.update(User.objects.filter(username__in=chunk).values_list("username", flat=True))
    for email, username in wanted.items():
        # Taken by an account of an earlier import whose address changed since, or (rarely)
        # the same 12 digits for two addresses: longer, then numbered.
        candidate, number = username, 0
        while candidate in taken:
            number += 1
            candidate = f"{IMPORTED_USERNAME_PREFIX}{digests[email][:24]}-{number}"
            if User.objects.filter(username=candidate).exists():
                taken.add(candidate)
        wanted[email] = candidate
        taken.add(candidate)
    return wanted


def _complete(profile, row):
    """Fill the profile's empty fields from the row; whether anything changed."""
    changed = False
    for name in PROFILE_FIELDS:
        if not getattr(profile, name):
            value = row.name if name == "display_name" else getattr(row, name)
            if value:
                setattr(profile, name, value)
                changed = True
    return changed


def _add_interests(applying, new_profile_ids):
    """The rows' interests as interest tags of their profiles: new profiles, and existing
    ones that have none yet (the shared tag vocabulary, matched case-insensitively)."""
    existing = [profile.pk for _row, profile in applying if id(profile) not in new_profile_ids]
    with_interests = set()
    for chunk in _chunks(existing):
        with_interests.update(
            MemberInterest.objects.filter(content_object_id__in=chunk).values_list(
                "content_object_id", flat=True
            )
        )
    wanted = [
        (profile, row.interests)
        for row, profile in applying
        if row.interests and profile.pk not in with_interests
    ]
    tags = _tags({name for _profile, names in wanted for name in names})
    MemberInterest.objects.bulk_create(
        [
            MemberInterest(content_object=profile, tag=tags[name])
            for profile, names in wanted
            for name in names
        ],
        batch_size=BATCH_SIZE,
    )


def _tags(names):
    """{name: Tag}: existing tags whatever their case, new ones made (by Tag.save, which
    finds a free slug)."""
    found = {}
    for chunk in _chunks(sorted(names)):
        tags = Tag.objects.annotate(name_lower=Lower("name")).filter(name_lower__in=chunk)
        for tag in tags.order_by("pk"):
            if tag.name == tag.name_lower or tag.name_lower not in found:
                found[tag.name_lower] = tag
    for name in sorted(names):
        if name not in found:
            found[name] = Tag.objects.create(name=name)
    return found


def _differences(application, row):
    stored = {
        "country": application.country.code,
        "sector": application.sector,
        "role": application.role,
        "career_stage": application.career_stage,
        "interests": sorted(name.lower() for name in application.interests),
        "match_preference": application.match_preference,
        "time_zone": application.time_zone,
        "previous_partner_emails": application.previous_partner_emails,
    }
    return [name for name in COMPARED_FIELDS if stored[name] != getattr(row, name)]


def _chunks(items, size=BATCH_SIZE):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]
