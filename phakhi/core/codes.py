"""Short codes a person reads off a projector and types on a phone: the live workshop's join
codes and the doors' check-in codes.

Letters and digits that look alike on a screen or in a hand-written note (0/O/Q/D, 1/I/L,
2/Z, 5/S, 8/B, U/V) are left out, and whatever a participant types is read leniently: case,
spaces and hyphens do not matter.

>>> normalize_code(" acf-47k ")
'ACF47K'
>>> display_code("ACF47K")
'ACF 47K'
"""

import re
import secrets

ALPHABET = "ACEFGHJKMNPRTWXY34679"
LENGTH = 6
_IGNORED = re.compile(r"[\s\-·.]")


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalize_code(text: str) -> str:
    """The code as stored, from what a participant typed ("" when it cannot be one)."""
    code = _IGNORED.sub("", text or "").upper()
    if len(code) != LENGTH or any(char not in ALPHABET for char in code):
        return ""
    return code


def display_code(code: str) -> str:
    """Two groups of three, easier to read aloud and to type."""
    return f"{code[:3]} {code[3:]}"
