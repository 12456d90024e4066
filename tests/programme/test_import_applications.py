"""import_applications: the applications CSV of DESIGN.md imported into a round, all or
nothing, idempotent by application_id; accounts made for new applicants, claimed later by a
password reset to their address."""

import datetime
import io
import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connections
from django.utils import timezone
from taggit.models import Tag

from members.factories import MEMBER_PASSWORD, MemberProfileFactory, UserFactory
from members.models import MemberInterest, MemberProfile
from programme import matchmaking
from programme.importer import import_applications
from programme.management.commands.import_applications import Command
from programme.models import Application, Round

pytestmark = pytest.mark.django_db
User = get_user_model()

HEADER = (
    "application_id,name,email,country,sector,role,career_stage,interests,match_preference,"
    "timezone,previous_partner_emails"
)
ANA = "A-1,Ana Lima,ana@example.org,BR,public,Librarian,early,outreach,open,America/Sao_Paulo,"
KOFI = "A-2,Kofi Mensah,kofi@example.org,GH,academic,Cataloguer,mid,metadata,open,Africa/Accra,"
NEW_PASSWORD = "a-l0ng-pass-phrase"


def write_csv(tmp_path, *rows, header=HEADER, name="applications.csv"):
    path = tmp_path / name
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_applications", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def run_failing(*args):
    """The CommandError's message and the errors listed on stderr."""
    err = io.StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("import_applications", *map(str, args), stdout=io.StringIO(), stderr=err)
    return str(raised.value), err.getvalue()


def make_round(slug="2026-spring", state=Round.State.CLOSED):
    now = timezone.now()
    round_ = Round(
        name=slug,
        slug=slug,
        applications_open=now - datetime.timedelta(days=20),
        applications_close=now - datetime.timedelta(days=1),
        partnership_start=now.date() + datetime.timedelta(days=7),
    )
    round_.state = state
    round_.save()
    return round_


def counts():
    return {
        "users": User.objects.count(),
        "profiles": MemberProfile.objects.count(),
        "applications": Application.objects.count(),
        "rounds": Round.objects.count(),
        "tags": Tag.objects.count(),
        "interests": MemberInterest.objects.count(),
        "addresses": EmailAddress.objects.count(),
    }


# The happy path ----------------------------------------------------------------------------


def test_new_applicants_get_inactive_accounts_and_existing_accounts_are_reused(tmp_path):
    round_ = make_round()
    existing = MemberProfileFactory(
        user__email="kwame@example.org",
        display_name="Kwame A.",
        country="GH",
        sector="public",
        role="",
        career_stage="senior",
        time_zone="",
    )
    existing.interests.add("storytelling")
    path = write_csv(
        tmp_path,
        "A-1,Ana Lima,Ana@Example.org,br,Public,Librarian,early,"
        "Outreach; Digital  Preservation;outreach; ,Interest,America/Sao_Paulo,"
        "Old.Partner@example.org; other@example.org;old.partner@example.org",
        "A-2,Kwame Asante,KWAME@example.org,GH,academic,Archivist,mid,metadata,sector,"
        "africa/accra,",
        "A-3,Mere Tau,mere@example.org,NZ,school,,student,,,Pacific/Auckland,",
        "A-4,José Núñez Ōtaki,jose@example.org,ES,museum,Conservador,senior,,open,Europe/Madrid,",
    )
    before = counts()

    out, err = run(round_.slug, path)

    assert err == ""
    assert "Created 4 applications (3 new member records, 1 existing accounts), unchanged 0" in out
    assert counts()["users"] == before["users"] + 3
    assert counts()["addresses"] == before["addresses"]  # no address of a new account verified

    ana = Application.objects.get(round=round_, external_id="A-1")
    assert ana.status == Application.Status.SUBMITTED
    assert ana.english_confirmed and ana.code_of_conduct_accepted
    assert (ana.country.code, ana.sector, ana.role, ana.career_stage) == (
        "BR",
        "public",
        "Librarian",
        "early",
    )
    assert ana.interests == ["digital preservation", "outreach"]
    assert ana.match_preference == "interest"
    assert ana.time_zone == "America/Sao_Paulo"
    assert ana.previous_partner_emails == ["old.partner@example.org", "other@example.org"]
    user = ana.member.user
    assert user.email == "ana@example.org"
    assert user.username.startswith("imported-") and "ana" not in user.username
    assert not user.is_active and not user.has_usable_password()
    profile = ana.member
    assert (profile.display_name, profile.country.code, profile.time_zone) == (
        "Ana Lima",
        "BR",
        "America/Sao_Paulo",
    )
    assert sorted(profile.interests.names()) == ["digital preservation", "outreach"]
    assert profile not in MemberProfile.objects.listed()  # not in the directory until claimed

    assert Application.objects.get(external_id="A-4").member.display_name == "José Núñez Ōtaki"
    mere = Application.objects.get(round=round_, external_id="A-3")
    assert mere.interests == [] and mere.match_preference == "open"
    assert mere.previous_partner_emails == []

    # The existing account is reused; its profile only completed where it was empty.
    kwame = Application.objects.get(round=round_, external_id="A-2")
    assert kwame.member_id == existing.pk
    assert (kwame.sector, kwame.time_zone) == ("academic", "Africa/Accra")
    existing.refresh_from_db()
    assert existing.display_name == "Kwame A."
    assert (existing.sector, existing.career_stage) == ("public", "senior")
    assert (existing.role, existing.time_zone) == ("Archivist", "Africa/Accra")
    assert list(existing.interests.names()) == ["storytelling"]
    assert existing.user.is_active


def test_accounts_are_found_by_any_of_their_addresses(tmp_path):
    round_ = make_round()
    profile = MemberProfileFactory(user__email="main@example.org")
    EmailAddress.objects.create(user=profile.user, email="Second@Example.org", verified=True)
    path = write_csv(
        tmp_path,
        "A-1,Second Address,second@example.org,NZ,public,,mid,,open,UTC,",
    )
    out, _err = run(round_.slug, path)
    assert "1 existing accounts" in out
    assert Application.objects.get(external_id="A-1").member_id == profile.pk
    assert not User.objects.filter(email="second@example.org").exists()


def test_existing_tags_are_reused_whatever_their_case(tmp_path):
    round_ = make_round()
    Tag.objects.create(name="Outreach", slug="outreach")
    run(round_.slug, write_csv(tmp_path, ANA))
    profile = Application.objects.get(external_id="A-1").member
    assert list(profile.interests.all()) == [Tag.objects.get(name="Outreach")]
    assert Tag.objects.count() == 1


def test_create_makes_a_closed_round_that_can_be_matched_at_once(tmp_path):
    # Two former partners who would otherwise be each other's best match, and two others.
    path = write_csv(
        tmp_path,
        "A-1,Aroha,aroha@example.org,NZ,academic,,mid,metadata;rda;linked data;cataloguing,"
        "interest,UTC,kofi@example.org",
        "A-2,Kofi,kofi@example.org,GH,academic,,mid,metadata;rda;linked data;cataloguing,"
        "interest,UTC,",
        "A-3,Chloe,chloe@example.org,CA,public,,early,storytime;outreach;gaming;makerspaces,"
        "interest,Pacific/Auckland,",
        "A-4,Priya,priya@example.org,IN,public,,early,storytime;outreach;gaming;makerspaces,"
        "interest,Pacific/Auckland,",
    )
    out, _err = run("2026-spring", path, "--create")

    round_ = Round.objects.get(slug="2026-spring")
    assert "Created the round '2026 Spring'" in out
    assert round_.name == "2026 Spring"
    assert round_.state == Round.State.CLOSED
    assert round_.applications_open < round_.applications_close <= timezone.now()
    assert round_.partnership_start == timezone.localdate() + datetime.timedelta(days=1)
    assert round_.partnership_end > round_.partnership_start

    result, pool = matchmaking.propose(round_)
    assert len(pool.applicants) == 4
    assert not result.unmatched and not result.violations()
    ids = {app.external_id: app.pk for app in round_.applications.all()}
    groups = {frozenset(group.members) for group in result.groups}
    assert len(groups) == 2
    assert frozenset({ids["A-1"], ids["A-2"]}) not in groups  # former partners kept apart


def test_create_uses_a_round_that_exists(tmp_path):
    round_ = make_round(state=Round.State.OPEN)
    out, _err = run(round_.slug, write_csv(tmp_path, ANA), "--create")
    assert "Created the round" not in out
    assert Round.objects.count() == 1
    assert round_.applications.count() == 1


def test_dry_run_checks_everything_and_writes_nothing(tmp_path):
    before = counts()
    out, _err = run("2026-spring", write_csv(tmp_path, ANA, KOFI), "--create", "--dry-run")
    assert "Would create the round '2026 Spring'" in out
    assert "Dry run, nothing written: Created 2 applications (2 new member records" in out
    assert counts() == before


def test_a_large_file_reports_progress_without_a_query_per_row(
    tmp_path, django_assert_max_num_queries
):
    round_ = make_round()
    countries = ["NZ", "GH", "CA", "IN", "BR", "FR", "KE", "PH"]
    rows = [
        f"X-{n},Member {n},member{n}@example.org,{countries[n % 8]},public,,mid,"
        f"topic {n % 7};shared,open,UTC,"
        for n in range(1200)
    ]
    for n in range(0, 1200, 100):  # some applicants already have an account
        UserFactory(email=f"member{n}@example.org")
    path = write_csv(tmp_path, *rows)
    # Bulk queries (SQLite takes about 55 applications an INSERT), not one or more per row.
    with django_assert_max_num_queries(150):
        out, _err = run(round_.slug, path)
    assert "Checked 500 of 1200 rows" in out and "Written 1200 of 1200 rows" in out
    assert "Created 1200 applications (1188 new member records, 12 existing accounts)" in out
    assert round_.applications.count() == 1200
    assert MemberInterest.objects.count() == 2400
    assert len(set(User.objects.values_list("username", flat=True))) == User.objects.count()


# Bad rows: every error listed by line, nothing written ---------------------------------------


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            ",No Id,noid@example.org,NZ,public,,mid,,open,UTC,",
            "line 3: application_id is empty.",
        ),
        ("A-9,,x@example.org,NZ,public,,mid,,open,UTC,", "line 3: name is empty."),
        ("A-9,X,,NZ,public,,mid,,open,UTC,", "line 3: email is empty."),
        ("A-9,X,x@example.org,,public,,mid,,open,UTC,", "line 3: country is empty."),
        ("A-9,X,x@example.org,NZ,,,mid,,open,UTC,", "line 3: sector is empty."),
        ("A-9,X,x@example.org,NZ,public,,,,open,UTC,", "line 3: career_stage is empty."),
        ("A-9,X,x@example.org,NZ,public,,mid,,open,,", "line 3: timezone is empty."),
        (
            "A-9,X,x@example.org,XX,public,,mid,,open,UTC,",
            "line 3: unknown country 'XX' (expected an ISO 3166-1 alpha-2 code, such as NZ).",
        ),
        (
            "A-9,X,x@example.org,NZL,public,,mid,,open,UTC,",
            "line 3: unknown country 'NZL'",
        ),
        (
            "A-9,X,x@example.org,NZ,library,,mid,,open,UTC,",
            "line 3: unknown sector 'library' (expected one of academic, public, school, "
            "special, national, archives, museum, lis-education, other).",
        ),
        (
            "A-9,X,x@example.org,NZ,public,,veteran,,open,UTC,",
            "line 3: unknown career stage 'veteran' (expected one of student, early, mid, senior).",
        ),
        (
            "A-9,X,x@example.org,NZ,public,,mid,,anyone,UTC,",
            "line 3: unknown match preference 'anyone' (expected one of interest, "
            "career_stage, sector, open).",
        ),
        (
            "A-9,X,x@example.org,NZ,public,,mid,,open,Mars/Olympus_Mons,",
            "line 3: unknown time zone 'Mars/Olympus_Mons' (expected an IANA name, such as "
            "Pacific/Auckland).",
        ),
        (
            "A-9,X,x-at-example.org,NZ,public,,mid,,open,UTC,",
            "line 3: email 'x-at-example.org' is not a valid e-mail address.",
        ),
        (
            "A-9,X,x@example.org,NZ,public,,mid,,open,UTC,ok@example.org; bob@",
            "line 3: previous_partner_emails: 'bob@' is not a valid e-mail address.",
        ),
        (
            "A-9," + "N" * 101 + ",x@example.org,NZ,public,,mid,,open,UTC,",
            "line 3: name is longer than 100 characters.",
        ),
        (
            "A-9,X,x@example.org,NZ,public,,mid,,open,UTC,,surplus",
            "line 3: 12 values where the header has 11 columns",
        ),
        ("A-9,X,x@example.org,NZ", "line 3: 4 values where the header has 11 columns"),
        (
            "A-9,X,ANA@example.org,NZ,public,,mid,,open,UTC,",
            "line 3: ana@example.org is already on line 2",
        ),
        (
            "A-1,X,x@example.org,NZ,public,,mid,,open,UTC,",
            "line 3: application_id 'A-1' is already on line 2.",
        ),
    ],
)
def test_a_bad_row_is_reported_by_line_and_nothing_is_written(tmp_path, row, message):
    round_ = make_round()
    before = counts()
    summary, errors = run_failing(round_.slug, write_csv(tmp_path, ANA, row))
    assert message in errors
    assert len(errors.splitlines()) == 1  # the good row on line 2 is not blamed
    assert summary.endswith(
        "1 error: nothing was imported from " + str(tmp_path / "applications.csv") + "."
    )
    assert counts() == before


def test_every_error_of_the_file_is_listed_in_line_order(tmp_path):
    round_ = make_round()
    before = counts()
    path = write_csv(
        tmp_path,
        ANA,
        "A-2,Kofi,kofi@example.org,XX,public,,mid,,open,UTC,",
        "",  # blank lines are skipped, and counted
        'A-3,Mere,mere@example.org,NZ,public,"Librarian,\nteacher",ancient,,open,Nowhere/Town,',
        "A-4,Lea,lea@example.org,FR,museum,,senior,,open,Europe/Paris,",
        "A-5,Lea again,LEA@example.org,FR,museum,,senior,,open,Europe/Paris,",
    )
    summary, errors = run_failing(round_.slug, path)
    assert errors.splitlines() == [
        "line 3: unknown country 'XX' (expected an ISO 3166-1 alpha-2 code, such as NZ).",
        "line 5: unknown career stage 'ancient' (expected one of student, early, mid, senior).",
        "line 5: unknown time zone 'Nowhere/Town' (expected an IANA name, such as "
        "Pacific/Auckland).",
        "line 8: lea@example.org is already on line 7 (one application per person and round).",
    ]
    assert summary.startswith("4 errors: nothing was imported from ")
    assert counts() == before


def test_missing_columns_are_reported_once_by_name(tmp_path):
    round_ = make_round()
    header = HEADER.replace(",timezone", "").replace("country,", "")
    path = write_csv(tmp_path, "A-1,Ana,ana@example.org,public,,mid,,open,", header=header)
    summary, errors = run_failing(round_.slug, path)
    assert errors.splitlines() == ["line 1: the header lacks the columns country, timezone."]
    assert summary.startswith("1 error: nothing was imported from ")
    assert Application.objects.count() == 0


def test_extra_columns_and_a_byte_order_mark_are_fine(tmp_path):
    round_ = make_round()
    path = tmp_path / "excel.csv"
    path.write_bytes(
        ("\ufeff" + "Notes," + HEADER.upper() + "\r\nmet at IFLA," + ANA + "\r\n").encode()
    )
    run(round_.slug, path)
    assert Application.objects.get().external_id == "A-1"


def test_a_semicolon_separated_file_gets_a_hint(tmp_path):
    round_ = make_round()
    path = write_csv(tmp_path, ANA.replace(",", ";"), header=HEADER.replace(",", ";"))
    _summary, errors = run_failing(round_.slug, path)
    assert "The file seems separated by semicolons or tabs: export it with commas." in errors


def test_two_addresses_of_one_account_count_as_one_applicant(tmp_path):
    round_ = make_round()
    profile = MemberProfileFactory(user__email="ana@example.org")
    EmailAddress.objects.create(user=profile.user, email="ana.lima@example.org", verified=False)
    path = write_csv(tmp_path, ANA, ANA.replace("A-1", "A-7").replace("ana@", "ana.lima@"))
    _summary, errors = run_failing(round_.slug, path)
    assert errors.splitlines() == [
        "line 3: ana.lima@example.org belongs to the same account as the e-mail on line 2 "
        "(one application per person and round)."
    ]
    assert Application.objects.count() == 0


# Unreadable files --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The file is empty: expected a header row (application_id,name,email,"),
        (b"\n \n", "The file is empty"),
        (
            (HEADER + "\n" + ANA + "\n").encode() + "A-2,José,j@example.org".encode("latin-1"),
            "line 3: the file is not UTF-8 text (byte 0xe9 cannot be read). Save the "
            'spreadsheet as "CSV UTF-8".',
        ),
        (
            b"PK\x03\x04\x14\x00\x00\x00\x08\x00\x00\x00!\x00",
            "line 1: the file holds binary data (NUL bytes): it is not a CSV file.",
        ),
        (
            b'{"application_id": "A-1", "name": "Ana"}\n',
            "This does not look like an applications file: its first line should be "
            "application_id,name,email,",
        ),
        (
            (HEADER + "\n" + ANA + '\nA-2,"Kofi,kofi@example.org,GH\n').encode(),
            "line 3: this is not valid CSV (unexpected end of data).",
        ),
        (HEADER.encode() + b"\n", "The file has a header row but no applications."),
    ],
)
def test_a_file_that_is_not_a_readable_csv_is_refused_clearly(tmp_path, content, message):
    round_ = make_round()
    path = tmp_path / "upload.csv"
    path.write_bytes(content)
    before = counts()
    summary, errors = run_failing(round_.slug, path)
    assert message in errors
    assert summary == f"1 error: nothing was imported from {path}."
    assert counts() == before


def test_a_missing_file_is_refused(tmp_path):
    make_round()
    summary, _errors = run_failing("2026-spring", tmp_path / "nowhere.csv")
    assert summary == f"Cannot read {tmp_path / 'nowhere.csv'}: No such file or directory."


def test_from_the_command_line_errors_exit_non_zero_without_a_traceback(
    tmp_path, capsys, monkeypatch
):
    # run_from_argv closes the connections when it is done: not the test's own.
    monkeypatch.setattr(connections, "close_all", lambda: None)
    round_ = make_round()
    path = tmp_path / "latin1.csv"
    path.write_bytes((HEADER + "\nA-1,José,").encode("latin-1"))
    with pytest.raises(SystemExit) as exit_:
        Command().run_from_argv(["manage.py", "import_applications", round_.slug, str(path)])
    assert exit_.value.code == 1
    stderr = capsys.readouterr().err
    assert "line 2: the file is not UTF-8 text" in stderr
    assert f"CommandError: 1 error: nothing was imported from {path}." in stderr
    assert "Traceback" not in stderr


# The round -------------------------------------------------------------------------------


def test_an_unknown_round_is_refused_without_create(tmp_path):
    before = counts()
    summary, errors = run_failing("2031-autumn", write_csv(tmp_path, ANA))
    assert "There is no round with the slug '2031-autumn' (--create makes it)." in errors
    assert summary.startswith("1 error: nothing was imported from ")
    assert counts() == before


def test_create_with_a_bad_file_creates_no_round(tmp_path):
    bad = ANA.replace(",BR,", ",XX,")
    _summary, errors = run_failing("2031-autumn", write_csv(tmp_path, bad), "--create")
    assert "line 2: unknown country 'XX'" in errors
    assert not Round.objects.exists()
    assert not User.objects.exists()


def test_create_refuses_a_slug_that_cannot_name_a_round(tmp_path):
    _summary, errors = run_failing("2031 autumn!", write_csv(tmp_path, ANA), "--create")
    assert "'2031 autumn!' cannot name a round" in errors
    assert not Round.objects.exists()


@pytest.mark.parametrize("state", [Round.State.MATCHING, Round.State.RUNNING, Round.State.FINISHED])
def test_a_round_past_its_applications_is_refused(tmp_path, state):
    round_ = make_round(state=state)
    before = counts()
    _summary, errors = run_failing(round_.slug, write_csv(tmp_path, ANA), "--create")
    assert (
        f"Round '2026-spring' is {round_.get_state_display().lower()}: applications can only "
        "be imported into a draft, open or closed round." in errors
    )
    assert counts() == before


@pytest.mark.parametrize("state", [Round.State.DRAFT, Round.State.OPEN, Round.State.CLOSED])
def test_draft_open_and_closed_rounds_take_imports(tmp_path, state):
    round_ = make_round(state=state)
    run(round_.slug, write_csv(tmp_path, ANA))
    assert round_.applications.count() == 1
    round_.refresh_from_db()
    assert round_.state == state


# Importing again ---------------------------------------------------------------------------


def test_importing_the_same_file_again_changes_nothing(tmp_path):
    round_ = make_round()
    path = write_csv(tmp_path, ANA, KOFI)
    run(round_.slug, path)
    before = counts()
    stored = list(Application.objects.values().order_by("pk"))

    out, err = run(round_.slug, path)
    assert "Created 0 applications (0 new member records, 0 existing accounts), unchanged 2" in out
    assert err == ""
    assert counts() == before
    assert list(Application.objects.values().order_by("pk")) == stored


def test_a_changed_row_imported_before_is_left_as_it_is_and_said_so(tmp_path):
    round_ = make_round()
    run(round_.slug, write_csv(tmp_path, ANA, KOFI))
    changed = ANA.replace(",public,", ",academic,").replace(",outreach,", ",outreach;ux,")
    out, _err = run(round_.slug, write_csv(tmp_path, changed, KOFI, name="v2.csv"))
    assert "unchanged 2" in out
    assert (
        "line 2: application 'A-1' was imported before and is left unchanged, though the file "
        "now differs in sector, interests." in out
    )
    assert Application.objects.get(external_id="A-1").sector == "public"


def test_an_application_id_imported_for_someone_else_is_refused(tmp_path):
    round_ = make_round()
    run(round_.slug, write_csv(tmp_path, ANA))
    before = counts()
    other = ANA.replace("ana@example.org", "someone.else@example.org")
    _summary, errors = run_failing(round_.slug, write_csv(tmp_path, other, KOFI, name="v2.csv"))
    assert errors.splitlines() == [
        "line 2: application_id 'A-1' was imported into this round before for another "
        "applicant (ana@example.org)."
    ]
    assert counts() == before


def test_someone_who_already_applied_cannot_apply_twice(tmp_path):
    round_ = make_round()
    profile = MemberProfileFactory(user__email="ana@example.org")
    Application.objects.create(
        round=round_,
        member=profile,
        country="BR",
        sector="public",
        career_stage="early",
        time_zone="UTC",
    )
    run(round_.slug, write_csv(tmp_path, KOFI, name="first.csv"))
    before = counts()
    again = KOFI.replace("A-2", "A-22")
    _summary, errors = run_failing(round_.slug, write_csv(tmp_path, ANA, again))
    assert errors.splitlines() == [
        "line 2: ana@example.org already applied to this round (on the portal, submitted).",
        "line 3: kofi@example.org already applied to this round (application_id 'A-2', submitted).",
    ]
    assert counts() == before


def test_an_applicant_of_an_earlier_round_is_the_same_member(tmp_path):
    first, second = make_round("2025-autumn"), make_round("2026-spring")
    run(first.slug, write_csv(tmp_path, ANA))
    out, _err = run(second.slug, write_csv(tmp_path, ANA))
    assert "1 existing accounts" in out
    assert User.objects.count() == 1
    assert first.applications.get().member_id == second.applications.get().member_id


# Claiming an imported account --------------------------------------------------------------


def reset_link(address):
    messages = [m for m in mail.outbox if m.to == [address]]
    assert len(messages) == 1, [m.subject for m in mail.outbox]
    found = re.search(r"https?://[^/\s]+(/accounts/password/reset/key/\S+/)", messages[0].body)
    return found and found.group(1)


def test_an_imported_applicant_claims_the_account_by_resetting_the_password(tmp_path, client):
    round_ = make_round()
    run(round_.slug, write_csv(tmp_path, ANA))
    user = User.objects.get(email="ana@example.org")
    # Not yet: no password works, and the account is inactive.
    client.post("/accounts/login/", {"login": "ana@example.org", "password": NEW_PASSWORD})
    assert "_auth_user_id" not in client.session

    response = client.post("/accounts/password/reset/", {"email": "Ana@example.org"})
    assert response.status_code == 302
    link = reset_link("ana@example.org")
    assert link, mail.outbox[0].body
    response = client.get(link)
    assert response.status_code == 302  # to the same page without the key in the address
    response = client.post(
        response["Location"], {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )
    assert response.status_code == 302

    user.refresh_from_db()
    assert user.is_active and user.check_password(NEW_PASSWORD)
    assert EmailAddress.objects.filter(user=user, email="ana@example.org", verified=True).exists()
    response = client.post(
        "/accounts/login/", {"login": "ana@example.org", "password": NEW_PASSWORD}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
    assert user.member_profile in MemberProfile.objects.listed()

    # Claimed: a later reset is the ordinary one, and the import reuses the account.
    assert Application.objects.get(external_id="A-1").member.user == user


def test_a_deactivated_account_is_not_reopened_by_a_password_reset(client):
    # Not an unclaimed import: a coordinator closed it (it has a password).
    closed = UserFactory(email="closed@example.org", is_active=False)
    client.post("/accounts/password/reset/", {"email": "closed@example.org"})
    assert all("/password/reset/key/" not in m.body for m in mail.outbox)
    closed.refresh_from_db()
    assert not closed.is_active and closed.check_password(MEMBER_PASSWORD)


def test_the_importer_is_usable_without_the_command():
    round_ = make_round()
    data = (HEADER + "\n" + ANA + "\n").encode()
    seen = []
    result = import_applications(
        round_.slug, data, progress=lambda phase, done, total: seen.append((phase, done, total))
    )
    assert (result.created, result.new_members, result.unchanged) == (1, 1, 0)
    assert seen == [("checked", 1, 1), ("written", 1, 1)]
