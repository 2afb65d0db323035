"""The columns of actor, tie, activity and attendance files: canonical names, their Thai
headers, and the aliases accepted on import. Export writes the canonical (or Thai) headers, so an
exported file imports back unchanged."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from phakhi.core.limits import ATTRIBUTE_NAME_LENGTH, MAX_ATTRIBUTES
from phakhi.core.thai import word_key

# Columns the error file adds; an import ignores them, so a fixed error file imports as it is.
ERROR_LINE_COLUMN = "error_line"
ERROR_REASON_COLUMN = "error_reason"


@dataclass(frozen=True)
class Column:
    name: str
    thai: str
    aliases: tuple[str, ...] = ()
    required: bool = False


ACTOR_COLUMNS = (
    Column("key", "รหัส", ("id", "code", "รหัสภาคี", "ลำดับ"), required=True),
    Column("name", "ชื่อ", ("ชื่อ-สกุล", "ชื่อ-นามสกุล", "ชื่อสกุล", "full name", "ชื่อภาคี"), True),
    Column("kind", "ประเภท", ("type", "ประเภทภาคี")),
    Column("sector", "ภาคส่วน", ("ภาค", "sector group")),
    Column("subsector", "ภาคส่วนย่อย", ("sub-sector", "ประเภทย่อย")),
    Column("province", "จังหวัด", ("changwat",)),
    Column("district", "อำเภอ", ("amphoe", "เขต", "อำเภอ/เขต")),
    Column("subdistrict", "ตำบล", ("tambon", "แขวง", "ตำบล/แขวง", "sub-district")),
    Column("organization", "สังกัด", ("organisation", "org", "หน่วยงาน", "องค์กร", "สังกัดองค์กร")),
    Column("email", "อีเมล", ("e-mail", "อีเมล์", "mail")),
    Column("phone", "โทรศัพท์", ("tel", "telephone", "mobile", "เบอร์โทร", "โทร", "มือถือ")),
    Column("line_id", "ไลน์", ("line", "line id", "ไอดีไลน์", "ไลน์ไอดี")),
    Column("tags", "ประเด็น", ("issues", "tag", "ประเด็นงาน")),
)

TIE_COLUMNS = (
    Column("source", "จาก", ("from", "actor 1", "ภาคี 1"), required=True),
    Column("target", "ถึง", ("to", "actor 2", "ภาคี 2"), required=True),
    Column("strength", "ระดับความสัมพันธ์", ("weight", "level", "ความสัมพันธ์", "ระดับ")),
    Column("kind", "ประเภทความสัมพันธ์", ("type", "relation", "ประเภท")),
    Column("directed", "มีทิศทาง", ("direction", "ทิศทาง")),
    Column("via", "ผ่าน", ("broker", "through", "ผ่านใคร")),
    Column("since", "ตั้งแต่", ("start", "from date", "start date", "วันที่เริ่ม")),
    Column("until", "ถึงวันที่", ("end", "to date", "end date", "วันที่สิ้นสุด")),
)

# Activities (phakhi.participation.activity_import): only the key is needed in every file, so a
# file of keys and achieved levels updates those; a new activity needs a title and a start.
ACTIVITY_COLUMNS = (
    Column("key", "รหัส", ("id", "code", "รหัสกิจกรรม", "activity key"), required=True),
    Column("title", "ชื่อกิจกรรม", ("name", "activity", "ชื่อ", "หัวข้อ", "กิจกรรม")),
    Column("kind", "ประเภท", ("type", "ประเภทกิจกรรม")),
    Column("start", "วันที่", ("date", "start date", "starts", "วันที่เริ่ม", "วันเริ่ม", "วันที่จัด")),
    Column("end", "วันที่สิ้นสุด", ("end date", "ends", "ถึงวันที่", "วันสิ้นสุด")),
    Column("province", "จังหวัด", ("changwat",)),
    Column("district", "อำเภอ", ("amphoe", "เขต", "อำเภอ/เขต")),
    Column("place", "สถานที่", ("venue", "location", "สถานที่จัด")),
    Column("network", "เครือข่าย", ("networks",)),
    Column("project", "โครงการ", ()),
    Column(
        "iap2_planned",
        "ระดับที่วางแผน",
        ("planned", "level planned", "planned level", "ระดับการมีส่วนร่วมที่วางแผน"),
    ),
    Column(
        "iap2_achieved",
        "ระดับที่เกิดขึ้นจริง",
        ("achieved", "level achieved", "achieved level", "ระดับการมีส่วนร่วมที่เกิดขึ้นจริง"),
    ),
    Column("description", "รายละเอียด", ("details", "รายละเอียดกิจกรรม")),
)

ATTENDANCE_COLUMNS = (
    Column("activity", "กิจกรรม", ("activity key", "รหัสกิจกรรม", "event"), required=True),
    Column("actor", "ภาคี", ("actor key", "รหัสภาคี", "participant key"), required=True),
    Column("role", "บทบาท", ("บทบาทในกิจกรรม",)),
)


class HeaderError(ValueError):
    pass


@dataclass(frozen=True)
class HeaderMap:
    """Which cell of a row holds which canonical column, and which hold custom attributes."""

    fields: dict[str, int]
    attributes: dict[str, int]
    ignored: tuple[str, ...]


def _aliases(columns: tuple[Column, ...]) -> dict[str, str]:
    found: dict[str, str] = {}
    for column in columns:
        for name in (column.name, column.thai, *column.aliases):
            found.setdefault(word_key(name), column.name)
    return found


def map_headers(headers: list[str], columns: tuple[Column, ...]) -> HeaderMap:
    """Match a file's headers, in any order, English or Thai, to the columns."""
    aliases = _aliases(columns)
    fields: dict[str, int] = {}
    attributes: dict[str, int] = {}
    ignored: list[str] = []
    for index, header in enumerate(headers):
        text = str(header or "").strip()
        if not text:
            continue
        if text in (ERROR_LINE_COLUMN, ERROR_REASON_COLUMN):
            ignored.append(text)
            continue
        name = aliases.get(word_key(text))
        if name is None:
            if text in attributes:
                raise HeaderError(_("The column “%(name)s” appears twice.") % {"name": text})
            problem = attribute_problem(text, len(attributes))
            if problem:
                raise HeaderError(problem)
            attributes[text] = index
            continue
        if name in fields:
            raise HeaderError(
                _("The columns “%(first)s” and “%(second)s” both mean “%(name)s”; keep one.")
                % {"first": headers[fields[name]], "second": text, "name": name}
            )
        fields[name] = index
    missing = [c for c in columns if c.required and c.name not in fields]
    if missing:
        wanted = ", ".join(f"“{c.name}” ({c.thai})" for c in missing)
        found = ", ".join(f"“{h}”" for h in headers if str(h or "").strip()) or _("none")
        raise HeaderError(
            _("The file has no %(wanted)s column. Its columns are: %(found)s.")
            % {"wanted": wanted, "found": found}
        )
    return HeaderMap(fields, attributes, tuple(ignored))


def attribute_problem(header: str, kept_before: int) -> str:
    """Why a column cannot be kept as an extra attribute (after ``kept_before`` others), or ""."""
    if len(header) > ATTRIBUTE_NAME_LENGTH:
        return _(
            "The column “%(name)s…” has a name of %(length)d characters; a column kept as an "
            "extra attribute has a name of at most %(limit)d. Shorten it or leave it out."
        ) % {"name": header[:40], "length": len(header), "limit": ATTRIBUTE_NAME_LENGTH}
    if kept_before >= MAX_ATTRIBUTES:
        return _(
            "The column “%(name)s” would be extra attribute number %(number)d; at most %(limit)d "
            "columns that are not Phakhi's own can be kept. Leave out the ones you do not need."
        ) % {"name": header, "number": kept_before + 1, "limit": MAX_ATTRIBUTES}
    return ""


def headers_for(columns: tuple[Column, ...], thai: bool = False) -> list[str]:
    return [c.thai if thai else c.name for c in columns]
