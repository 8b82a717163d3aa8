"""The history tab of an indicator, activity or action-plan row: who changed what, and when."""

from django.views.generic import TemplateView

from actions.access import get_action_row_for_user
from monev.history import item_history
from monev.items import ACTIVITY, INDICATOR, ItemKind
from monev.selectors import row_queryset
from roadmap.mixins import EditionMixin


class ItemHistoryView(EditionMixin, TemplateView):
    kind: ItemKind
    template_name = "monev/history.html"

    def get_item(self):
        return self.kind.fetch(
            self.request.user, self.kwargs["pk"], queryset=self.kind.queryset(self.profile)
        )

    def get_context_data(self, **kwargs):
        item = self.get_item()
        self.show_edition_of(item.edition_pk)
        kind = self.kind.name if hasattr(self, "kind") else "row"
        return super().get_context_data(
            item=item, entries=item_history(item, self.profile), kind=kind, **kwargs
        )


class IndicatorHistoryView(ItemHistoryView):
    kind = INDICATOR


class ActivityHistoryView(ItemHistoryView):
    kind = ACTIVITY


class RowHistoryView(ItemHistoryView):
    def get_item(self):
        return get_action_row_for_user(
            self.request.user, self.kwargs["pk"], queryset=row_queryset(self.profile)
        )
