"""Accounts: roles, invitations, API tokens, the operators' commands, log-in security and
the masking of contact details."""

import datetime as dt
import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from phakhi import cli
from phakhi.accounts.models import ApiToken, Invitation, Role, WorkspaceMember
from phakhi.accounts.permissions import access_for
from phakhi.accounts.services import (
    invitation_accept,
    invitation_create,
    member_remove,
    member_set,
    token_authenticate,
    token_create,
    token_revoke,
    user_create,
)
from phakhi.core.contacts import mask_email, mask_phone, mask_text
from phakhi.core.models import AuditEvent
from phakhi.core.personal import personal_view
from phakhi.networks.services import network_create
from tests.accounts_support import AUTHOR, PASSWORD, client_for, user_with_role

User = get_user_model()


def _link(message) -> str:
    return re.search(r"https?://\S+", message.body).group(0)


def _path(link: str) -> str:
    return "/" + link.split("/", 3)[3]


# --- roles -------------------------------------------------------------------------------------


def test_member_set_gives_and_changes_a_role_with_an_audit_trail(workspace, data):
    user = User.objects.create_user("somsri")
    member_set(AUTHOR, workspace, user, "member")
    member_set(AUTHOR, workspace, user, "ผู้ประสานงาน", [data["network"]])  # Thai role words too
    member = WorkspaceMember.objects.get(user=user, workspace=workspace)
    assert member.role == Role.COORDINATOR
    assert list(member.networks.all()) == [data["network"]]
    events = AuditEvent.objects.filter(object_type="accounts.workspacemember").order_by("id")
    assert [e.action for e in events] == ["create", "update"]
    assert events[1].changes == {
        "role": ["member", "coordinator"],
        "networks": [[], [data["network"].pk]],
    }
    assert events[1].workspace_id == workspace.pk


def test_member_set_refuses_what_makes_no_sense(workspace, other_workspace, data):
    user = User.objects.create_user("somsri")
    foreign = network_create(AUTHOR, other_workspace, slug="x", name="x")
    with pytest.raises(ValidationError, match="not a role"):
        member_set(AUTHOR, workspace, user, "boss")
    with pytest.raises(ValidationError, match="Only coordinators"):
        member_set(AUTHOR, workspace, user, "viewer", [data["network"]])
    with pytest.raises(ValidationError, match="another workspace"):
        member_set(AUTHOR, workspace, user, "coordinator", [foreign])
    assert not WorkspaceMember.objects.filter(user=user).exists()


def test_a_workspace_keeps_at_least_one_admin(workspace):
    admin = user_with_role(workspace, "admin")
    with pytest.raises(ValidationError, match="at least one admin"):
        member_set(AUTHOR, workspace, admin, "viewer")
    with pytest.raises(ValidationError, match="at least one admin"):
        member_remove(AUTHOR, workspace, admin)
    second = user_with_role(workspace, "admin", "second")
    member_remove(AUTHOR, workspace, admin)
    assert access_for(admin, workspace) is None and access_for(second, workspace) is not None


def test_user_create_validates_and_gives_the_role(workspace):
    user = user_create(AUTHOR, " somchai ", "Somchai@Example.ORG", PASSWORD, workspace, "viewer")
    assert user.username == "somchai" and user.email == "Somchai@example.org"
    assert user.check_password(PASSWORD)
    assert access_for(user, workspace).role == Role.VIEWER  # type: ignore[union-attr]
    with pytest.raises(ValidationError) as caught:
        user_create(AUTHOR, "SOMCHAI", "somchai@example.org", "123", workspace, "viewer")
    errors = caught.value.message_dict
    assert "is taken" in errors["username"][0]
    assert "Another user has the e-mail address" in errors["email"][0]
    assert any("too short" in m for m in errors["password"])
    with pytest.raises(ValidationError, match="not a valid e-mail"):
        user_create(AUTHOR, "x", "not-an-address", None, workspace, "viewer")
    without = user_create(AUTHOR, "nopass", "", None, workspace, "member")
    assert not without.has_usable_password()


# --- API tokens --------------------------------------------------------------------------------


def test_tokens_are_shown_once_stored_hashed_and_revocable(workspace):
    user = user_with_role(workspace, "member")
    token, plaintext = token_create(AUTHOR, user, "ระบบรายงาน")
    assert token.prefix == plaintext[:8] and len(plaintext) >= 40
    assert plaintext not in str(ApiToken.objects.filter(pk=token.pk).values().get())
    assert token_authenticate(plaintext) == user
    assert token_authenticate(plaintext + "x") is None and token_authenticate("") is None
    token_revoke(AUTHOR, token)
    assert token_authenticate(plaintext) is None
    _second, other = token_create(AUTHOR, user, "")
    user.is_active = False
    user.save()
    assert token_authenticate(other) is None
    assert AuditEvent.objects.filter(object_type="accounts.apitoken").count() == 3


def test_token_use_is_noted_at_most_once_a_minute(workspace):
    token, plaintext = token_create(AUTHOR, user_with_role(workspace, "member"), "x")
    token_authenticate(plaintext)
    first = ApiToken.objects.get(pk=token.pk).last_used_at
    assert first is not None
    token_authenticate(plaintext)
    assert ApiToken.objects.get(pk=token.pk).last_used_at == first
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=first - dt.timedelta(minutes=2))
    token_authenticate(plaintext)
    assert ApiToken.objects.get(pk=token.pk).last_used_at > first - dt.timedelta(seconds=1)


# --- invitations -------------------------------------------------------------------------------


def test_invitation_end_to_end(workspace, data, mailoutbox):
    admin = client_for(user_with_role(workspace, "admin"))
    response = admin.post(
        reverse("web:people-invite", kwargs={"workspace": workspace.slug}),
        {
            "invite-email": "Kanya@Example.org",
            "invite-role": "coordinator",
            "invite-networks": [data["network"].pk],
        },
    )
    assert response.status_code == 302
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["Kanya@example.org"]
    assert workspace.name in mailoutbox[0].subject
    link = _link(mailoutbox[0])
    assert link.startswith("http://testserver/accounts/invite/")
    people = admin.get(reverse("web:people", kwargs={"workspace": workspace.slug}))
    assert "Kanya@example.org" in people.content.decode()  # waiting to be accepted

    visitor = Client()
    page = visitor.get(_path(link))
    assert page.status_code == 200 and workspace.name in page.content.decode()
    bad = visitor.post(_path(link), {"username": "kanya", "password": "1", "password_again": "1"})
    assert bad.status_code == 200 and "too short" in bad.content.decode()
    done = visitor.post(
        _path(link), {"username": "kanya", "password": PASSWORD, "password_again": PASSWORD}
    )
    assert done.status_code == 302
    assert done.url == reverse("web:home", kwargs={"workspace": workspace.slug})
    assert visitor.get(done.url).status_code == 200  # signed in
    kanya = User.objects.get(username="kanya")
    access = access_for(kanya, workspace)
    assert access is not None and access.network_ids == frozenset({data["network"].pk})
    again = Client().get(_path(link))
    assert again.status_code == 404 and "used already" in again.content.decode()


def test_an_expired_or_unknown_invitation_explains_itself(workspace, mailoutbox):
    invitation, token = invitation_create(AUTHOR, workspace, "late@example.org", "viewer")
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - dt.timedelta(minutes=1)
    )
    page = Client().get(reverse("web:invitation_accept", kwargs={"token": token}))
    assert page.status_code == 404 and "expired" in page.content.decode()
    with pytest.raises(ValidationError, match="expired"):
        invitation_accept(token, "late", PASSWORD)
    unknown = Client().get(reverse("web:invitation_accept", kwargs={"token": "nope"}))
    assert unknown.status_code == 404 and "not valid" in unknown.content.decode()


def test_someone_signed_in_adds_the_workspace_to_their_account(
    workspace, other_workspace, mailoutbox
):
    user = user_with_role(other_workspace, "admin", email="nok@example.org")
    _invitation, token = invitation_create(AUTHOR, workspace, "nok@example.org", "member")
    client = client_for(user)
    response = client.post(reverse("web:invitation_accept", kwargs={"token": token}))
    assert response.status_code == 302
    assert access_for(user, workspace).role == Role.MEMBER  # type: ignore[union-attr]
    assert client.get(reverse("web:chooser")).status_code == 200  # two workspaces: a list


def test_nobody_is_invited_twice_and_a_failed_mail_leaves_nothing(workspace, settings):
    user_with_role(workspace, "member", email="here@example.org")
    with pytest.raises(ValidationError, match="has a role in this workspace"):
        invitation_create(AUTHOR, workspace, "HERE@example.org", "viewer")
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    with pytest.raises(OSError):
        invitation_create(AUTHOR, workspace, "new@example.org", "viewer")
    assert not Invitation.objects.exists()


# --- the operators' commands --------------------------------------------------------------------


def test_cli_user_add_with_a_password_from_stdin(workspace, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    argv = ["--lang", "en", "user", "add", "ploy", "--workspace", workspace.slug]
    code = cli.main([*argv, "--role", "ผู้ประสานงาน", "--password-stdin"])
    assert code == cli.EXIT_OK, capsys.readouterr().err
    user = User.objects.get(username="ploy")
    assert user.check_password(PASSWORD)
    assert access_for(user, workspace).role == Role.COORDINATOR  # type: ignore[union-attr]
    assert "ploy added to khon-kaen" in capsys.readouterr().out


def test_cli_user_add_without_password_mails_a_link_to_choose_one(workspace, mailoutbox, capsys):
    argv = ["--lang", "en", "user", "add", "dao", "--workspace", workspace.slug]
    assert cli.main([*argv, "--role", "viewer", "--email", "dao@example.org"]) == cli.EXIT_OK
    user = User.objects.get(username="dao")
    assert not user.has_usable_password()
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["dao@example.org"]
    link = _link(mailoutbox[0])
    assert link.startswith("http://127.0.0.1:8000/accounts/reset/")
    client = Client()
    form = client.get(_path(link), follow=True)
    assert form.status_code == 200
    done = client.post(
        form.redirect_chain[-1][0], {"new_password1": PASSWORD, "new_password2": PASSWORD}
    )
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_cli_user_add_refuses_a_bad_role_or_workspace(workspace, capsys):
    argv = ["--lang", "en", "user", "add", "x", "--workspace"]
    assert cli.main([*argv, workspace.slug, "--role", "chief"]) == cli.EXIT_FAILED
    assert "“chief” is not a role" in capsys.readouterr().err
    assert cli.main([*argv, "nowhere", "--role", "viewer"]) == cli.EXIT_FAILED
    assert "no workspace “nowhere”" in capsys.readouterr().err
    assert not User.objects.filter(username="x").exists()


def test_cli_token_create_prints_a_token_that_works(workspace, capsys):
    user = user_with_role(workspace, "member")
    assert cli.main(["--lang", "en", "token", "create", user.username, "--name", "qgis"]) == 0
    out = capsys.readouterr()
    plaintext = out.out.strip()
    assert token_authenticate(plaintext) == user
    assert "shown only once" in out.err
    assert ApiToken.objects.get(user=user).name == "qgis"
    assert cli.main(["--lang", "en", "token", "create", "ghost"]) == cli.EXIT_FAILED


# --- log-in security ----------------------------------------------------------------------------


def test_production_hashes_passwords_with_argon2():
    import config.settings as production

    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    with override_settings(PASSWORD_HASHERS=production.PASSWORD_HASHERS):
        user = User(username="argon")
        user.set_password(PASSWORD)
        assert user.password.startswith("argon2$")
        assert user.check_password(PASSWORD)


def _log_in(client, username, password):
    return client.post(reverse("web:login"), {"username": username, "password": password})


def test_repeated_failed_log_ins_lock_the_user_out(workspace):
    user_with_role(workspace, "member", "somchai")
    user_with_role(workspace, "member", "other")
    client = Client(REMOTE_ADDR="203.0.113.7")
    answers = [_log_in(client, "somchai", "wrong").status_code for _attempt in range(6)]
    assert answers == [200, 200, 200, 200, 429, 429]  # the fifth failure locks
    locked = _log_in(client, "somchai", PASSWORD)  # the right password, too late
    assert locked.status_code == 429
    assert "Wait 15 minutes" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    # Another user from the same address, and the same user elsewhere, are not locked.
    assert _log_in(Client(REMOTE_ADDR="203.0.113.7"), "other", PASSWORD).status_code == 302
    assert _log_in(Client(REMOTE_ADDR="198.51.100.2"), "somchai", PASSWORD).status_code == 302


def test_behind_the_proxy_the_lock_out_reads_the_forwarded_address(settings):
    from django.test import RequestFactory

    from phakhi.web.client_ip import client_ip

    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.1.1.1, 203.0.113.9"
    )
    assert client_ip(request) == "10.0.0.1"
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    assert client_ip(request) == "203.0.113.9"  # added by our proxy; the first was the client's


def test_the_session_cookie_is_locked_down(workspace):
    user_with_role(workspace, "member", "somchai")
    response = _log_in(Client(), "somchai", PASSWORD)
    cookie = response.cookies["sessionid"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert not cookie["max-age"] and not cookie["expires"]  # gone when the browser closes
    from django.conf import settings

    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60


def test_password_reset_by_email(workspace, mailoutbox):
    user_with_role(workspace, "member", "somchai", email="somchai@example.org")
    response = Client().post(reverse("web:password_reset"), {"email": "somchai@example.org"})
    assert response.status_code == 302 and response.url == reverse("web:password_reset_done")
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["somchai@example.org"]
    link = _link(mailoutbox[0])
    client = Client()
    form = client.get(_path(link), follow=True)
    new = "another-long-passphrase-7"
    done = client.post(form.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert done.url == reverse("web:password_reset_complete")
    assert _log_in(Client(), "somchai", new).status_code == 302
    unknown = Client().post(reverse("web:password_reset"), {"email": "nobody@example.org"})
    assert unknown.status_code == 302 and len(mailoutbox) == 1  # says nothing, sends nothing


# --- contact details ----------------------------------------------------------------------------


def test_masking_hides_all_but_a_hint():
    assert mask_phone("0812345678") == "081-xxx-x678"
    assert mask_phone("+66812345678, +6621234567") == "081-xxx-x678, 02-xxx-x567"
    assert mask_phone("") == ""
    assert mask_email("somchai@example.org") == "s•••••@example.org"
    assert mask_text("@somchai.line") == "@•••••" and mask_text("") == ""


def test_personal_view_masks_contacts_for_viewers_only(workspace, data):
    person = data["person"]
    person.line_id, person.email = "somchai.j", "somchai@example.org"
    person.attributes = {"ที่อยู่": "99 ถนนมิตรภาพ"}
    viewer = access_for(user_with_role(workspace, "viewer"), workspace)
    coordinator = access_for(user_with_role(workspace, "coordinator"), workspace)
    assert personal_view(coordinator).contacts(person) == {
        "phone": "+66812345678",
        "email": "somchai@example.org",
        "line_id": "somchai.j",
        "address": "99 ถนนมิตรภาพ",
    }
    shown = personal_view(viewer).contacts(person)
    assert shown == {
        "phone": "081-xxx-x678",
        "email": "s•••••@example.org",
        "line_id": "s•••••",
        "address": "9•••••",
    }


def test_an_operator_revokes_a_token_in_the_admin(admin_client, workspace):
    token, plaintext = token_create(AUTHOR, user_with_role(workspace, "member"), "old")
    changelist = reverse("admin:accounts_apitoken_changelist")
    assert "old" in admin_client.get(changelist).content.decode()
    response = admin_client.post(changelist, {"action": "revoke", "_selected_action": [token.pk]})
    assert response.status_code == 302
    assert token_authenticate(plaintext) is None
    event = AuditEvent.objects.filter(object_type="accounts.apitoken").latest("id")
    assert event.by == "admin:admin" and "revoked_at" in event.changes
