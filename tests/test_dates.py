"""One Indonesian format for dates and times, in pages, e-mails and workbooks (roadmap.dates)."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template

from roadmap.dates import format_date, format_datetime, format_time

UTC = datetime.UTC
MOMENT = datetime.datetime(2026, 11, 29, 19, 57, 12, tzinfo=UTC)  # 30 November, 02.57 in Jakarta


def test_a_date_is_day_month_year_in_indonesian():
    assert format_date(datetime.date(2026, 11, 30)) == "30 November 2026"
    assert format_date(datetime.date(2020, 1, 5)) == "5 Januari 2020"
    assert format_date(None) == ""


def test_a_moment_is_read_in_jakarta_with_a_dotted_time_and_the_zone():
    assert format_time(MOMENT) == "02.57 WIB"
    assert format_date(MOMENT) == "30 November 2026"  # the local day, not UTC's
    assert format_datetime(MOMENT) == "30 November 2026 02.57 WIB"
    naive = datetime.datetime(2020, 4, 1, 14, 5)
    assert format_datetime(naive) == "1 April 2020 14.05 WIB"  # naive moments are local already
    assert format_time(MOMENT.astimezone(ZoneInfo("Asia/Makassar"))) == "02.57 WIB"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("{{ day|id_date }}", "30 November 2026"),
        ("{{ moment|id_time }}", "02.57 WIB"),
        ("{{ moment|id_datetime }}", "30 November 2026 02.57 WIB"),
        ("{{ nothing|id_datetime|default:'–' }}", "–"),
    ],
)
def test_templates_use_the_same_format_without_loading_anything(source, expected):
    context = Context({"day": datetime.date(2026, 11, 30), "moment": MOMENT, "nothing": None})
    assert Template(source).render(context) == expected


def test_the_print_stamp_is_now_in_that_format():
    assert re.fullmatch(r"\d{1,2} \w+ \d{4} \d{2}\.\d{2} WIB", Template("{% id_now %}").render(Context()))
