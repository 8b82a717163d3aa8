from areas.models import ChangeArea
from roadmap.models import RoadmapEdition

# The pages the navigation's "Road map" menu leads to: the menu is marked active on any of them.
ROADMAP_VIEWS = frozenset(
    {
        "actions:area-detail",
        "areas:indicator-list",
        "monev:indicator-detail",
        "actions:activity-list",
        "monev:activity-detail",
        "actions:quick-win-list",
        "actions:action-plan",
        "monev:action-row-detail",
        "roadmap:regulation",
        "roadmap:team-list",
        "roadmap:risk-list",
        "editions:list",
    }
)


def navigation(request):
    """The change areas of the edition the page shows (else the one in force), for the navigation bar
    (queried only when shown)."""
    edition = getattr(request, "edition", None)
    if edition is None:
        areas = ChangeArea.objects.filter(edition__in=RoadmapEdition.objects.in_force())
    else:
        areas = ChangeArea.objects.filter(edition=edition)
    return {"nav_areas": areas, "nav_roadmap_views": ROADMAP_VIEWS}
