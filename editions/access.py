"""Fetching editions, their items and amendments for a user (see roadmap.access).

Every role reads enacted editions and their amendments; a draft is staff's only, and to anybody
else it does not exist (404). Only staff write: another role asking to is a 403.
"""

from functools import partial

from django.shortcuts import get_object_or_404

from actions.models import ActionPlanRow, PriorityActivity, QuickWin
from areas.models import ChangeArea, Indicator
from editions.models import Amendment
from roadmap.access import require_profile, require_staff
from roadmap.models import RoadmapEdition, UserProfile

require_editor = partial(
    require_staff, why="Hanya staf Bagian Organisasi yang menyusun dan mengubah road map."
)

ITEM_QUERYSETS = {
    "indicator": lambda: Indicator.objects.select_related(
        "area__edition", "scale", "data_owner"
    ).prefetch_related("targets__level"),
    "activity": lambda: PriorityActivity.objects.select_related(
        "area__edition", "quick_win__edition", "agency"
    ).prefetch_related("targets__level"),
    "row": lambda: ActionPlanRow.objects.select_related("area__edition", "group").prefetch_related(
        "leads__agency", "supporting_agencies", "planned_actions"
    ),
    "area": lambda: ChangeArea.objects.select_related("edition").prefetch_related(
        "pokja_memberships__agency"
    ),
    "quick-win": lambda: QuickWin.objects.select_related("edition", "lead_agency"),
}


def get_edition_for_user(user, pk: int, write: bool = False) -> RoadmapEdition:
    profile = require_editor(user) if write else require_profile(user)
    return get_object_or_404(RoadmapEdition.objects.visible_to(profile), pk=pk)


def get_draft_for_staff(user, pk: int) -> RoadmapEdition:
    """A draft's own settings, its enactment and its deletion: staff, and only while it is a draft."""
    require_editor(user)
    return get_object_or_404(RoadmapEdition.objects.drafts(), pk=pk)


def get_item_for_editing(user, kind: str, pk: int):
    """An item staff edit (in a draft directly, in an enacted edition under an amendment)."""
    require_editor(user)
    return get_object_or_404(ITEM_QUERYSETS[kind](), pk=pk)


def get_amendment_for_user(user, pk: int, write: bool = False) -> Amendment:
    profile: UserProfile = require_editor(user) if write else require_profile(user)
    return get_object_or_404(
        Amendment.objects.select_related("edition", "created_by").filter(
            edition__in=RoadmapEdition.objects.visible_to(profile)
        ),
        pk=pk,
    )
