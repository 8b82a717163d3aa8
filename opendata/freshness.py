"""When the open data last changed, worked out cheaply: a few aggregate queries, never a rendering.

The data of an edition changes when a report is verified, corrected or un-verified (the verified
reports' count and latest change), when a target or an item changes (the targets' history and
the amendments' changes), when a quarter ends (an open year's state reads the quarters over), and
when the rules or this schema change. The validator is all of those; ``Last-Modified`` is the
latest of the moments among them. Clients send it back (``If-None-Match`` / ``If-Modified-Since``)
and get a 304 without the document being built.
"""

import datetime
import hashlib
from dataclasses import dataclass

from django.db.models import Count, Max, Q
from django.http import Http404, HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

from actions.models import ActivityTarget
from areas.models import IndicatorTarget
from editions.models import AmendmentChange
from monev.models import ActionProgress, Realisation, ReviewState
from monev.standing import Rules
from opendata.schema import VERSION
from roadmap.models import RoadmapEdition
from roadmap.notation import parse_whole


def chosen_edition(request) -> RoadmapEdition:
    """``?edition=<id>`` of an enacted edition, else the one in force; a draft is never public data."""
    if "edition" not in request.GET:
        edition = RoadmapEdition.objects.current()
        if edition is None:
            raise Http404("Belum ada road map yang dimuat.")
        return edition
    pk = parse_whole(request.GET["edition"])
    edition = RoadmapEdition.objects.enacted().filter(pk=pk).first() if pk is not None else None
    if edition is None:
        raise Http404("Edisi road map tidak dikenal.")
    return edition


def quarter_start(today: datetime.date) -> datetime.datetime:
    first = datetime.date(today.year, (today.month - 1) // 3 * 3 + 1, 1)
    return timezone.make_aware(datetime.datetime.combine(first, datetime.time()))


@dataclass(frozen=True)
class Freshness:
    key: str
    last_modified: datetime.datetime

    def etag(self, *extra) -> str:
        digest = hashlib.sha256("|".join([self.key, *map(str, extra)]).encode()).hexdigest()[:24]
        return f'"{digest}"'

    @property
    def timestamp(self) -> int:
        return int(self.last_modified.timestamp())


# Reports that are or were verified: one returned after its verification (or corrected) moves the
# latest change on, so If-Modified-Since sees it too; a report never reviewed changes nothing.
REPORTS = (Realisation, ActionProgress)
REVIEWED = Q(review_state=ReviewState.VERIFIED) | Q(reviewed_at__isnull=False)
COUNT_AND_LAST = {"n": Count("pk", filter=Q(review_state=ReviewState.VERIFIED)), "last": Max("updated_at")}


def freshness(edition: RoadmapEdition, today: datetime.date | None = None) -> Freshness:
    today = today or timezone.localdate()
    reports, progress = (model.objects.filter(REVIEWED).aggregate(**COUNT_AND_LAST) for model in REPORTS)
    moments = [
        reports["last"],
        progress["last"],
        IndicatorTarget.history.aggregate(last=Max("history_date"))["last"],
        ActivityTarget.history.aggregate(last=Max("history_date"))["last"],
        AmendmentChange.objects.aggregate(last=Max("made_at"))["last"],
        quarter_start(today),
    ]
    key = "|".join(
        map(
            str,
            [VERSION, edition.pk, reports["n"], progress["n"], *moments, repr(Rules.from_settings())],
        )
    )
    return Freshness(key, max(m for m in moments if m is not None))


def not_modified(request, etag: str, fresh: Freshness) -> HttpResponse | None:
    """A 304 (or 412) when the client's copy is still the current one, else None."""
    answer = get_conditional_response(request, etag=etag, last_modified=fresh.timestamp)
    if answer is not None and isinstance(answer, HttpResponseNotModified):
        stamp(answer, etag, fresh)
    return answer


def stamp(response: HttpResponse, etag: str, fresh: Freshness, private: bool = False) -> HttpResponse:
    response["ETag"] = etag
    response["Last-Modified"] = http_date(fresh.timestamp)
    # Revalidate every time: cheap (a 304 costs a few aggregate queries), and never stale.
    response["Cache-Control"] = f"{'private' if private else 'public'}, no-cache"
    if private:
        patch_vary_headers(response, ["Cookie"])
    return response
