import datetime

import pytest

from returns import codes
from returns.rows import RowError


def test_it_reads_codes_behind_drop_down_prefixes():
    assert codes.gender("a) Male") == "1"
    assert codes.gender("b) Female") == "2"
    assert codes.gender("c) Not stated/recorded") == "0"
    assert codes.ethnicity("k) APKN") == "APKN"
    assert codes.ethnicity("White British") == "WBRI"
    assert codes.code("q) 6: Police") == "6"
    assert codes.yes_no("a) Yes") is True


def test_it_reads_excel_serial_dates_and_english_day_first_dates():
    assert codes.date(44197) == datetime.date(2021, 1, 1)
    assert codes.date("44197") == datetime.date(2021, 1, 1)
    assert codes.date("02/03/2021") == datetime.date(2021, 3, 2)
    assert codes.date("2021-03-02") == datetime.date(2021, 3, 2)
    assert codes.date(datetime.datetime(2021, 3, 2, 0, 0)) == datetime.date(2021, 3, 2)


def test_it_treats_spreadsheet_errors_and_non_breaking_spaces_as_text_to_clean():
    assert codes.text("#N/A") == ""
    assert codes.text("Dustin\xa0 Hazlett") == "Dustin Hazlett"


@pytest.mark.parametrize(("reader", "value"), [
    (codes.gender, "x) Robot"),
    (codes.ethnicity, "ZZZZ"),
    (codes.date, "31/02/2021"),
    (codes.date, "=H2+5"),
    (codes.date, -3),
    (codes.yes_no, "perhaps"),
])
def test_it_rejects_unknown_codes_and_unreadable_dates(reader, value):
    with pytest.raises(RowError):
        reader(value)
