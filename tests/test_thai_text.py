import datetime as dt

import pytest

from phakhi.core import areas
from phakhi.core.cells import cell_text, neutralize, unneutralize
from phakhi.core.contacts import ContactError, normalize_email, normalize_phone
from phakhi.core.dates import DateError, format_date, parse_date
from phakhi.core.thai import name_key


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("นายสมชาย ใจดี", "สมชายใจดี"),
        ("นาย  สมชาย\u200b ใจดี", "สมชายใจดี"),
        ("น.ส. มาลี ศรีสุข", "มาลีศรีสุข"),
        ("ผศ.ดร.มาลี ศรีสุข", "มาลีศรีสุข"),
        ("พระครูสุนทร ธรรมโชติ", "สุนทรธรรมโชติ"),
        ("รศ. ประเสริฐ ๒", "ประเสริฐ2"),
        ("ศรีสมร ดี", "ศรีสมรดี"),  # ศ. is a title only with its dot
        ("คุณากร สุขดี", "คุณากรสุขดี"),  # คุณ is a title only before a name
        ("Dr. Ann Lee", "annlee"),
        ("Drake Lee", "drakelee"),
        ("นายก ทม.", "นายกทม"),  # the mayor, an office: not Mr "ก ทม."
        ("นายอำเภอเมือง", "นายอำเภอเมือง"),
        ("นายกมล ใจดี", "กมลใจดี"),  # Mr Kamon
    ],
)
def test_names_compare_without_titles_spaces_or_invisible_characters(written, key):
    assert name_key(written) == key


def test_organization_names_keep_their_first_word():
    assert name_key("นายกเทศมนตรี", person=False) == "นายกเทศมนตรี"


@pytest.mark.parametrize(
    ("province", "district", "subdistrict", "codes"),
    [
        ("กทม.", "", "", ("10", "", "")),
        ("กรุงเทพฯ", "เขตบางรัก", "", ("10", "1004", "")),
        ("Chiang Mai", "Mueang Chiang Mai", "", ("50", "5001", "")),
        ("จ.เชียงใหม่", "อ.เมือง", "", ("50", "5001", "")),
        ("โคราช", "", "", ("30", "", "")),
        ("ขอนแก่น", "เมืองขอนแก่น", "ในเมือง", ("40", "4001", "400101")),
    ],
)
def test_areas_resolve_to_dopa_codes(province, district, subdistrict, codes):
    area = areas.resolve(province, district, subdistrict)
    assert (area.province_code, area.district_code, area.subdistrict_code) == codes


def test_unknown_area_names_the_nearest_official_name():
    with pytest.raises(areas.AreaError, match="เชียงใหม่"):
        areas.resolve("เชียงใหม")
    with pytest.raises(areas.AreaError, match="not a district of ขอนแก่น"):
        areas.resolve("ขอนแก่น", "สันทราย")


def test_phones_become_e164_and_bad_ones_are_refused():
    assert normalize_phone("๐๘๑ ๒๓๔ ๕๖๗๘") == "+66812345678"
    assert normalize_phone("02-123-4567 / 081-234-5678") == "+6621234567, +66812345678"
    with pytest.raises(ContactError):
        normalize_phone("123")


def test_emails_are_checked_without_network():
    assert normalize_email(" a.b@Example.CO.TH ") == "a.b@example.co.th"
    with pytest.raises(ContactError):
        normalize_email("a@b@c")


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("15/03/2567", dt.date(2024, 3, 15)),
        ("15/03/2024", dt.date(2024, 3, 15)),
        ("2024-03-15", dt.date(2024, 3, 15)),
        ("๑๕/๐๓/๒๕๖๗", dt.date(2024, 3, 15)),
        ("15 มี.ค. 2567", dt.date(2024, 3, 15)),
        ("45366", dt.date(2024, 3, 15)),
        (45366.0, dt.date(2024, 3, 15)),
    ],
)
def test_dates_as_thai_spreadsheets_write_them(text, date):
    assert parse_date(text) == date


@pytest.mark.parametrize("text", ["31/02/2567", "2024-13-01", "soon", "0"])
def test_impossible_dates_are_refused(text):
    with pytest.raises(DateError):
        parse_date(text)


def test_dates_show_in_the_buddhist_era_in_thai():
    assert format_date(dt.date(2024, 3, 15), "th") == "15 มี.ค. 2567"
    assert format_date(dt.date(2024, 3, 15), "en") == "15 Mar 2024"


def test_formula_cells_are_neutralized_and_restored():
    for text in ("=1+1", "+66812345678", "-5", "@SUM(A1)", "\tx"):
        assert neutralize(text) == "'" + text
        assert unneutralize(neutralize(text)) == text
    assert neutralize("สมชาย") == "สมชาย"
    assert unneutralize("'quoted") == "'quoted"


def test_cell_text_reads_spreadsheet_values():
    assert cell_text(12.0) == "12"
    assert cell_text(None) == ""
    assert cell_text(dt.datetime(2024, 3, 15)) == "2024-03-15"
    assert cell_text("  a   b ") == "a b"


def test_fast_thai_phone_path_agrees_with_phonenumbers():
    import random

    import phonenumbers

    rng = random.Random(7)
    for _ in range(20_000):
        number = "0" + str(rng.randint(0, 10**9 - 1)).zfill(rng.choice([8, 9]))
        try:
            parsed = phonenumbers.parse(number, "TH")
        except phonenumbers.NumberParseException:
            parsed = None
        expected = (
            phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
            if parsed is not None and phonenumbers.is_valid_number(parsed)
            else None
        )
        try:
            found = normalize_phone(number)
        except ContactError:
            found = None
        assert found == expected, number


@pytest.mark.parametrize(
    "address",
    [
        "a@b.co",
        "first.last@example.co.th",
        "x+tag@sub.example.org",
        "a..b@example.org",
        ".a@example.org",
        "a.@example.org",
        "a@-example.org",
        "a@example",
        "สมชาย@example.org",
        "a@ตัวอย่าง.ไทย",
        "a b@example.org",
        "a@example..org",
    ],
)
def test_fast_email_path_agrees_with_email_validator(address):
    from email_validator import EmailNotValidError, validate_email

    try:
        expected = validate_email(address, check_deliverability=False).normalized
    except EmailNotValidError:
        expected = None
    try:
        found = normalize_email(address)
    except ContactError:
        found = None
    assert found == expected


def test_values_that_already_begin_with_an_apostrophe_round_trip():
    for text in ("'=x", "''+1", "'plain"):
        assert unneutralize(neutralize(text)) == text


def test_an_area_error_names_the_part_that_is_wrong():
    for args, part in [
        (("เชียงใหม",), "province"),
        (("ขอนแก่น", "สันทราย"), "district"),
        (("ขอนแก่น", "เมือง", "หนองหาร"), "subdistrict"),
    ]:
        with pytest.raises(areas.AreaError) as error:
            areas.resolve(*args)
        assert error.value.part == part
