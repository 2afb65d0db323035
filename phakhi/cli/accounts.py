"""``phakhi user add`` and ``phakhi token create``: the operators' accounts commands."""

import argparse
import sys
from typing import Any

from phakhi.cli import EXIT_OK


def add_parsers(commands: Any) -> None:
    user = commands.add_parser("user", help="add users with a role in a workspace")
    add = user.add_subparsers(dest="action", required=True).add_parser("add", help="add a user")
    add.add_argument("username")
    add.add_argument("--workspace", required=True)
    add.add_argument("--role", required=True, help="admin, coordinator, member or viewer")
    add.add_argument("--email", default="")
    add.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    token = commands.add_parser("token", help="API tokens")
    create = token.add_subparsers(dest="action", required=True).add_parser("create")
    create.add_argument("username")
    create.add_argument("--name", default="", help="what the token is for")


def user_add(args: argparse.Namespace) -> int:
    from django.utils.translation import gettext as _

    from phakhi.accounts.services import password_setup_send, user_create
    from phakhi.core.audit import Author
    from phakhi.core.selectors import workspace_get

    workspace = workspace_get(args.workspace)
    password = sys.stdin.readline().rstrip("\r\n") if args.password_stdin else None
    user = user_create(Author.cli(), args.username, args.email, password, workspace, args.role)
    print(_("%(user)s added to %(workspace)s as %(role)s.")
          % {"user": user.username, "workspace": workspace.slug, "role": args.role})  # fmt: skip
    if password is None and user.email:
        password_setup_send(user)
        print(_("A link to choose a password was e-mailed to %(email)s.") % {"email": user.email})
    elif password is None:
        print(_("The user has no password yet: give them an e-mail address, or set one with "
                "`phakhi manage changepassword %(user)s`.") % {"user": user.username})  # fmt: skip
    return EXIT_OK


def token_create(args: argparse.Namespace) -> int:
    from django.utils.translation import gettext as _

    from phakhi.accounts import services
    from phakhi.accounts.selectors import user_get
    from phakhi.core.audit import Author

    _token, plaintext = services.token_create(Author.cli(), user_get(args.username), args.name)
    print(plaintext)
    print(_("Keep this token safe: it is shown only once."), file=sys.stderr)
    return EXIT_OK


HANDLERS = {"user": user_add, "token": token_create}
