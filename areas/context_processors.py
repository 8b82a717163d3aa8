from areas.models import ChangeArea
from roadmap.models import RoadmapEdition


def navigation(request):
    """The change areas of the edition the page shows (else the one in force), for the navigation bar
    (queried only when shown)."""
    edition = getattr(request, "edition", None)
    if edition is None:
        return {"nav_areas": ChangeArea.objects.filter(edition__in=RoadmapEdition.objects.in_force())}
    return {"nav_areas": ChangeArea.objects.filter(edition=edition)}
