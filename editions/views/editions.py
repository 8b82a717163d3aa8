"""The editions of the road map: the list (and switcher), a new draft by copying, a draft's settings,
its check and enactment, and the page of an edition with its amendments."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.generic import FormView, TemplateView

from editions import services
from editions.access import get_draft_for_staff, require_editor
from editions.checks import check_edition
from editions.forms import CopyForm, DraftForm, EnactForm
from editions.mixins import OneEditionMixin, refusal_on_form
from roadmap.mixins import RoleRequiredMixin
from roadmap.models import RoadmapEdition


def switch_target(request) -> str:
    """Where "Lihat" on the list leads: the page the user came from, if it is one of this site's."""
    target = request.GET.get("next", "").split("?")[0]  # another edition's filters would not apply
    if target.startswith("/") and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return reverse("actions:overview")


class EditionListView(RoleRequiredMixin, TemplateView):
    template_name = "editions/edition_list.html"

    def get_context_data(self, **kwargs):
        in_force = RoadmapEdition.objects.current()
        editions = RoadmapEdition.objects.visible_to(self.profile).annotate(
            amendment_count=Count("amendments")
        )
        return super().get_context_data(
            editions=editions,
            in_force=in_force,
            target=switch_target(self.request),
            staff=self.profile.is_staff_member,
            **kwargs,
        )


class EditionCreateView(RoleRequiredMixin, FormView):
    template_name = "editions/edition_create.html"
    form_class = CopyForm
    access = staticmethod(require_editor)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "editions": RoadmapEdition.objects.visible_to(self.profile)}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            edition = services.copy_edition(
                source=data["source"],
                title=data["title"],
                start_year=data["start_year"],
                end_year=data["end_year"],
                regulation_type=data["regulation_type"],
                all_years=data["all_years"],
                user=self.request.user,
            )
        except ValidationError as error:
            refusal_on_form(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"{edition} dibuat dari {data['source']}. Ubah isinya, lalu tetapkan.")
        return redirect("editions:content", edition.pk)


class EditionDetailView(OneEditionMixin, TemplateView):
    template_name = "editions/edition_detail.html"

    def get_context_data(self, **kwargs):
        edition = self.subject
        staff = self.profile.is_staff_member
        return super().get_context_data(
            amendments=edition.amendments.annotate(change_count=Count("changes")),
            check=check_edition(edition) if staff and edition.is_draft else None,
            staff=staff,
            overview_url=reverse("actions:overview") + f"?edition={edition.pk}",
            **kwargs,
        )


class DraftSettingsView(OneEditionMixin, FormView):
    template_name = "editions/draft_settings.html"
    form_class = DraftForm
    access = staticmethod(require_editor)

    def fetch(self, request, pk):
        return get_draft_for_staff(request.user, pk)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": RoadmapEdition.objects.get(pk=self.subject.pk)}

    def form_valid(self, form):
        try:
            services.update_draft(edition=self.subject, values=form.cleaned_data, user=self.request.user)
        except ValidationError as error:
            refusal_on_form(form, error)
            return self.form_invalid(form)
        messages.success(self.request, "Data rancangan disimpan.")
        return redirect("editions:detail", self.subject.pk)


class EnactView(OneEditionMixin, FormView):
    template_name = "editions/enact.html"
    form_class = EnactForm
    access = staticmethod(require_editor)

    def fetch(self, request, pk):
        return get_draft_for_staff(request.user, pk)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": RoadmapEdition.objects.get(pk=self.subject.pk)}

    def get_context_data(self, **kwargs):
        return super().get_context_data(check=check_edition(self.subject), **kwargs)

    def form_valid(self, form):
        try:
            edition = services.enact_edition(
                edition=self.subject, regulation=form.regulation(), user=self.request.user
            )
        except ValidationError as error:
            refusal_on_form(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"{edition} ditetapkan; berlaku mulai {edition.start_year}.")
        return redirect("editions:detail", edition.pk)


class DraftDeleteView(OneEditionMixin, TemplateView):
    template_name = "editions/draft_delete.html"
    access = staticmethod(require_editor)

    def fetch(self, request, pk):
        return get_draft_for_staff(request.user, pk)

    def post(self, request, *args, **kwargs):
        name = str(self.subject)
        services.delete_draft(edition=self.subject, user=request.user)
        messages.success(request, f"{name} dihapus.")
        return redirect("editions:list")
