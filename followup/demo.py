"""Demo findings, added when ``seed_demo`` runs (see monev.devdata.demo_seeded): one of each state, so
every page of the register has something to show. Nothing is added when 2020 already has findings."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from areas.models import Indicator
from followup import services
from followup.models import Finding
from roadmap.models import Agency

DEMO_YEAR = 2020


def connect() -> None:
    from monev.devdata import demo_seeded

    demo_seeded.connect(seed, dispatch_uid="followup-demo")


@transaction.atomic
def seed(sender=None, **kwargs) -> None:
    if Finding.objects.filter(year=DEMO_YEAR).exists():
        return
    staff = get_user_model().objects.get(username="organisasi")
    agency = Agency.objects.get
    today = timezone.localdate()
    apip = Indicator.objects.filter(name="Kapabilitas Aparatur Pengawas Intern Pemerintahan").first()
    services.add_finding(
        user=staff,
        year=DEMO_YEAR,
        source="direction",
        description="Arahan Tim Pengarah: percepat penerapan SOP pengendalian gratifikasi di semua Perangkat Daerah.",
        agency=agency(code="inspektorat"),
        recommendation="Tetapkan SOP dan sosialisasikan kepada seluruh Perangkat Daerah.",
        deadline=today + datetime.timedelta(days=30),
        area=apip.area if apip else None,
    )
    late = services.add_finding(
        user=staff,
        year=DEMO_YEAR,
        source="other",
        description="Kapabilitas APIP 2020 belum mencapai level 3 tanpa catatan.",
        agency=agency(code="inspektorat"),
        recommendation="Lengkapi dokumen elemen kapabilitas yang masih kurang.",
        deadline=today + datetime.timedelta(days=30),
        area=apip.area if apip else None,
    )
    inspektorat = get_user_model().objects.get(username="inspektorat")
    services.record_step(
        finding=late,
        user=inspektorat,
        text="Rapat koordinasi penyusunan dokumen.",
        finished=False,
        link="https://example.org/notulen-rapat",
    )
    Finding.objects.filter(pk=late.pk).update(deadline=today - datetime.timedelta(days=10))  # now overdue
    done = services.add_finding(
        user=staff,
        year=DEMO_YEAR,
        source="direction",
        description="Arahan Tim Pengarah: tetapkan rencana kerja reformasi birokrasi tahun berikutnya.",
        agency=agency(code="bagian-organisasi"),
        recommendation="Susun dan tetapkan rencana kerja RB.",
        deadline=today + datetime.timedelta(days=60),
    )
    services.record_step(
        finding=done,
        user=staff,
        text="Rencana kerja RB ditetapkan.",
        finished=True,
        link="https://example.org/rkt",
    )
    services.verify(finding=done, user=staff)
