from roadmap.access import profile_of


def account(request):
    """The signed-in user's profile (role, agency) for the navigation bar and role-aware pages.

    An error page may render before the user is known (a foreign Host header is refused first):
    it then shows the anonymous frame."""
    user = getattr(request, "user", None)
    return {"user_profile": profile_of(user) if user is not None else None}
