from django.utils.functional import SimpleLazyObject

from monev.todo import task_count


def tasks(request):
    """The number of things the signed-in user must do, for the navigation bar (counted when shown)."""
    user = getattr(request, "user", None)  # none yet on an early error page
    if user is None or not user.is_authenticated:
        return {}
    return {"nav_task_count": SimpleLazyObject(lambda: task_count(user))}
