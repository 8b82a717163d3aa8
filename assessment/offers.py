"""Hasil values the application already holds, offered as answers with their source shown.

A question names a road-map indicator by its stable reference (``Question.indicator_ref``: nilai-sakip,
opini-bpk). For the Pemerintah Kabupaten's assessment (those indicators measure the whole regency) the
indicator's verified figure of the round's year is offered, or failing that of the latest earlier year
that has one, saying which year it is. Nothing is written until the person answering saves the form.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch

from areas.models import Indicator, ScaleLevel
from assessment.models import Assessment, Question, QuestionKind
from monev.models import Realisation, ReviewState
from monev.standing import year_status
from roadmap.models import RoadmapEdition


@dataclass(frozen=True)
class Offer:
    choice: str
    number: Decimal | None
    display: str
    source: str


def indicators_by_ref(refs: set[str]) -> dict[str, Indicator]:
    indicators = (
        Indicator.objects.filter(ref__in=refs, area__edition__in=RoadmapEdition.objects.in_force())
        .select_related("scale")
        .prefetch_related(
            "targets",
            Prefetch("realisations", queryset=Realisation.objects.filter(review_state=ReviewState.VERIFIED)),
            Prefetch("scale__levels", queryset=ScaleLevel.objects.order_by("order")),
        )
    )
    return {indicator.ref: indicator for indicator in indicators}


def latest_figure(indicator: Indicator, year: int):
    """The verified year figure of ``year``, or of the latest earlier year that has one."""
    years = sorted({r.year for r in indicator.realisations.all() if r.year <= year}, reverse=True)
    for candidate in years:
        status = year_status(indicator, candidate)
        if status.reported and not status.nil:
            return status
    return None


def offer_for(question: Question, status, indicator: Indicator) -> Offer | None:
    source = f"Realisasi terverifikasi {indicator.name} {status.year} ({status.basis})"
    cited = next((r.source for r in status.reports if r.source), "")
    if cited:
        source = f"{source}; {cited}"
    if question.kind in (QuestionKind.NUMBER, QuestionKind.PERCENT) and status.number is not None:
        return Offer("", status.number, question.display("", status.number), source[:300])
    if question.kind == QuestionKind.CHOICE and status.level is not None:
        codes = {c["code"] for c in question.choices}
        if status.level.code in codes:
            return Offer(status.level.code, None, status.level.label, source[:300])
    return None


def offers_for(assessment: Assessment, questions: list[Question]) -> dict[int, Offer]:
    """Question id → what the verified realisations offer as its answer (the regency's only)."""
    if not assessment.is_regency:
        return {}
    linked = [q for q in questions if q.indicator_ref]
    indicators = indicators_by_ref({q.indicator_ref for q in linked}) if linked else {}
    offers = {}
    for question in linked:
        indicator = indicators.get(question.indicator_ref)
        status = latest_figure(indicator, assessment.round.year) if indicator else None
        offer = offer_for(question, status, indicator) if status else None
        if offer is not None:
            offers[question.pk] = offer
    return offers
