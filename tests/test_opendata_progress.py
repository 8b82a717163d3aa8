"""The open data of verified progress (/data-terbuka/): only verified values, no person, exact
figures from the one rule, conditional GET, editions, and the schema pinned to its version."""

import csv
import datetime
import gc
import io
import json
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from actions.models import ActivityTarget, PriorityActivity
from areas.models import IndicatorTarget
from monev.models import ActionProgress, ActionStatus, ReviewState
from monev.services import review_reports
from opendata import progress, schema
from roadmap.models import RoadmapEdition
from tests.factories import (
    ActionProgressFactory,
    RealisationFactory,
    UserFactory,
    planned_action,
    priority_activity,
)

pytestmark = pytest.mark.django_db

PROMOSI = "Promosi jabatan secara terbuka."  # BKD, ASN, summed quarters, target 125 in 2020
# The fingerprint of each schema version's field names and types: a field changed without a new
# version fails here. On purpose: bump schema.VERSION, describe the change, pin the new print.
PINNED = {1: "73b0e488bc58700f"}


def files(client, **query) -> dict[str, str]:
    """Every public output: the JSON, each CSV, the page and the schema, as text."""
    out = {"json": client.get(reverse("opendata:json"), query).content.decode()}
    for name in schema.CSV_TABLES.values():
        out[name] = client.get(reverse("opendata:csv", args=[name]), query).content.decode()
    out["page"] = client.get(reverse("opendata:progress"), query).content.decode()
    for year in (2019, 2020, 2021):
        out[f"page-{year}"] = client.get(
            reverse("opendata:progress"), {**query, "year": year}
        ).content.decode()
    out["schema"] = client.get(reverse("opendata:schema")).content.decode()
    return out


def verified(**fields):
    reviewer = fields.pop("reviewer", None)
    report = RealisationFactory(review_state=ReviewState.SUBMITTED, **fields)
    review_reports(reports=[report], verify=True, user=reviewer or UserFactory(role="staff"))
    report.refresh_from_db()
    return report


@pytest.fixture
def mixed_reports(staff_user):
    """Verified reports with notes, and a draft, a submitted and a returned report with values that
    appear nowhere else, all written and reviewed by people with distinctive names."""
    writer = UserFactory(
        username="penulis_zulkarnain",
        first_name="Zulkarnain",
        last_name="Wibisono",
        email="zulkarnain.wibisono@example.org",
        role="agency_admin",
        agency="bkd",
    )
    reviewer = UserFactory(
        username="pemeriksa_sekarwangi",
        first_name="Sekarwangi",
        last_name="Prameswari",
        email="sekar@example.org",
        role="staff",
    )
    promosi = priority_activity(PROMOSI, "bkd")
    secret = {
        "note": "KETERANGAN-RAHASIA",
        "obstacles": "KENDALA-RAHASIA",
        "follow_up": "TINDAK-LANJUT-RAHASIA",
    }
    verified(activity=promosi, period="q1", number=30, reported_by=writer, reviewer=reviewer, **secret)
    verified(activity=promosi, period="q2", number=28, reported_by=writer, reviewer=reviewer, **secret)
    RealisationFactory(activity=promosi, period="q3", number=Decimal("777.77"), reported_by=writer, **secret)
    RealisationFactory(
        activity=promosi, period="q4", number=Decimal("888.88"), review_state=ReviewState.SUBMITTED, **secret
    )
    RealisationFactory(
        activity=promosi,
        period="year",
        number=Decimal("999.99"),
        review_state=ReviewState.RETURNED,
        reviewed_by=reviewer,
        review_note="CATATAN-PEMERIKSA-RAHASIA",
        **secret,
    )
    action = planned_action()
    done = ActionProgressFactory(
        planned_action=action, quarter=1, status=ActionStatus.IN_PROGRESS, percent=40, **secret
    )
    done.review_state = ReviewState.SUBMITTED
    done.save()
    review_reports(reports=[done], verify=True, user=reviewer)
    for quarter, percent, state in ((2, 61, "draft"), (3, 73, "submitted"), (4, 89, "returned")):
        ActionProgressFactory(
            planned_action=action,
            quarter=quarter,
            status=ActionStatus.IN_PROGRESS,
            percent=percent,
            review_state=state,
            review_note="CATATAN-PEMERIKSA-RAHASIA",
            **secret,
        )
    return promosi


def test_nothing_unverified_no_note_and_no_person_is_published(client, mixed_reports):
    outputs = files(client)
    # Every way a person is named, for the people of this test (the fixtures' "organisasi" is also
    # a word of an agency's name, which is public), and every e-mail address there is.
    people = [
        text
        for user in get_user_model().objects.filter(
            username__in=["penulis_zulkarnain", "pemeriksa_sekarwangi"]
        )
        for text in (user.username, user.first_name, user.last_name, user.get_full_name())
    ] + [user.email for user in get_user_model().objects.exclude(email="")]
    assert "Sekarwangi Prameswari" in people and "zulkarnain.wibisono@example.org" in people
    forbidden = people + [
        "777.77",
        "777,77",
        "888.88",
        "888,88",
        "999.99",
        "999,99",  # unverified values  # fmt: skip
        "RAHASIA",  # every note, obstacle, follow-up and reviewer's note
    ]
    found = [f"{text!r} in {name}" for name, body in outputs.items() for text in forbidden if text in body]
    assert found == []
    # The verified figures are there; the progress reports awaiting review, returned or drafts are not.
    document = json.loads(outputs["json"])
    assert {r["reported_value"] for r in document["realisations"] if r["item"] == PROMOSI} == {30, 28}
    percents = {part["percent"] for row in document["action_progress"] for part in row["parts"]}
    assert percents == {40}
    assert [row["quarter"] for row in document["action_progress"]] == [1]


def test_the_figures_are_the_one_rule_on_verified_reports(client, mixed_reports):
    document = client.get(reverse("opendata:json")).json()
    year = next(r for r in document["achievements"] if r["item"] == PROMOSI and r["year"] == 2020)
    assert year | {"verified_at": None} == year | {
        "item_kind": "activity",
        "agency": "Badan Kepegawaian Daerah dan Diklat",
        "target": 125,
        "value": 58,
        "basis": "jumlah TW I–II",
        "complete": False,
        "achievement_percent": 46.4,
        "achievement": "46,40 %",
        "met": False,
        "state": "not_met",
        "state_label": "Tidak tercapai",
        "category": "Sangat rendah",
        "verified_at": None,
    }
    assert datetime.datetime.fromisoformat(year["verified_at"]).utcoffset() == datetime.timedelta(hours=7)
    rows = [r for r in document["realisations"] if r["item"] == PROMOSI]
    # Each quarter as it stood at its end: the summed figure against the target due by then.
    assert [
        (r["period_label"], r["value"], r["compared_with"], r["achievement_percent"], r["state"])
        for r in rows
    ] == [
        ("TW I", 30, "target s.d. TW I", 96, "behind"),
        ("TW II", 58, "target s.d. TW II", 92.8, "behind"),
    ]
    area = next(
        r
        for r in document["summary"]
        if r["year"] == 2020 and r["area"] == "Penataan Sistem Manajemen Sumber Daya Manusia Aparatur"
    )
    assert (area["items_reported"], area["average_percent"], area["category"]) == (1, 46.4, "Sangat rendah")
    plan = next(r for r in document["action_progress"])
    assert (plan["row"], plan["percent"], plan["done"], plan["parts_text"]) == (
        "Penanganan Gratifikasi",
        40,
        False,
        "Sedang berjalan (40 %)",
    )


def test_the_page_shows_the_regency_by_area_and_year_without_login(client, mixed_reports):
    response = client.get(reverse("opendata:progress"), {"year": 2020})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Capaian per area perubahan, 2020" in page
    assert "Penataan Sistem Manajemen Sumber Daya Manusia Aparatur" in page
    assert "46,40 %" in page and "Sangat rendah" in page
    assert "CC BY 4.0" in page and "304" in page  # the licence, and how to poll
    assert reverse("opendata:schema") in page and reverse("opendata:json") in page


def test_a_csv_file_has_the_schema_columns_and_spreadsheet_safe_cells(client, mixed_reports):
    response = client.get(reverse("opendata:csv", args=["realisasi"]))
    assert (
        response["Content-Disposition"] == 'attachment; filename="data-terbuka-perbup-40-2020-realisasi.csv"'
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == schema.csv_columns("realisations")
    promosi = [dict(zip(rows[0], row, strict=True)) for row in rows[1:] if row[4] == PROMOSI]
    assert [(r["period"], r["reported_value"], r["complete"], r["achievement"]) for r in promosi] == [
        ("q1", "30", "false", "96,00 %"),
        ("q2", "28", "false", "92,80 %"),
    ]
    assert client.get(reverse("opendata:csv", args=["passwd"])).status_code == 404


# --- Conditional GET -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "address",
    [reverse("opendata:json"), reverse("opendata:csv", args=["capaian"]), reverse("opendata:progress")],
)
def test_clients_poll_cheaply_and_see_each_verification(
    client, mixed_reports, address, django_assert_num_queries
):
    first = client.get(address)
    etag, modified = first["ETag"], first["Last-Modified"]
    assert first.status_code == 200 and etag and modified and "no-cache" in first["Cache-Control"]
    with django_assert_num_queries(6):  # the edition, the validator's 5 aggregates: nothing built
        again = client.get(address, headers={"If-None-Match": etag})
    assert (again.status_code, again.content, again["ETag"]) == (304, b"", etag)
    assert client.get(address, headers={"If-Modified-Since": modified}).status_code == 304
    verified(activity=mixed_reports, period="q3", number=40, year=2021)
    changed = client.get(address, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_a_head_request_answers_with_the_validators_alone(client):
    answer = client.head(reverse("opendata:json"))
    assert answer.status_code == 200 and answer.content == b"" and answer["ETag"]
    assert client.head(reverse("opendata:json"), headers={"If-None-Match": answer["ETag"]}).status_code == 304


def test_a_draft_or_awaiting_report_changes_nothing_a_client_sees(client, mixed_reports):
    etag = client.get(reverse("opendata:json"))["ETag"]
    RealisationFactory(activity=mixed_reports, period="q1", year=2021, number=5)
    RealisationFactory(activity=mixed_reports, period="q2", year=2021, number=5, review_state="submitted")
    assert client.get(reverse("opendata:json"), headers={"If-None-Match": etag}).status_code == 304


def test_a_verified_report_returned_is_seen_by_every_kind_of_client(client, mixed_reports, staff_user):
    # Everything verified and loaded an hour ago: Last-Modified counts whole seconds.
    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    mixed_reports.realisations.update(updated_at=an_hour_ago)
    ActionProgress.objects.update(updated_at=an_hour_ago)
    for model in (IndicatorTarget, ActivityTarget):
        model.history.update(history_date=an_hour_ago)
    first = client.get(reverse("opendata:json"))
    report = mixed_reports.realisations.get(period="q2")
    review_reports(reports=[report], verify=False, note="Angka salah ketik", user=staff_user)
    for condition in ({"If-None-Match": first["ETag"]}, {"If-Modified-Since": first["Last-Modified"]}):
        answer = client.get(reverse("opendata:json"), headers=condition)
        assert answer.status_code == 200 and b"Angka salah ketik" not in answer.content
        assert [r["period"] for r in answer.json()["realisations"] if r["item"] == PROMOSI] == ["q1"]


def test_a_new_quarter_is_a_new_version(mixed_reports, monkeypatch):
    from opendata import freshness as module

    edition = RoadmapEdition.objects.current()
    september = module.freshness(edition, datetime.date(2026, 9, 30))
    assert module.freshness(edition, datetime.date(2026, 9, 1)).etag() == september.etag()
    assert module.freshness(edition, datetime.date(2026, 10, 1)).etag() != september.etag()


def test_a_signed_in_page_is_never_served_from_a_shared_cache(client, pengarah_user):
    client.force_login(pengarah_user)
    response = client.get(reverse("opendata:progress"))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-cache" and not response.has_header("ETag")


# --- Editions ------------------------------------------------------------------------------------


def test_a_draft_edition_is_never_open_data(client, staff_user):
    from editions.services import copy_edition

    draft = copy_edition(
        source=RoadmapEdition.objects.current(),
        title="Rancangan",
        start_year=2021,
        end_year=2024,
        user=staff_user,
    )
    client.force_login(staff_user)
    for address in (
        reverse("opendata:json"),
        reverse("opendata:progress"),
        reverse("opendata:csv", args=["capaian"]),
    ):
        assert client.get(address, {"edition": draft.pk}).status_code == 404
    assert client.get(reverse("opendata:json"), {"edition": "x"}).status_code == 404


def test_each_edition_publishes_its_own_items_and_reports(client, mixed_reports, staff_user):
    from editions.services import copy_edition, enact_edition

    old = RoadmapEdition.objects.current()
    draft = copy_edition(
        source=old, title="Road Map RB 2021-2024", start_year=2021, end_year=2024, user=staff_user
    )
    regulation = {"regulation_number": 12, "regulation_year": 2021, "enacted_on": datetime.date(2021, 3, 1)}
    new = enact_edition(edition=draft, regulation=regulation, user=staff_user)
    carried = PriorityActivity.objects.of_edition(new).get(name=PROMOSI)
    verified(activity=carried, year=2021, period="q1", number=12)

    def promosi_reports(**query):
        document = client.get(reverse("opendata:json"), query).json()
        return document["edition"]["regulation"], [
            (r["item_code"], r["year"], r["period"]) for r in document["realisations"] if r["item"] == PROMOSI
        ]

    assert promosi_reports(edition=old.pk) == (
        "Peraturan Bupati Pekalongan Nomor 40 Tahun 2020",
        [(f"K-{mixed_reports.pk}", 2020, "q1"), (f"K-{mixed_reports.pk}", 2020, "q2")],
    )
    assert promosi_reports() == (
        "Peraturan Bupati Pekalongan Nomor 12 Tahun 2021",
        [(f"K-{carried.pk}", 2021, "q1")],
    )
    page = client.get(reverse("opendata:progress"), {"edition": old.pk}).content.decode()
    assert f"?edition={new.pk}" in page and "Perbup 12/2021" in page  # the other edition, one click away


# --- The schema ----------------------------------------------------------------------------------


def test_the_schema_version_pins_every_field_name_and_type():
    assert schema.fingerprint() == PINNED[schema.VERSION], (
        "A field of the open data changed: bump opendata.schema.VERSION and pin the new fingerprint."
    )


def test_every_output_field_is_described_and_nothing_else_is_output(client, mixed_reports):
    document = client.get(reverse("opendata:json")).json()
    assert list(document) == [f.name for f in schema.DOCUMENT]
    for table in schema.TABLES:
        assert document[table], table
        for row in document[table]:
            assert list(row) == schema.field_names(table), table
    assert document["schema"] == {
        "version": schema.VERSION,
        "url": f"http://testserver/data-terbuka/skema/v{schema.VERSION}.json",
    }


def test_the_schema_is_served_as_json_and_as_a_page(client):
    described = client.get(reverse("opendata:schema-json", kwargs={"version": schema.VERSION})).json()
    assert described["version"] == schema.VERSION
    assert [f["name"] for f in described["tables"]["achievements"]["fields"]] == schema.field_names(
        "achievements"
    )
    assert (
        client.get(reverse("opendata:schema-json", kwargs={"version": schema.VERSION + 1})).status_code == 404
    )
    page = client.get(reverse("opendata:schema")).content.decode()
    assert all(
        f"<code>{name}</code>" in page for table in schema.TABLES for name in schema.field_names(table)
    )


def test_a_timestamp_is_in_the_regency_time_zone():
    from opendata.progress import timestamp

    moment = datetime.datetime(2020, 4, 20, 2, 15, tzinfo=datetime.UTC)
    assert timestamp(moment) == "2020-04-20T09:15:00+07:00"
    assert timezone.get_current_timezone_name() == "Asia/Jakarta"


def test_a_download_leaves_its_reports_to_reference_counting(edition):
    """Each verified report is freed as the download goes, not left in reference cycles for the
    garbage collector to find during the worker's next request (``opendata.selectors.let_go``)."""

    def garbage_of_a_download() -> int:
        gc.collect()
        gc.disable()
        try:
            progress.build(edition)
            return gc.collect()
        finally:
            gc.enable()

    before = garbage_of_a_download()
    for activity in PriorityActivity.objects.of_edition(edition)[:40]:
        for period in ("q1", "q2", "q3", "q4"):
            RealisationFactory(activity=activity, period=period, review_state=ReviewState.VERIFIED)
    assert garbage_of_a_download() - before < 160  # fewer than one object per report added
