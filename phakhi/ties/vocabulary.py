from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from phakhi.core.thai import to_arabic_digits
from phakhi.core.vocabulary import Vocabulary, VocabularyError

STRENGTH_WORDS = Vocabulary(
    gettext_lazy("tie strength"),
    {
        "1": ("networking", "รู้จัก", "แลกเปลี่ยนข่าวสาร", "aware", "network"),
        "2": ("coordinate", "ประสานความร่วมมือ", "หลวม", "หลวมๆ", "หลวม ๆ", "coordination"),
        "3": ("cooperate", "ประสานการทำงาน", "cooperation"),
        "4": ("collaborate", "มีส่วนร่วม", "แน่นแฟ้น", "collaboration"),
    },
)

DIRECTED = Vocabulary(
    gettext_lazy("yes/no value"),
    {
        "true": ("yes", "y", "1", "ใช่", "มี", "มีทิศทาง", "directed", "x", "✓"),
        "false": ("no", "n", "0", "ไม่", "ไม่ใช่", "ไม่มี", "ไม่มีทิศทาง", "undirected"),
    },
)


def parse_strength(value: object) -> int:
    """1–4 as a number (also 3.0 from a spreadsheet or ๓) or a word of the continuum.

    >>> parse_strength("แน่นแฟ้น"), parse_strength(3.0), parse_strength("ประสานความร่วมมือ")
    (4, 3, 2)
    """
    text = to_arabic_digits(str(value)).strip()
    try:
        number = float(text)
    except ValueError:
        return int(STRENGTH_WORDS.parse(text))
    if number != int(number) or not 1 <= number <= 4:
        raise VocabularyError(
            _(
                "Strength %(value)s is outside 1–4 (1 networking, 2 coordinate, 3 cooperate, "
                "4 collaborate)."
            )
            % {"value": text}
        )
    return int(number)


def parse_directed(value: object) -> bool:
    if isinstance(value, bool):
        return value
    return DIRECTED.parse(value) == "true"


# The levels in the words of the workshop's worksheet 3 (ใบงาน ๓), strongest first: the two
# bands แน่นแฟ้น (tight) and หลวม ๆ (loose), and รู้จัก (knowing each other).
WORKSHOP_LEVELS = (
    (4, gettext_lazy("Tight — collaborate (4)")),
    (3, gettext_lazy("Loose — co-operate (3)")),
    (2, gettext_lazy("Loose — co-ordinate (2)")),
    (1, gettext_lazy("Know each other — networking (1)")),
)


# Kinds of tie Phakhi makes itself, with their words (any other kind is the user's own text).
COPARTICIPATION = "co-participation"  # two actors took part in the same activity
# Its attributes: how many activities the two shared, and the ISO date of the last one.
SHARED_ACTIVITIES, LAST_ACTIVITY = "shared_activities", "last_activity"
# Tie attributes that are whole numbers when present: exports type them (GEXF "integer",
# GraphML "int", a number in a workbook) so that Gephi and Excel can sort and size by them.
INTEGER_ATTRIBUTES = frozenset({SHARED_ACTIVITIES})
# A tie a member reported in a network survey (phakhi.monitoring): directed, from the respondent
# to the partner named, at the level reported; ``confirmed`` when the partner reported it back.
SURVEYED = "network-survey"
CONFIRMED, SURVEY_ROUND = "confirmed", "survey"
KIND_LABELS = {
    COPARTICIPATION: gettext_lazy("took part together"),
    SURVEYED: gettext_lazy("reported in a network survey"),
}


def kind_label(kind: str) -> str:
    """A kind of tie as people read it: the words of a kind Phakhi makes (``co-participation``
    is ร่วมกิจกรรม in Thai), otherwise the kind as written."""
    label = KIND_LABELS.get(kind)
    return str(label) if label is not None else kind
