"""Keeps users without a role out, and sends users with a temporary password to change it first.

Also the application's own 404 page while DEBUG is on, and the benchmark's query counter (off by
default).
"""

from django.conf import settings
from django.db import connection
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.defaults import page_not_found

from roadmap.access import profile_of


class AccountMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        # Public views (marked with @login_not_required) and the Django admin are not ours to guard.
        if not user.is_authenticated or not getattr(view_func, "login_required", True):
            return None
        if request.path.startswith(reverse("admin:index")):
            return None
        if request.path in (reverse("logout"), reverse("password_change"), reverse("password_change_done")):
            return None
        profile = profile_of(user)
        if profile is None:
            return render(request, "registration/no_role.html", status=403)
        if profile.must_change_password:
            return redirect("password_change")
        return None


class OwnNotFoundMiddleware:
    """With DEBUG on (``make run``), a page that is not there, or not the user's, is still the
    application's Indonesian 404 page rather than Django's technical one listing every URL.

    With DEBUG off Django renders templates/404.html itself; this does nothing then.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.DEBUG and response.status_code == 404 and not getattr(response, "own_page", False):
            return self.own_page(request)  # an unknown URL, answered before any view ran
        return response

    def process_exception(self, request, exception):
        if settings.DEBUG and isinstance(exception, Http404):
            return self.own_page(request, exception)
        return None

    @staticmethod
    def own_page(request, exception=None):
        response = page_not_found(request, exception or Http404())
        response.own_page = True
        return response


class QueryCountMiddleware:
    """Adds ``X-Query-Count`` (database queries of the request) for the benchmark, when enabled.

    Off unless ``QUERY_COUNT_HEADER=true``: production never sends it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = 0

        def counter(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counter):
            response = self.get_response(request)
        response["X-Query-Count"] = str(count)
        return response
