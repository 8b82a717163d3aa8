"""Account pages: staff manage accounts; every user edits their own details and password."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.views.generic import FormView, UpdateView
from django_tables2 import SingleTableMixin

from roadmap.access import get_account_for_user, require_account_manager
from roadmap.accounts import services
from roadmap.accounts.forms import (
    AccountCreateForm,
    AccountUpdateForm,
    OwnDetailsForm,
    StyledPasswordChangeForm,
    TemporaryPasswordForm,
)
from roadmap.accounts.tables import AccountFilter, AccountTable
from roadmap.mixins import LenientFilterView, RoleRequiredMixin
from roadmap.spreadsheets import TableExportMixin

User = get_user_model()


class AccountManagerMixin(RoleRequiredMixin):
    access = staticmethod(require_account_manager)


class AccountListView(AccountManagerMixin, TableExportMixin, SingleTableMixin, LenientFilterView):
    export_title, export_name = "Akun pengguna", "akun"
    template_name = "accounts/account_list.html"
    table_class = AccountTable
    filterset_class = AccountFilter
    table_pagination = {"per_page": 50}

    def get_queryset(self):
        return (
            User.objects.filter(is_superuser=False, profile__isnull=False)
            .select_related("profile__agency")
            .order_by("username")
        )


class AccountCreateView(AccountManagerMixin, FormView):
    template_name = "accounts/account_form.html"
    form_class = AccountCreateForm

    def form_valid(self, form):
        data = form.cleaned_data
        account = services.create_account(
            username=data["username"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            email=data["email"],
            role=data["role"],
            agency=data["agency"],
            password=data["password1"],
            must_change_password=data["must_change_password"],
        )
        messages.success(self.request, f"Akun {account.username} dibuat.")
        return redirect("account-list")


class AccountEditView(FormView):
    template_name = "accounts/account_form.html"
    form_class = AccountUpdateForm

    def dispatch(self, request, *args, **kwargs):
        self.account = get_account_for_user(request.user, kwargs["pk"], write=True)
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        profile = getattr(self.account, "profile", None)
        return {
            "first_name": self.account.first_name,
            "last_name": self.account.last_name,
            "email": self.account.email,
            "role": profile.role if profile else None,
            "agency": profile.agency if profile else None,
            "is_active": self.account.is_active,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(account=self.account, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        if self.account == self.request.user and not data["is_active"]:
            form.add_error("is_active", "Anda tidak dapat menonaktifkan akun Anda sendiri.")
            return self.form_invalid(form)
        services.update_account(account=self.account, **data)
        messages.success(self.request, f"Akun {self.account.username} disimpan.")
        return redirect("account-list")


class AccountPasswordView(FormView):
    template_name = "accounts/account_password.html"
    form_class = TemporaryPasswordForm

    def dispatch(self, request, *args, **kwargs):
        self.account = get_account_for_user(request.user, kwargs["pk"], write=True)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "account": self.account}

    def get_context_data(self, **kwargs):
        return super().get_context_data(account=self.account, **kwargs)

    def form_valid(self, form):
        services.set_temporary_password(
            account=self.account,
            password=form.cleaned_data["password1"],
            must_change_password=form.cleaned_data["must_change_password"],
        )
        messages.success(self.request, f"Kata sandi sementara untuk {self.account.username} disimpan.")
        return redirect("account-edit", pk=self.account.pk)


class OwnDetailsView(RoleRequiredMixin, UpdateView):
    template_name = "accounts/own_details.html"
    form_class = OwnDetailsForm
    success_url = reverse_lazy("own-details")

    def get_object(self, queryset=None):
        return self.request.user

    def form_valid(self, form):
        messages.success(self.request, "Data Anda disimpan.")
        return super().form_valid(form)


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "registration/password_change_form.html"
    form_class = StyledPasswordChangeForm

    def form_valid(self, form):
        response = super().form_valid(form)
        services.password_changed(user=self.request.user)
        return response

    def get_success_url(self):
        return reverse("password_change_done")
