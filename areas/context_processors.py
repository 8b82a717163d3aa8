from areas.models import ChangeArea
from roadmap.models import RoadmapEdition


def navigation(request):
    """The change areas of the edition in force, for the navigation bar (queried only when shown)."""
    return {"nav_areas": ChangeArea.objects.filter(edition__in=RoadmapEdition.objects.in_force())}
