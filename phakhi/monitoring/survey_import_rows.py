"""The rows of a file of survey responses collected elsewhere (a Google Form, paper forms typed
in): long format, one row per respondent–partner pair, read and checked by the words and rules
of ``phakhi.monitoring.vocabulary`` — the same as a respondent's answers on the web.

Rows are gathered by respondent, because a respondent's answers are imported together: their
list of partners replaces the one imported before, so a list with a refused row would silently
lose that partner. ``survey_imports`` plans and writes what is read here."""

from collections.abc import Iterator
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from phakhi.core.cells import cell_text
from phakhi.core.thai import word_key
from phakhi.core.vocabulary import Vocabulary, VocabularyError
from phakhi.imports.columns import ERROR_LINE_COLUMN, ERROR_REASON_COLUMN, Column
from phakhi.imports.readers import ImportFileError, Table
from phakhi.imports.report import ImportReport
from phakhi.monitoring.models.surveys import RATINGS
from phakhi.monitoring.vocabulary import parse_flows, parse_frequency, parse_level, parse_rating

# The Thai headers are the questions' own short words (vocabulary.py's TRUST and VALUE).
SURVEY_COLUMNS = (
    Column("respondent", "ผู้ตอบ", ("respondent key", "รหัสผู้ตอบ", "ผู้ตอบแบบสำรวจ"), True),
    Column(
        "partner",
        "ภาคีที่ทำงานด้วย",
        ("partner key", "รหัสภาคีที่ทำงานด้วย", "ภาคีที่ทำงานร่วมกัน", "คู่ภาคี", "ภาคี"),
        True,
    ),
    Column("level", "ระดับความสัมพันธ์", ("strength", "ระดับ", "ความสัมพันธ์")),
    Column("frequency", "ความถี่", ("how often", "บ่อยแค่ไหน", "ความถี่ในการทำงานร่วมกัน")),
    Column("flows", "สิ่งที่แลกเปลี่ยน", ("what flows", "flow", "ทำงานร่วมกันด้าน")),
    Column("trust_openness", "การเปิดรับการสื่อสาร", ("openness", "openness to communication")),
    Column("trust_reliability", "ความน่าเชื่อถือ", ("reliability",)),
    Column("trust_mission", "การสนับสนุนพันธกิจร่วม", ("mission", "support for the mission")),
    Column("value_power", "อำนาจและอิทธิพล", ("power", "power and influence", "influence")),
    Column("value_resources", "ทรัพยากรที่ร่วมสนับสนุน", ("resources", "resources contributed")),
    Column("value_involvement", "ระดับการมีส่วนร่วม", ("involvement", "level of involvement")),
    Column("consent", "ความยินยอม", ("ยินยอม", "ยินยอมให้ข้อมูล", "agree", "agreed"), True),
)
# The answers about a partner, in the order of ``Reported.values``.
ANSWERS = ("level", "frequency", "flows", *RATINGS)

CONSENT_WORDS = Vocabulary(
    gettext_lazy("consent (yes or no)"),
    {
        "yes": ("y", "1", "true", "x", "✓", "agree", "agreed", "i agree", "ใช่", "ยินยอม",
                "ยินยอมให้ข้อมูล", "ตกลง", "ยอมรับ", "ให้ความยินยอม"),
        "no": ("n", "0", "false", "disagree", "do not agree", "ไม่", "ไม่ใช่", "ไม่ยินยอม",
               "ไม่ตกลง", "ไม่ยอมรับ"),
    },
)  # fmt: skip

Problem = tuple[str, str]  # (column, reason)
# The level, how often, the flows and the six ratings of one report.
Values = tuple[object, ...]


@dataclass
class Respondent:
    """The rows of one respondent (an actor of the workspace) in the file."""

    actor: int
    key: str
    lines: list[int] = field(default_factory=list)
    reports: dict[int, Values] = field(default_factory=dict)  # partner's actor id → values
    partner_lines: dict[int, int] = field(default_factory=dict)  # partner → its line
    declined: bool = False  # a row without consent: nothing of theirs is kept
    no_partner: int = 0  # rows with consent that name no partner ("I work with nobody")
    problems: dict[int, list[Problem]] = field(default_factory=dict)  # line → its problems


def map_columns(headers: list[str]) -> tuple[dict[str, int], list[str]]:
    """Each column's index, and the headers not read (a form's time stamp, its e-mail, the
    full wording of its questions: none is kept)."""
    aliases: dict[str, str] = {}
    for column in SURVEY_COLUMNS:
        for name in (column.name, column.thai, *column.aliases):
            aliases.setdefault(word_key(name), column.name)
    fields: dict[str, int] = {}
    ignored: list[str] = []
    for index, header in enumerate(headers):
        text = str(header or "").strip()
        found = aliases.get(word_key(text)) if text else None
        if found is None:
            if text and text not in (ERROR_LINE_COLUMN, ERROR_REASON_COLUMN):
                ignored.append(text)
            continue
        name = found
        if name in fields:
            raise ImportFileError(
                _("The columns “%(first)s” and “%(second)s” both mean “%(name)s”; keep one.")
                % {"first": headers[fields[name]], "second": text, "name": name}
            )
        fields[name] = index
    missing = [c for c in SURVEY_COLUMNS if c.required and c.name not in fields]
    if missing:
        wanted = ", ".join(f"“{c.name}” ({c.thai})" for c in missing)
        found = ", ".join(f"“{h}”" for h in headers if str(h or "").strip()) or _("none")
        raise ImportFileError(
            _("The file has no %(wanted)s column. Its columns are: %(found)s.")
            % {"wanted": wanted, "found": found}
        )
    return fields, ignored


class RowParser:
    """Reads a row's cells as a respondent, a partner and the answers about the partner.
    Each distinct cell of the vocabularies is parsed once (fifty thousand rows hold a few
    dozen distinct words)."""

    def __init__(self, fields: dict[str, int], actors: dict[str, int]):
        absent = 1 << 30  # an index past any row: the column reads as empty
        self.indexes = [fields.get(c.name, absent) for c in SURVEY_COLUMNS]
        self.actors = actors
        self.parsed: dict[tuple[str, str], object] = {}

    def word(self, column: str, text: str, problems: list[Problem]) -> object:
        known = self.parsed.get((column, text), self)
        if known is not self:
            return known
        try:
            if column == "level":
                value: object = parse_level(text) if text else None
            elif column == "frequency":
                value = parse_frequency(text)
            elif column == "flows":
                value = parse_flows(text)
            elif column == "consent":
                value = CONSENT_WORDS.parse(text) if text else "no"
            else:
                value = parse_rating(text)
        except VocabularyError as error:
            problems.append((column, str(error)))
            return None
        self.parsed[(column, text)] = value
        return value

    def actor(self, column: str, key: str, problems: list[Problem]) -> int | None:
        actor = self.actors.get(key)
        if actor is None:
            if not key:
                reason = _("The actor key is missing.")
            else:
                reason = _("“%(key)s” is not the key of an actor in this workspace.") % {"key": key}
            problems.append((column, reason))
        return actor

    def answers(self, texts: list[str], problems: list[Problem]) -> Values:
        """The level (required for a partner), how often, the flows and the six ratings."""
        level_text = texts[2]
        if not level_text:
            problems.append(("level", _("The level is missing; give 1–4 or its words.")))
        return tuple(
            self.word(name, text, problems) for name, text in zip(ANSWERS, texts[2:11], strict=True)
        )


CACHED_TEXTS = 100_000  # distinct cells remembered: keys and the few dozen words of a survey


def _rows(table: Table, parser: RowParser) -> Iterator[tuple[int, list[str]]]:
    """Each row's cells of the columns read, as text. A survey's cells repeat (the same
    respondent on fifty rows, the same Thai words on thousands), and a Thai cell takes the
    slow path of ``cell_text``: each distinct one is cleaned once."""
    indexes = parser.indexes
    known: dict[str, str] = {}
    for line, cells in table.rows:
        count = len(cells)
        texts = []
        for index in indexes:
            value = cells[index] if index < count else None
            if value.__class__ is str:
                text = known.get(value)  # type: ignore[call-overload]
                if text is None:
                    text = cell_text(value)
                    if len(known) < CACHED_TEXTS:
                        known[value] = text  # type: ignore[index]
                texts.append(text)
            else:
                texts.append(cell_text(value))
        if not any(texts) and not any(cell_text(c) for c in cells):
            continue  # a blank line
        yield line, texts


def read_respondents(table: Table, parser: RowParser, report: ImportReport) -> list[Respondent]:
    """Every row, gathered by respondent (in the order of their first row). A row whose
    respondent cannot be known is rejected here; the others are judged with their
    respondent's whole answer (``settle``)."""
    found: dict[int, Respondent] = {}
    for line, texts in _rows(table, parser):
        report.rows += 1
        problems: list[Problem] = []
        respondent_key, partner_key, consent_text = texts[0], texts[1], texts[11]
        actor = parser.actor("respondent", respondent_key, problems)
        if actor is None:
            report.reject(line, problems)
            continue
        respondent = found.get(actor)
        if respondent is None:
            respondent = found[actor] = Respondent(actor, respondent_key)
        respondent.lines.append(line)
        consent = parser.word("consent", consent_text, problems)
        if consent == "no":
            respondent.declined = True  # nothing else of the row is read
            continue
        if not partner_key and not any(texts[2:11]):
            if problems:
                respondent.problems[line] = problems
            else:
                respondent.no_partner += 1
            continue
        partner = parser.actor("partner", partner_key, problems)
        if partner is not None and partner == actor:
            problems.append(("partner", _("A respondent cannot name themselves as a partner.")))
        values = parser.answers(texts, problems)
        if partner is not None and partner in respondent.partner_lines:
            reason = _("“%(partner)s” is already on line %(line)d for this respondent.") % {
                "partner": partner_key,
                "line": respondent.partner_lines[partner],
            }
            problems.append(("partner", reason))
        if problems or partner is None:
            respondent.problems[line] = problems
            continue
        respondent.partner_lines[partner] = line
        respondent.reports[partner] = values
    if report.rows == 0:
        raise ImportFileError(_("The file has a header but no rows of data."))
    return list(found.values())


def reject_whole(respondent: Respondent, report: ImportReport, problems: list[Problem]) -> None:
    """Reject every row of ``respondent``: those with their own problems with them, the others
    with ``problems`` (why the respondent as a whole is not imported)."""
    for line in respondent.lines:
        report.reject(line, respondent.problems.get(line) or problems)


def settle(respondents: list[Respondent], report: ImportReport) -> list[Respondent]:
    """The respondents whose every row is good; a respondent with a refused row is rejected
    whole (each good row naming the first bad one), so that no partner is dropped unseen."""
    kept = []
    for respondent in respondents:
        if respondent.declined:
            kept.append(respondent)  # nothing of theirs is kept, and no row is an error
        elif respondent.problems:
            first = min(respondent.problems)
            reason = _(
                "Not imported: line %(line)d of the same respondent was refused, and a "
                "respondent's answers are imported together."
            ) % {"line": first}
            reject_whole(respondent, report, [("respondent", reason)])
        else:
            kept.append(respondent)
    return kept
