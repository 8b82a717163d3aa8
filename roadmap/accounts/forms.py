"""Forms staff use to manage accounts, and the form users edit their own details with."""

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import PasswordChangeForm
from django.core.exceptions import ValidationError

from roadmap.forms import BootstrapFormMixin
from roadmap.models import Agency, Role

User = get_user_model()

AGENCY_REQUIRED = "Pilih Perangkat Daerah untuk admin Perangkat Daerah."
AGENCY_NOT_ALLOWED = (
    "Hanya admin Perangkat Daerah yang terhubung dengan Perangkat Daerah; kosongkan pilihan ini."
)


class StyledForm(BootstrapFormMixin, forms.Form):
    pass


class RoleFields(StyledForm):
    first_name = forms.CharField(label="Nama depan", max_length=150)
    last_name = forms.CharField(label="Nama belakang", max_length=150, required=False)
    email = forms.EmailField(label="Surel", required=False)
    role = forms.ChoiceField(label="Peran", choices=Role.choices)
    agency = forms.ModelChoiceField(
        label="Perangkat Daerah",
        queryset=Agency.objects.order_by("name"),
        required=False,
        empty_label="(tidak ada)",
        help_text="Wajib untuk admin Perangkat Daerah, kosong untuk peran lain.",
    )

    def clean(self):
        data = super().clean()
        role, agency = data.get("role"), data.get("agency")
        if role == Role.AGENCY_ADMIN and agency is None:
            self.add_error("agency", AGENCY_REQUIRED)
        if role and role != Role.AGENCY_ADMIN and agency is not None:
            self.add_error("agency", AGENCY_NOT_ALLOWED)
        return data


class NewPasswordFields(StyledForm):
    password1 = forms.CharField(
        label="Kata sandi sementara",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label="Ulangi kata sandi sementara",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    must_change_password = forms.BooleanField(
        label="Wajib diganti saat masuk pertama kali", required=False, initial=True
    )

    def user_for_validation(self):
        return None

    def clean(self):
        data = super().clean()
        password1, password2 = data.get("password1"), data.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", "Kedua kata sandi tidak sama.")
        elif password1:
            try:
                password_validation.validate_password(password1, self.user_for_validation())
            except ValidationError as error:
                self.add_error("password1", error)
        return data


class AccountCreateForm(RoleFields, NewPasswordFields):
    username = forms.RegexField(
        label="Nama pengguna",
        max_length=150,
        regex=r"^[\w.@+-]+$",
        error_messages={"invalid": "Gunakan huruf, angka dan @ . + - _ saja."},
    )
    field_order = ["username", "first_name", "last_name", "email", "role", "agency"]

    def clean_username(self):
        username = self.cleaned_data["username"]
        if User.objects.filter(username__iexact=username).exists():
            raise ValidationError("Nama pengguna ini sudah dipakai.")
        return username

    def user_for_validation(self):
        data = self.cleaned_data
        return User(
            username=data.get("username", ""),
            first_name=data.get("first_name", ""),
            email=data.get("email", ""),
        )


class AccountUpdateForm(RoleFields):
    is_active = forms.BooleanField(label="Aktif", required=False)


class TemporaryPasswordForm(NewPasswordFields):
    def __init__(self, *args, account, **kwargs):
        self.account = account
        super().__init__(*args, **kwargs)

    def user_for_validation(self):
        return self.account


class OwnDetailsForm(BootstrapFormMixin, forms.ModelForm):
    """Only these fields: role and agency can never be changed from one's own form."""

    class Meta:
        model = User
        fields = ["first_name", "last_name", "email"]
        labels = {"first_name": "Nama depan", "last_name": "Nama belakang", "email": "Surel"}


class StyledPasswordChangeForm(BootstrapFormMixin, PasswordChangeForm):
    pass
