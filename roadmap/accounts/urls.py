from django.contrib.auth import views as auth_views
from django.urls import path

from roadmap.accounts import views

urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name="registration/login.html", redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/", views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "password/done/",
        auth_views.PasswordChangeDoneView.as_view(template_name="registration/password_change_done.html"),
        name="password_change_done",
    ),
    path("me/", views.OwnDetailsView.as_view(), name="own-details"),
    path("users/", views.AccountListView.as_view(), name="account-list"),
    path("users/new/", views.AccountCreateView.as_view(), name="account-create"),
    path("users/<int:pk>/", views.AccountEditView.as_view(), name="account-edit"),
    path("users/<int:pk>/password/", views.AccountPasswordView.as_view(), name="account-password"),
]
