import django_filters
import django_tables2 as tables
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.html import format_html

from roadmap.filters import StyledFilterSet
from roadmap.models import Agency, Role
from roadmap.tables import DateTimeColumn, Table

User = get_user_model()


class AccountTable(Table):
    username = tables.Column(verbose_name="Nama pengguna", linkify=("account-edit", {"pk": tables.A("pk")}))
    full_name = tables.Column(
        verbose_name="Nama", accessor="get_full_name", order_by=("first_name", "last_name")
    )
    role = tables.Column(verbose_name="Peran", accessor="profile__role", order_by=("profile__role",))
    agency = tables.Column(
        verbose_name="Perangkat Daerah",
        accessor="profile__agency__short_name",
        order_by=("profile__agency__name",),
    )
    is_active = tables.Column(verbose_name="Status")
    last_login = DateTimeColumn(verbose_name="Terakhir masuk", default="belum pernah")

    class Meta:
        model = User
        fields = ("username", "full_name", "role", "agency", "is_active", "last_login")
        empty_text = "Tidak ada akun yang cocok."
        attrs = {"class": "table table-sm table-hover align-middle", "aria-label": "Akun pengguna"}

    def render_is_active(self, value, record):
        if not value:
            return format_html('<span class="badge text-bg-secondary">{}</span>', "Nonaktif")
        if record.profile.must_change_password:
            return format_html('<span class="badge text-bg-warning">{}</span>', "Kata sandi sementara")
        return format_html('<span class="badge text-bg-success">{}</span>', "Aktif")


class AccountFilter(StyledFilterSet):
    q = django_filters.CharFilter(label="Cari", method="search")
    role = django_filters.ChoiceFilter(
        label="Peran", field_name="profile__role", choices=Role.choices, empty_label="Semua peran"
    )
    agency = django_filters.ModelChoiceFilter(
        label="Perangkat Daerah",
        field_name="profile__agency",
        queryset=Agency.objects.order_by("name"),
        empty_label="Semua Perangkat Daerah",
    )
    is_active = django_filters.BooleanFilter(label="Aktif")

    class Meta:
        model = User
        fields = ["q", "role", "agency", "is_active"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(username__icontains=value)
            | Q(first_name__icontains=value)
            | Q(last_name__icontains=value)
            | Q(email__icontains=value)
        )
