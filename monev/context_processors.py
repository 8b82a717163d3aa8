from django.utils.functional import SimpleLazyObject

from monev.todo import task_count


def tasks(request):
    """The number of things the signed-in user must do, for the navigation bar (counted when shown)."""
    if not request.user.is_authenticated:
        return {}
    return {"nav_task_count": SimpleLazyObject(lambda: task_count(request.user))}
