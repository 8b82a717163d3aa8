"""Agency plans (docs/plans.md): drafting with the Pokja's standard indicators, submitting, the review,
and reporting an approved plan's indicators through monev's reports."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from monev import services as monev_services
from monev.access import review_refusal
from monev.models import Realisation
from plans import services
from plans.forms import PlanCreateForm
from plans.models import PlanStatus, StandardIndicator
from roadmap.models import RoadmapEdition
from tests.factories import RealisationFactory, indicator
from tests.plans_helpers import OWN, STANDARD, make_plan, standard_indicator

pytestmark = pytest.mark.django_db


def test_a_new_plan_includes_every_published_standard_indicator(inspektorat_user):
    unpublished = StandardIndicator.objects.create(
        area=standard_indicator().area, name="Nilai SAKIP PD", is_published=False
    )
    plan = make_plan(user=inspektorat_user)
    names = set(plan.indicators.values_list("name", flat=True))
    assert STANDARD in names and OWN in names
    assert unpublished.name not in names
    # Publishing it adds it to the plans still being drafted.
    services.save_standard(standard=unpublished, is_published=True)
    assert plan.indicators.filter(standard=unpublished).exists()


def test_a_plan_is_submitted_only_with_every_target_set(inspektorat_user):
    plan = make_plan(user=inspektorat_user)
    plan.indicators.get(name=STANDARD).targets.filter(year=2021).delete()
    with pytest.raises(ValidationError, match=STANDARD):
        services.submit_plan(plan=plan, user=inspektorat_user)


def test_returning_a_plan_needs_a_note_and_the_agency_reads_it_beside_the_line(
    client, staff_user, inspektorat_user
):
    plan = make_plan(status=PlanStatus.SUBMITTED, user=inspektorat_user)
    own = plan.indicators.get(name=OWN)
    client.force_login(staff_user)
    response = client.post(plan.get_absolute_url(), {"review": "1", "decision": "return"})
    assert response.status_code == 400
    assert "Tulis catatan umum atau catatan pada baris" in response.content.decode()
    response = client.post(
        plan.get_absolute_url(),
        {"review": "1", "decision": "return", f"indicator_{own.pk}": "Target 2021 terlalu rendah."},
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == PlanStatus.RETURNED
    client.force_login(inspektorat_user)
    page = client.get(plan.get_absolute_url()).content.decode()
    assert "Target 2021 terlalu rendah." in page and "Ajukan ke Bagian Organisasi" in page


def test_a_submitted_plan_is_not_changed_by_its_lines_forms(client, inspektorat_user):
    plan = make_plan(status=PlanStatus.SUBMITTED, user=inspektorat_user)
    client.force_login(inspektorat_user)
    response = client.get(reverse("plans:indicator-add", args=[plan.pk]), follow=True)
    assert "tidak dapat diubah" in response.content.decode()


def test_a_bad_target_is_refused_beside_its_field_and_the_typing_kept(client, inspektorat_user):
    plan = make_plan(start_year=2022, user=inspektorat_user)
    activity = plan.activities.get()
    client.force_login(inspektorat_user)
    response = client.post(
        reverse("plans:indicator-add", args=[plan.pk]),
        {
            "activity": activity.pk,
            "name": "Jumlah inovasi",
            "target_kind": "number",
            "direction": "higher",
            "aggregation": "sum",
            "target_2022": "banyak",
            "target_2023": "3",
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "banyak" in page and "bukan angka atau tingkat pada skala" in page
    assert not plan.indicators.filter(name="Jumlah inovasi").exists()


def test_other_agencies_read_approved_plans_only(client, bkd_user, inspektorat_user):
    draft = make_plan(start_year=2022, user=inspektorat_user)
    approved = make_plan(status=PlanStatus.APPROVED, user=inspektorat_user)
    client.force_login(bkd_user)
    listed = client.get(reverse("plans:plan-list")).content.decode()
    assert approved.get_absolute_url() in listed
    assert draft.get_absolute_url() not in listed
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_a_verified_quarter_gives_the_plan_indicator_its_achievement(client, staff_user, inspektorat_user):
    plan = make_plan(status=PlanStatus.APPROVED, user=staff_user)
    own = plan.indicators.get(name=OWN)
    RealisationFactory(plan_indicator=own, period="q1", number=4, review_state="verified")
    client.force_login(inspektorat_user)
    page = client.get(reverse("monev:plan_indicator-detail", args=[own.pk])).content.decode()
    assert "40,00 %" in page  # 4 of the 10 SOP aimed at for 2020, by the road map's own rules
    assert "Laporkan realisasi" in page


def test_a_report_is_about_exactly_one_item(inspektorat_user):
    plan = make_plan(status=PlanStatus.APPROVED, user=inspektorat_user)
    with pytest.raises(IntegrityError), transaction.atomic():
        Realisation.objects.create(
            plan_indicator=plan.indicators.get(name=OWN),
            indicator=indicator(),
            year=2020,
            period="q1",
            number=1,
        )


def test_plan_reports_are_verified_by_staff_not_by_a_pokja(make_user, inspektorat_user, settings):
    settings.REVIEW_BY_POKJA = True
    plan = make_plan(status=PlanStatus.APPROVED, user=inspektorat_user)
    report = RealisationFactory(plan_indicator=plan.indicators.get(name=OWN), review_state="submitted")
    pokja_member = make_user("bkd", "agency_admin", "bkd")
    status, why = review_refusal(pokja_member, report)
    assert status == 403 and "rencana aksi" in why


def test_the_ranking_follows_verified_reports(client, pengarah_user, staff_user):
    inspektorat = make_plan(status=PlanStatus.APPROVED, user=staff_user)
    bkd = make_plan(agency="bkd", status=PlanStatus.APPROVED, user=staff_user)
    ranking_url = reverse("dashboards:agency-plan-ranking") + "?year=2020"
    RealisationFactory(plan_indicator=inspektorat.indicators.get(name=OWN), number=5, review_state="verified")
    RealisationFactory(plan_indicator=bkd.indicators.get(name=OWN), number=8, review_state="submitted")
    client.force_login(pengarah_user)
    page = client.get(ranking_url).content.decode()
    assert page.index("Inspektorat") < page.index("BKD")  # BKD's 8 SOP await verification: no figure yet
    monev_services.review_reports(
        reports=list(Realisation.objects.filter(plan_indicator__plan=bkd)), verify=True, user=staff_user
    )
    page = client.get(ranking_url).content.decode()
    assert page.index("BKD") < page.index("Inspektorat")  # 80 % against 50 %


def test_the_progress_page_reads_each_area_and_year(client, inspektorat_user, staff_user):
    plan = make_plan(status=PlanStatus.APPROVED, user=staff_user)
    RealisationFactory(
        plan_indicator=plan.indicators.get(name=STANDARD), period="q4", number=72, review_state="verified"
    )
    client.force_login(inspektorat_user)
    url = reverse("dashboards:agency-plan-progress", args=[plan.pk])
    page = client.get(url + "?year=2020").content.decode()
    assert "90,00 %" in page  # 72 of the 80 % aimed at
    assert "1 dari 2 indikator bertarget" in page
    page = client.get(url + "?year=2021").content.decode()
    assert "0 dari 2 indikator bertarget" in page


def test_the_agency_page_shows_its_own_plans(client, bkd_user, staff_user):
    draft = make_plan(start_year=2022, user=staff_user)
    approved = make_plan(status=PlanStatus.APPROVED, user=staff_user)
    client.force_login(bkd_user)
    page = client.get(reverse("actions:agency-detail", args=["inspektorat"])).content.decode()
    assert approved.get_absolute_url() in page and draft.get_absolute_url() not in page


def test_an_approved_plans_target_changes_only_by_a_revision_with_a_reason(client, staff_user):
    plan = make_plan(status=PlanStatus.APPROVED, user=staff_user)
    own = plan.indicators.get(name=OWN)
    url = reverse("plans:indicator-revise", args=[plan.pk, own.pk])
    client.force_login(staff_user)
    response = client.post(url, {"target_2020": "10", "target_2021": "14", "reason": " "})
    assert response.status_code == 400 and "Tuliskan alasan revisi target." in response.content.decode()
    assert own.targets.get(year=2021).as_written == "12"
    response = client.post(url, {"target_2020": "10", "target_2021": "14", "reason": "Rapat Pokja 3 Maret"})
    assert response.status_code == 302
    assert own.targets.get(year=2021).as_written == "14"
    page = client.get(plan.get_absolute_url()).content.decode()
    assert "Rapat Pokja 3 Maret" in page and "12 → <strong>14</strong>" in page
    # The line forms of drafting no longer apply to it.
    response = client.get(reverse("plans:indicator-edit", args=[plan.pk, own.pk]), follow=True)
    assert "tidak dapat diubah" in response.content.decode()


def test_the_printed_plan_carries_the_head_of_agencys_signature(client, inspektorat_user, staff_user):
    plan = make_plan(status=PlanStatus.APPROVED, user=staff_user)
    client.force_login(inspektorat_user)
    url = reverse("plans:plan-signatory", args=[plan.pk])
    fields = {
        "head_position": "Inspektur",
        "head_name": "Ir. Budi Santoso",
        "head_rank": "",
        "head_nip": "1970",
    }
    response = client.post(url, fields)
    assert response.status_code == 400 and "NIP terdiri dari 18 angka" in response.content.decode()
    client.post(url, {**fields, "head_nip": "19700101 199003 1 001"})
    page = client.get(reverse("plans:plan-print", args=[plan.pk])).content.decode()
    assert "Ir. Budi Santoso" in page and "NIP. 19700101 199003 1 001" in page
    assert "RENCANA AKSI REFORMASI BIROKRASI" in page and OWN in page


def test_the_year_end_report_has_a_section_on_the_agencies_plans(client, pengarah_user, staff_user):
    plan = make_plan(status=PlanStatus.APPROVED, user=staff_user)
    RealisationFactory(plan_indicator=plan.indicators.get(name=OWN), number=5, review_state="verified")
    client.force_login(pengarah_user)
    page = client.get(reverse("dashboards:report") + "?year=2020").content.decode()
    section = page[page.index("VII. Rencana aksi RB Perangkat Daerah") :]
    assert "50,00 %" in section  # 5 of Inspektorat's 10 SOP; its standard indicator not reported yet
    assert "Inspektorat: 2 indikator bertarget, 1 dengan angka terverifikasi." in section
    without = section[section.index("tanpa rencana aksi yang disetujui") :]
    assert "Badan Kepegawaian Daerah dan Diklat" in without and "Inspektorat" not in without


def test_a_plan_indicator_is_a_task_and_a_reminder_like_any_item(
    client, inspektorat_user, staff_user, q4_window
):
    from django.core import mail
    from django.core.management import call_command

    from monev.todo import tasks_for

    plan = make_plan(status=PlanStatus.APPROVED, user=staff_user)
    own = plan.indicators.get(name=OWN)
    missing = [m.item for m in tasks_for(inspektorat_user).missing]
    assert own in missing  # TW IV 2020 is open and the plan aims at 10 SOP in 2020
    client.force_login(inspektorat_user)
    page = client.get(reverse("monev:tasks")).content.decode()
    assert f"/plan-indicators/{own.pk}/report/?year=2020&amp;period=q4" in page
    inspektorat_user.email = "inspektorat@example.org"
    inspektorat_user.save()
    call_command("send_reminders", "--today", "2020-10-05", stdout=__import__("io").StringIO())
    assert any(OWN in message.body for message in mail.outbox)
    RealisationFactory(
        plan_indicator=own, period="q4", number=3, review_state="returned", review_note="Lampirkan SK"
    )
    tasks = tasks_for(inspektorat_user)
    assert own not in [m.item for m in tasks.missing]
    assert [t.item for t in tasks.returned if t.item == own] == [own]


def test_an_agency_is_offered_only_the_periods_it_has_no_plan_for(client, inspektorat_user, staff_user):
    make_plan(user=inspektorat_user, start_year=2020)
    client.force_login(inspektorat_user)
    form = client.get(reverse("plans:plan-list")).context["form"]
    offered = [year for year, _ in form.fields["start_year"].choices]
    assert 2020 not in offered and 2021 in offered
    assert form.fields["start_year"].initial in offered

    client.force_login(staff_user)  # staff choose the agency in the same form: every period is offered
    form = client.get(reverse("plans:plan-list")).context["form"]
    assert 2020 in [year for year, _ in form.fields["start_year"].choices]
    response = client.post(
        reverse("plans:plan-create"), {"agency": inspektorat_user.profile.agency.pk, "start_year": 2020}
    )
    assert response.status_code == 400  # refused beside the field, what was chosen kept
    assert "sudah memiliki rencana aksi mulai 2020" in response.content.decode()
    assert response.context["form"]["start_year"].value() == "2020"


def test_an_agency_with_a_plan_for_every_period_is_told_so(client, inspektorat_user):
    form = PlanCreateForm(
        edition=RoadmapEdition.objects.current(2020), agency=inspektorat_user.profile.agency
    )
    for year, _ in form.fields["start_year"].choices:
        make_plan(user=inspektorat_user, start_year=year)
    client.force_login(inspektorat_user)
    response = client.get(reverse("plans:plan-list"))
    html = response.content.decode()
    assert "sudah memiliki rencana aksi untuk setiap periode" in html and "Buat draf" not in html
