"""Writes to users, roles, invitations and API tokens: validated, one transaction, audited."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from phakhi.accounts.models import ApiToken, Invitation, Role, WorkspaceMember
from phakhi.accounts.selectors import invitation_problem, token_hash
from phakhi.accounts.validation import username_problem
from phakhi.accounts.vocabulary import ROLES
from phakhi.core import audit
from phakhi.core.contacts import ContactError, normalize_email
from phakhi.core.dates import show_date
from phakhi.core.models import AuditEvent, Workspace
from phakhi.core.vocabulary import VocabularyError
from phakhi.networks.models import Network

Action = AuditEvent.Action
INVITATION_VALID_FOR = dt.timedelta(days=7)
# Without PHAKHI_EMAIL_HOST e-mails are printed on the server's console: nobody receives them.
UNDELIVERED_EMAIL_BACKENDS = frozenset(
    {
        "django.core.mail.backends.console.EmailBackend",
        "django.core.mail.backends.dummy.EmailBackend",
    }
)
TOKEN_TOUCH_INTERVAL = dt.timedelta(minutes=1)


def _role(value: object) -> Role:
    try:
        return Role(ROLES.parse(value))
    except VocabularyError as error:
        raise ValidationError({"role": str(error)}) from None


def _networks_of(workspace: Workspace, role: Role, networks: Iterable[Network]) -> list[Network]:
    chosen = list(networks)
    if chosen and role != Role.COORDINATOR:
        raise ValidationError(
            {"networks": _("Only coordinators can be limited to networks; clear the networks.")}
        )
    if any(network.workspace_id != workspace.pk for network in chosen):
        raise ValidationError({"networks": _("A network belongs to another workspace.")})
    return chosen


def _keeps_an_admin(member: WorkspaceMember) -> None:
    others = WorkspaceMember.objects.filter(workspace_id=member.workspace_id, role=Role.ADMIN)
    if member.role == Role.ADMIN and not others.exclude(pk=member.pk).exists():
        raise ValidationError(
            {"role": _("A workspace needs at least one admin: make someone else admin first.")}
        )


def _member_repr(user: Any, role: str) -> str:
    return f"{user.get_username()} ({role})"


def member_set(
    author: audit.Author,
    workspace: Workspace,
    user: Any,
    role: object,
    networks: Iterable[Network] = (),
) -> WorkspaceMember:
    """Give the user a role in the workspace, or change it. A coordinator with networks edits
    only those networks; without, all of them."""
    role = _role(role)
    chosen = _networks_of(workspace, role, networks)
    new_ids = sorted(network.pk for network in chosen)
    with transaction.atomic():
        member = (
            WorkspaceMember.objects.select_for_update()
            .filter(user=user, workspace=workspace)
            .first()
        )
        if member is None:
            old: dict[str, Any] = {"user": None, "role": None, "networks": []}
            member = WorkspaceMember.objects.create(user=user, workspace=workspace, role=role)
            action = Action.CREATE
        else:
            old = {
                "role": member.role,
                "networks": sorted(member.networks.values_list("pk", flat=True)),
            }
            if role != Role.ADMIN:
                _keeps_an_admin(member)
            member.role = role
            member.save(update_fields=["role"])
            action = Action.UPDATE
        member.networks.set(chosen)
        new = {"user": user.get_username(), "role": role.value, "networks": new_ids}
        changes = audit.diff(old, {k: v for k, v in new.items() if k in old})
        if changes:
            repr_ = _member_repr(user, role.value)
            audit.record(author, action, member, changes=changes, object_repr=repr_)
    return member


def member_remove(author: audit.Author, workspace: Workspace, user: Any) -> None:
    with transaction.atomic():
        member = (
            WorkspaceMember.objects.select_for_update()
            .filter(user=user, workspace=workspace)
            .first()
        )
        if member is None:
            raise ValidationError(
                _("%(user)s has no role in this workspace.") % {"user": user.get_username()}
            )
        _keeps_an_admin(member)
        changes = {"user": [user.get_username(), None], "role": [member.role, None]}
        repr_ = _member_repr(user, member.role)
        audit.record(author, Action.DELETE, member, changes=changes, object_repr=repr_)
        member.delete()


def _new_user_errors(username: str, email: str, password: str | None) -> dict[str, Any]:
    """``username`` as ``user_name`` gives it (stripped, NFKC as Django's log-in form)."""
    users = get_user_model()
    errors: dict[str, Any] = {}
    problem = username_problem(username)
    if problem is not None:
        errors["username"] = problem
    elif users.objects.filter(username__iexact=username).exists():
        errors["username"] = _("The user name “%(name)s” is taken.") % {"name": username}
    if email and users.objects.filter(email__iexact=email).exists():
        errors["email"] = _("Another user has the e-mail address %(email)s.") % {"email": email}
    if password is not None:
        try:
            password_validation.validate_password(password, users(username=username, email=email))
        except ValidationError as error:
            errors["password"] = error.messages
    return errors


def user_name(text: str) -> str:
    """A user name as it is stored and as the log-in form reads it (NFKC, no outer spaces)."""
    return str(get_user_model().normalize_username(text.strip()))


def _email(text: str) -> str:
    try:
        return normalize_email(text) if text.strip() else ""
    except ContactError as error:
        raise ValidationError({"email": str(error)}) from None


def user_create(
    author: audit.Author,
    username: str,
    email: str,
    password: str | None,
    workspace: Workspace,
    role: object,
) -> Any:
    """A new user with a role in the workspace. Without a password the user cannot log in
    until they set one (``password_setup_send`` e-mails them the link)."""
    username, email = user_name(username), _email(email)
    role = _role(role)
    errors = _new_user_errors(username, email, password)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        user = get_user_model().objects.create_user(username, email, password)
        changes = {"username": [None, username], "email": [None, email]}
        audit.record(author, Action.CREATE, user, workspace=workspace, changes=changes)
        member_set(author, workspace, user, role)
    return user


def email_is_delivered() -> bool:
    """Whether an e-mail sent reaches its addressee (an SMTP server is configured)."""
    return settings.EMAIL_BACKEND not in UNDELIVERED_EMAIL_BACKENDS


def _absolute(path: str, base_url: str | None) -> str:
    return f"{(base_url or settings.PHAKHI_BASE_URL).rstrip('/')}{path}"


def password_setup_send(user: Any, *, base_url: str | None = None) -> None:
    """E-mail the user a link to choose their password (the password-reset link)."""
    if not user.email:
        raise ValidationError({"email": _("The user has no e-mail address.")})
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    path = reverse(
        "web:password_reset_confirm",
        kwargs={"uidb64": uid, "token": default_token_generator.make_token(user)},
    )
    context = {"user": user, "link": _absolute(path, base_url)}
    body = render_to_string("accounts/password_setup_email.txt", context)
    send_mail(_("Choose your Phakhi password"), body, None, [user.email])


def invitation_create(
    author: audit.Author,
    workspace: Workspace,
    email: str,
    role: object,
    networks: Iterable[Network] = (),
    *,
    base_url: str | None = None,
) -> tuple[Invitation, str]:
    """Invite someone by e-mail to join the workspace with a role. The link in the e-mail
    carries a token that is returned once and kept only as a hash."""
    email, role = _email(email), _role(role)
    if not email:
        raise ValidationError({"email": _("Enter the e-mail address to send the invitation to.")})
    chosen = _networks_of(workspace, role, networks)
    if WorkspaceMember.objects.filter(workspace=workspace, user__email__iexact=email).exists():
        raise ValidationError(
            {"email": _("%(email)s has a role in this workspace already.") % {"email": email}}
        )
    token = secrets.token_urlsafe(32)
    invitation = Invitation(
        workspace=workspace,
        email=email,
        role=role,
        token_hash=token_hash(token),
        invited_by_id=author.user_id,
        expires_at=timezone.now() + INVITATION_VALID_FOR,
    )
    with transaction.atomic():
        invitation.save()
        invitation.networks.set(chosen)
        changes = {
            "email": [None, email],
            "role": [None, role.value],
            "networks": [None, sorted(n.pk for n in chosen)],
        }
        audit.record(author, Action.CREATE, invitation, workspace=workspace, changes=changes)
        path = reverse("web:invitation_accept", kwargs={"token": token})
        context = {
            "workspace": workspace,
            "role": role.label,
            "inviter": author.label.partition(":")[2] or author.label,
            "link": _absolute(path, base_url),
            "expires_at": show_date(invitation.expires_at),
        }
        body = render_to_string("accounts/invitation_email.txt", context)
        subject = _("Invitation to %(workspace)s on Phakhi") % {"workspace": workspace.name}
        # Inside the transaction: when the e-mail cannot be sent, no invitation is left over.
        send_mail(subject, body, None, [email])
    return invitation, token


def _open_invitation(token: str) -> Invitation:
    invitation = (
        Invitation.objects.select_for_update()
        .select_related("workspace")
        .filter(token_hash=token_hash(token))
        .first()
    )
    problem = invitation_problem(invitation)
    if problem is not None:
        raise ValidationError(problem)
    assert invitation is not None
    return invitation


def invitation_accept(
    token: str, username: str = "", password: str = "", *, user: Any = None
) -> Any:
    """Accept an invitation: as a new user with this user name and password, or, when
    ``user`` is given (someone already signed in), with that account."""
    with transaction.atomic():
        invitation = _open_invitation(token)
        if user is None:
            username = user_name(username)
            errors = _new_user_errors(username, invitation.email, password or None)
            if not password:
                errors["password"] = _("Choose a password.")
            if errors:
                raise ValidationError(errors)
            user = get_user_model().objects.create_user(username, invitation.email, password)
        author = audit.Author(f"web:{user.get_username()}", user.pk)
        workspace = invitation.workspace
        if not WorkspaceMember.objects.filter(user=user, workspace=workspace).exists():
            member_set(author, workspace, user, invitation.role, invitation.networks.all())
        invitation.accepted_at, invitation.accepted_by = timezone.now(), user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
        changes = {"accepted_by": [None, user.get_username()]}
        audit.record(author, Action.UPDATE, invitation, workspace=workspace, changes=changes)
    return user


def token_create(author: audit.Author, user: Any, name: str = "") -> tuple[ApiToken, str]:
    """A new API token for the user. The token itself is returned once and never stored."""
    name = name.strip() or _("API token")
    if len(name) > 100:
        raise ValidationError({"name": _("A token's name has at most 100 characters.")})
    plaintext = secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=user, name=name, prefix=plaintext[:8], key_hash=token_hash(plaintext)
        )
        changes = {"user": [None, user.get_username()], "name": [None, name]}
        audit.record(author, Action.CREATE, token, changes=changes)
    return token, plaintext


def token_revoke(author: audit.Author, token: ApiToken) -> ApiToken:
    if token.revoked_at is not None:
        return token
    with transaction.atomic():
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        changes = {"revoked_at": [None, token.revoked_at.isoformat()]}
        audit.record(author, Action.UPDATE, token, changes=changes)
    return token


def token_authenticate(plaintext: str) -> Any:
    """The active user the token belongs to, or None. Notes when it was used (at most once a
    minute, so that a busy client does not write on every request)."""
    if not plaintext:
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=token_hash(plaintext), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= TOKEN_TOUCH_INTERVAL:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
