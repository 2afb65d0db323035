"""Invitations for Thai users: a Thai user name (สมศรี, with its vowel and tone marks) is taken,
the user-name and password messages read in Thai, and when no mail server is set up the page
says no e-mail went out and gives the link to pass on by hand."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from phakhi.accounts.services import invitation_create, user_create
from tests.accounts_support import AUTHOR, PASSWORD, client_for, user_with_role

CONSOLE = "django.core.mail.backends.console.EmailBackend"


def _text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def _accept_path(token: str) -> str:
    return reverse("web:invitation_accept", kwargs={"token": token})


def test_a_thai_user_name_is_accepted_and_logs_in(workspace, mailoutbox):
    _invitation, token = invitation_create(AUTHOR, workspace, "somsri@example.org", "viewer")
    visitor = Client()
    done = visitor.post(
        _accept_path(token),
        {"username": "สมศรี", "password": PASSWORD, "password_again": PASSWORD},
        headers={"Accept-Language": "th"},
    )
    assert done.status_code == 302, _text(done)
    assert get_user_model().objects.filter(username="สมศรี").exists()
    again = Client()
    login = again.post(reverse("web:login"), {"username": "สมศรี", "password": PASSWORD})
    assert login.status_code == 302, _text(login)
    # and from the command line's service, as the admin adds people
    assert user_create(AUTHOR, "นายคำ_แก้ว", "", PASSWORD, workspace, "member").pk


@pytest.mark.parametrize(
    ("username", "shown"), [("สม ศรี", "a space"), ("somsri!", "“!”"), ("สมศรี/2", "“/”")]
)
def test_a_user_name_with_other_characters_is_refused_saying_which(workspace, username, shown):
    with pytest.raises(ValidationError) as caught:
        user_create(AUTHOR, username, "", PASSWORD, workspace, "member")
    message = caught.value.message_dict["username"][0]
    assert f"“{username}” has {shown}" in message


def test_the_user_name_and_password_messages_are_in_thai(workspace, mailoutbox):
    user_with_role(workspace, "viewer", "สมศรี")
    _invitation, token = invitation_create(AUTHOR, workspace, "other@example.org", "viewer")
    thai = {"Accept-Language": "th"}
    page = _text(Client().get(_accept_path(token), headers=thai))
    assert "ตัวอักษร (ไทยหรือภาษาอื่น)" in page  # the user name's help

    cases = [
        ("สมศรี", "12345678", ["ชื่อผู้ใช้ “สมศรี” มีผู้ใช้แล้ว", "มีแต่ตัวเลข"]),
        ("สม ศรี", "abc", ["เว้นวรรค", "รหัสผ่านสั้นเกินไป"]),
        ("kanya", "password", ["รหัสผ่านที่ใช้กันมาก"]),
        ("kanyarat", "kanyarat1", ["ใกล้เคียงกับชื่อผู้ใช้"]),
    ]
    for username, password, expected in cases:
        response = Client().post(
            _accept_path(token),
            {"username": username, "password": password, "password_again": password},
            headers=thai,
        )
        text = _text(response)
        assert response.status_code == 200
        for words in expected:
            assert words in text, (username, password, words)
        assert "This password" not in text and "Enter a valid username" not in text
        assert "The password" not in text and "user name" not in text


def test_without_a_mail_server_the_page_says_so_and_gives_the_link(workspace, settings):
    settings.EMAIL_BACKEND = CONSOLE  # as when PHAKHI_EMAIL_HOST is not set
    admin = client_for(user_with_role(workspace, "admin"))
    response = admin.post(
        reverse("web:people-invite", kwargs={"workspace": workspace.slug}),
        {"invite-email": "kanya@example.org", "invite-role": "viewer"},
        headers={"Accept-Language": "en"},
    )
    assert response.status_code == 200
    text = _text(response)
    assert "An invitation was sent" not in text
    assert "No e-mail was sent to kanya@example.org" in text
    link = re.search(r'id="invitation-link" type="text" value="([^"]+)"', response.content.decode())
    assert link and link[1].startswith("http://testserver/accounts/invite/")
    assert 'data-copy-target="invitation-link"' in response.content.decode()
    path = link[1].removeprefix("http://testserver")
    accepted = Client().post(
        path, {"username": "กัญญา", "password": PASSWORD, "password_again": PASSWORD}
    )
    assert accepted.status_code == 302  # the link works


def test_with_a_mail_server_the_invitation_is_said_to_be_sent(workspace, mailoutbox):
    admin = client_for(user_with_role(workspace, "admin"))
    response = admin.post(
        reverse("web:people-invite", kwargs={"workspace": workspace.slug}),
        {"invite-email": "kanya@example.org", "invite-role": "viewer"},
        headers={"Accept-Language": "en"},
        follow=True,
    )
    assert "An invitation was sent to kanya@example.org." in _text(response)
    assert len(mailoutbox) == 1
