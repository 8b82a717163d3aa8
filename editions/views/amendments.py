"""Amendments of an enacted road map: recording one (its legal basis and reason), its page grouping the
changes it made, and closing it once every change is in."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.views.generic import FormView, TemplateView

from editions import services
from editions.access import get_amendment_for_user, get_edition_for_user, require_editor
from editions.forms import AmendmentForm
from editions.mixins import OneEditionMixin, refusal_on_form
from editions.models import Amendment, ChangeKind
from roadmap.mixins import EditionMixin


class AmendmentCreateView(OneEditionMixin, FormView):
    template_name = "editions/amendment_form.html"
    form_class = AmendmentForm
    access = staticmethod(require_editor)

    def fetch(self, request, pk):
        edition = get_edition_for_user(request.user, pk, write=True)
        return edition

    def get_initial(self):
        return {"effective_year": self.subject.start_year}

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = Amendment(edition=self.subject)
        return kwargs

    def form_valid(self, form):
        try:
            amendment = services.create_amendment(
                edition=self.subject, **form.cleaned_data, user=self.request.user
            )
        except ValidationError as error:
            refusal_on_form(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            f"{amendment} dicatat. Ubah isi road map dengan memilih perubahan ini; selesaikan bila semua sudah masuk.",
        )
        return redirect("editions:content", self.subject.pk)


class AmendmentDetailView(EditionMixin, TemplateView):
    template_name = "editions/amendment_detail.html"

    def dispatch(self, request, *args, **kwargs):
        self.amendment = get_amendment_for_user(request.user, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def item_edition_pk(self) -> int:
        return self.amendment.edition_id

    def get_context_data(self, **kwargs):
        changes = list(
            self.amendment.changes.select_related(
                "indicator__area", "activity__area", "activity__quick_win", "row__area"
            )
        )
        groups = [(label, [c for c in changes if c.kind == kind]) for kind, label in ChangeKind.choices]
        return super().get_context_data(
            amendment=self.amendment,
            groups=[(label, items) for label, items in groups if items],
            staff=self.profile.is_staff_member,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        amendment = get_amendment_for_user(request.user, kwargs["pk"], write=True)
        try:
            services.close_amendment(amendment=amendment, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"{amendment} selesai dicatat.")
        return redirect(amendment.get_absolute_url())
