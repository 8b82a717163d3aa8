"""The Pokja's template: standard agency indicators, kept by Bagian Organisasi."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.views.generic import TemplateView

from plans import access, services
from plans.forms import StandardIndicatorForm
from plans.models import StandardIndicator
from roadmap.access import require_staff
from roadmap.mixins import EditionMixin


class StandardListView(EditionMixin, TemplateView):
    """Every role reads the template (agencies see what their plan must include); staff edit it."""

    template_name = "plans/standard_list.html"

    def get_context_data(self, **kwargs):
        standards = StandardIndicator.objects.filter(area__edition=self.edition).select_related(
            "area", "scale"
        )
        return super().get_context_data(standards=standards, **kwargs)


class StandardEditView(EditionMixin, TemplateView):
    template_name = "plans/standard_form.html"
    access = staticmethod(require_staff)

    def dispatch(self, request, *args, **kwargs):
        pk = kwargs.get("pk")
        self.standard = access.get_standard_for_staff(request.user, pk) if pk else None
        return super().dispatch(request, *args, **kwargs)

    def item_edition_pk(self):
        return self.standard.area.edition_id if self.standard else None

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", StandardIndicatorForm(instance=self.standard, edition=self.edition))
        return super().get_context_data(standard=self.standard, **kwargs)

    def post(self, request, *args, **kwargs):
        form = StandardIndicatorForm(request.POST, instance=self.standard, edition=self.edition)
        if form.is_valid():
            try:
                standard = services.save_standard(
                    standard=self.standard, **{name: form.cleaned_data[name] for name in form.Meta.fields}
                )
            except ValidationError as error:
                form.add_error(None, " ".join(error.messages))
            else:
                messages.success(request, f"Indikator standar {standard.name} disimpan.")
                return redirect("plans:standard-list")
        return self.render_to_response(self.get_context_data(form=form), status=400)
