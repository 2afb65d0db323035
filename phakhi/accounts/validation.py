"""Rules for user names and passwords, in the application's words (so that they read in Thai).

Django's user-name validator takes ``\\w``, which leaves out Thai vowel and tone marks (สมศรี
has two), and Django's own Thai catalogue has none of the password validators' messages."""

from __future__ import annotations

import unicodedata
from typing import Any

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

USERNAME_MAX_LENGTH = 150
USERNAME_PUNCTUATION = frozenset(".@+-_")


def username_problem(username: str) -> str | None:
    """Why the user name cannot be used, or None. Letters and marks of any script (Thai
    included), digits and @ . + - _; no spaces."""
    if not username:
        return _("Enter a user name.")
    if len(username) > USERNAME_MAX_LENGTH:
        return _("A user name has at most %(limit)s characters.") % {"limit": USERNAME_MAX_LENGTH}
    for character in username:
        if unicodedata.category(character)[0] not in "LMN" and character not in (
            USERNAME_PUNCTUATION
        ):
            shown = _("a space") if character.isspace() else f"“{character}”"
            return _(
                "A user name has letters (Thai or other), digits and @ . + - _ only: "
                "“%(name)s” has %(character)s."
            ) % {"name": username, "character": shown}
    return None


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    def get_error_message(self) -> str:
        return ngettext(
            "The password is too short: it needs at least %(min_length)d character.",
            "The password is too short: it needs at least %(min_length)d characters.",
            self.min_length,
        ) % {"min_length": self.min_length}

    def get_help_text(self) -> str:
        return ngettext(
            "At least %(min_length)d character.",
            "At least %(min_length)d characters.",
            self.min_length,
        ) % {"min_length": self.min_length}


class UserAttributeSimilarityValidator(password_validation.UserAttributeSimilarityValidator):
    def validate(self, password: str, user: Any = None) -> None:
        try:
            super().validate(password, user)
        except ValidationError as error:  # name the user name or e-mail in the page's language
            raise ValidationError(
                _("The password is too close to your user name or e-mail address."),
                code="password_too_similar",
            ) from error

    def get_help_text(self) -> str:
        return _("Not close to your user name or e-mail address.")


class CommonPasswordValidator(password_validation.CommonPasswordValidator):
    def get_error_message(self) -> str:
        return _("The password is one of the most common ones: choose another.")

    def get_help_text(self) -> str:
        return _("Not one of the most common passwords.")


class NumericPasswordValidator(password_validation.NumericPasswordValidator):
    def get_error_message(self) -> str:
        return _("The password has only digits: add letters or other characters.")

    def get_help_text(self) -> str:
        return _("Not only digits.")
