from roadmap.access import profile_of


def account(request):
    """The signed-in user's profile (role, agency) for the navigation bar and role-aware pages."""
    return {"user_profile": profile_of(request.user)}
