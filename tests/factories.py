"""Reports, progress, evidence and users for tests (factory_boy), on the regulation the test database holds.

The defaults point at items of the loaded Perbup 40/2020 fixtures (tests/conftest.py loads them):

* ``RealisationFactory()``: a draft TW I 2020 figure of 100 for the priority activity
  "Penanganan gratifikasi." (Inspektorat, %, target 100); pass ``indicator=`` for an indicator's
  figure instead (``indicator(INDEKS_RB)`` for instance), ``level=`` for a level instead of a number;
* ``ActionProgressFactory()``: TW I progress on the 2020 planned action of the action-plan row
  "Penanganan Gratifikasi" (led by Inspektorat), "in progress" at 50 %; the percentage follows
  the status (done is 100 %, not started 0 %) unless given;
* ``EvidenceFactory()``: a link on a new realisation; pass ``action_progress=`` or
  ``realisation=``, and ``file=ContentFile(..., name=...)`` for a file instead of a link;
* ``UserFactory(username=..., role=..., agency="inspektorat")``: a user who signs in with
  ``PASSWORD``, with a role profile when ``role`` is given.

``Factory.build(...)`` makes unsaved objects for ``bulk_create``.
"""

from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from factory.django import DjangoModelFactory

from actions.models import PlannedAction, PriorityActivity
from areas.models import Indicator
from monev.models import ActionProgress, ActionStatus, Evidence, Realisation
from roadmap.models import Agency, UserProfile

GRATIFIKASI = "Penanganan gratifikasi."  # priority activity, Inspektorat, %, target 100
INDEKS_RB = "Indeks Reformasi Birokrasi"  # key indicator, a number on the SAKIP scale
GRATIFIKASI_ROW = "Penanganan Gratifikasi"  # action-plan row led by Inspektorat, one action a year
YEAR = 2020
PASSWORD = "sandi-uji-2020"
LINK = "https://example.org/bukti"


def priority_activity(name: str = GRATIFIKASI, agency: str | None = "inspektorat") -> PriorityActivity:
    """A priority activity of the regulation by its name (and the code of its lead agency)."""
    lead = {"agency__code": agency} if agency else {}
    return PriorityActivity.objects.get(name=name, **lead)


def indicator(name: str = INDEKS_RB) -> Indicator:
    return Indicator.objects.get(name=name)


def planned_action(row: str = GRATIFIKASI_ROW, year: int = YEAR, order: int | None = None) -> PlannedAction:
    """The planned action of an action-plan row in a year (its only one, or the one at ``order``)."""
    position = {"order": order} if order is not None else {}
    return PlannedAction.objects.get(row__name=row, year=year, **position)


def percent_for(status: str) -> int:
    """A percentage the status allows: done is 100 %, not started 0 %, anything else half-way."""
    return {ActionStatus.DONE: 100, ActionStatus.NOT_STARTED: 0}.get(status, 50)


class RealisationFactory(DjangoModelFactory):
    class Meta:
        model = Realisation

    indicator = None
    plan_indicator = None
    activity = factory.LazyAttribute(
        lambda o: None if o.indicator or o.plan_indicator else priority_activity()
    )
    year = YEAR
    period = "q1"
    level = None
    is_nil = False
    number = factory.LazyAttribute(lambda o: None if o.level or o.is_nil else Decimal(100))


class ActionProgressFactory(DjangoModelFactory):
    class Meta:
        model = ActionProgress

    planned_action = factory.LazyFunction(planned_action)
    quarter = 1
    contributor = None
    # A lead agency's own part unless it is a contribution: by default the row's first Utama.
    lead = factory.LazyAttribute(
        lambda o: (
            None if o.contributor is not None else o.planned_action.row.leads.order_by("order").first().agency
        )
    )
    status = ActionStatus.IN_PROGRESS
    percent = factory.LazyAttribute(lambda o: percent_for(o.status))


class EvidenceFactory(DjangoModelFactory):
    class Meta:
        model = Evidence

    action_progress = None
    realisation = factory.Maybe(
        "action_progress", yes_declaration=None, no_declaration=factory.SubFactory(RealisationFactory)
    )
    file = ""
    link = factory.LazyAttribute(lambda o: "" if o.file else LINK)


class UserProfileFactory(DjangoModelFactory):
    class Meta:
        model = UserProfile

    class Params:
        agency_code = None

    user = None
    role = "steering"
    agency = factory.LazyAttribute(
        lambda o: Agency.objects.get(code=o.agency_code) if o.agency_code else None
    )


class UserFactory(DjangoModelFactory):
    """A user made the way people are (``create_user``), with a profile for ``role`` and ``agency`` (a code)."""

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    class Params:
        role = None
        agency = None

    username = factory.Sequence(lambda n: f"pengguna{n}")
    password = PASSWORD
    profile = factory.Maybe(
        "role",
        yes_declaration=factory.RelatedFactory(
            UserProfileFactory,
            factory_related_name="user",
            role=factory.SelfAttribute("..role"),
            agency_code=factory.SelfAttribute("..agency"),
        ),
    )

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return model_class._default_manager.create_user(*args, **kwargs)
