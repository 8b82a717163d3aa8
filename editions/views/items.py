"""Adding, changing and dropping an edition's items: indicators, activities, action-plan rows, and (in a
draft) areas and quick wins. In an enacted edition every change is made under an open amendment."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.views.generic import FormView

from editions import services
from editions.access import get_edition_for_user, get_item_for_editing, require_editor
from editions.forms import ActivityForm, AreaForm, DropForm, IndicatorForm, QuickWinForm, RowForm
from editions.mixins import content_url, refusal_on_form
from roadmap.mixins import EditionMixin


class ItemFormView(EditionMixin, FormView):
    """``kind`` names the item; with ``pk`` in the path it changes that item, with ``edition`` it adds one."""

    kind: str
    access = staticmethod(require_editor)
    template_name = "editions/item_form.html"
    noun: str

    def dispatch(self, request, *args, **kwargs):
        if "edition" in kwargs:
            self.item = None
            self.subject = get_edition_for_user(request.user, kwargs["edition"], write=True)
        else:
            self.item = get_item_for_editing(request.user, self.kind, kwargs["pk"])
            self.subject = services.edition_of(self.item)
        return super().dispatch(request, *args, **kwargs)

    def item_edition_pk(self) -> int:
        return self.subject.pk

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "edition": self.subject, self.item_kwarg: self.item}

    item_kwarg = "item"

    def get_initial(self):
        initial = super().get_initial()
        area = self.request.GET.get("area")
        if self.item is None and area and area.isdigit():
            initial["area"] = int(area)
            initial["parent"] = f"area-{area}"
        return initial

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            item=self.item,
            noun=self.noun,
            content_url=self.content_url(),
            needs_amendment=not self.subject.is_draft,
            open_amendments=list(self.subject.amendments.open()) if not self.subject.is_draft else [],
            **kwargs,
        )

    def content_url(self) -> str:
        """Back to the content page's tab of the item (or of the area it is being added to)."""
        if self.item is not None:
            return content_url(self.subject.pk, self.item, self.kind)
        area = self.request.GET.get("area", "")
        url = content_url(self.subject.pk)
        return f"{url}?area={area}" if area.isdigit() else url

    def form_valid(self, form):
        try:
            saved = self.save(form)
        except ValidationError as error:
            refusal_on_form(form, error)
            return self.form_invalid(form)
        verb = "ditambahkan" if self.item is None else "disimpan"
        messages.success(self.request, f"{self.noun.capitalize()} “{saved}” {verb}.")
        return redirect(content_url(self.subject.pk, saved, self.kind))


class IndicatorFormView(ItemFormView):
    kind, noun, form_class, item_kwarg = "indicator", "indikator", IndicatorForm, "indicator"

    def save(self, form):
        return services.save_indicator(
            edition=self.subject,
            indicator=self.item,
            values=form.values(),
            cells=form.cells(),
            amendment=form.amendment,
            user=self.request.user,
        )


class ActivityFormView(ItemFormView):
    kind, noun, form_class, item_kwarg = "activity", "kegiatan prioritas", ActivityForm, "activity"

    def save(self, form):
        return services.save_activity(
            edition=self.subject,
            activity=self.item,
            values=form.values(),
            cells=form.cells(),
            amendment=form.amendment,
            user=self.request.user,
        )


class RowFormView(ItemFormView):
    kind, noun, form_class, item_kwarg = "row", "rencana aksi", RowForm, "row"

    def save(self, form):
        return services.save_action_row(
            edition=self.subject,
            row=self.item,
            values=form.values(),
            leads=form.ordered_leads(),
            supporters=list(form.cleaned_data["supporters"]),
            actions=form.actions(),
            amendment=form.amendment,
            user=self.request.user,
        )


class AreaFormView(ItemFormView):
    kind, noun, form_class, item_kwarg = "area", "area perubahan", AreaForm, "area"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.pop("edition")
        return kwargs

    def save(self, form):
        return services.save_area(
            edition=self.subject,
            area=self.item,
            name=form.cleaned_data["name"],
            pokja=form.ordered_pokja(),
            user=self.request.user,
        )


class QuickWinFormView(ItemFormView):
    kind, noun, form_class = "quick-win", "quick win", QuickWinForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = kwargs.pop("item")
        return kwargs

    def save(self, form):
        return services.save_quick_win(
            edition=self.subject, quick_win=self.item, values=form.values(), user=self.request.user
        )


class DropView(ItemFormView):
    """Drop an item: deleted from a draft; dropped from an enacted edition by an amendment."""

    template_name = "editions/item_drop.html"
    form_class = DropForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.pop(self.item_kwarg)
        return kwargs

    def form_valid(self, form):
        name = str(self.item)
        try:
            if self.kind == "area":
                services.delete_area(area=self.item, user=self.request.user)
            elif self.kind == "quick-win":
                services.delete_quick_win(quick_win=self.item, user=self.request.user)
            else:
                services.drop_item(item=self.item, amendment=form.amendment, user=self.request.user)
        except ValidationError as error:
            refusal_on_form(form, error)
            return self.form_invalid(form)
        verb = "dihapus" if self.subject.is_draft else f"dihapus mulai {form.amendment.effective_year}"
        messages.success(self.request, f"{self.noun.capitalize()} “{name}” {verb}.")
        if self.kind == "area":
            return redirect("editions:content", self.subject.pk)
        return redirect(content_url(self.subject.pk, self.item, self.kind))


class IndicatorDropView(DropView):
    kind, noun = "indicator", "indikator"


class ActivityDropView(DropView):
    kind, noun = "activity", "kegiatan prioritas"


class RowDropView(DropView):
    kind, noun = "row", "rencana aksi"


class AreaDropView(DropView):
    kind, noun = "area", "area perubahan"


class QuickWinDropView(DropView):
    kind, noun = "quick-win", "quick win"
