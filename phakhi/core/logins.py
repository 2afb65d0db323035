import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

ADMIN_USERNAME = "admin"


def ensure_admin_login() -> str:
    """Create the first administrator with a random password kept in the data folder (readable
    by its owner only), and say how to log in."""
    password_file = settings.DATA_DIR / "admin-password"
    users = get_user_model()
    user = users.objects.filter(username=ADMIN_USERNAME).first()
    if user is None:
        password = secrets.token_urlsafe(12)
        users.objects.create_superuser(ADMIN_USERNAME, "", password)
        password_file.write_text(password + "\n")
        password_file.chmod(0o600)
    elif password_file.exists():
        password = password_file.read_text().strip()
    else:
        return _(
            "Log in as %(user)s (password set by you; change it with "
            "`phakhi manage changepassword %(user)s`)."
        ) % {"user": ADMIN_USERNAME}
    return _("Log in as %(user)s with password %(password)s") % {
        "user": ADMIN_USERNAME,
        "password": password,
    }
