"""What the editions pages share: one edition (or one item of it) named in the path, shown in the edition bar."""

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.http import urlencode

from editions.access import get_edition_for_user
from roadmap.mixins import EditionMixin


class OneEditionMixin(EditionMixin):
    """A page about one edition (``pk`` in its path): EditionMixin shows that edition."""

    def fetch(self, request, pk):
        return get_edition_for_user(request.user, pk)

    def dispatch(self, request, *args, **kwargs):
        self.subject = self.fetch(request, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def item_edition_pk(self) -> int:
        return self.subject.pk


def refusal_on_form(form, error: ValidationError) -> None:
    """A service's refusal, beside the field it is about (or above the form); what was typed stays."""
    if hasattr(error, "error_dict"):
        for name, errors in error.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


# The content page's tab of the quick wins (``?area=quick-wins``); any other value names an area.
QUICK_WINS = "quick-wins"


def content_url(edition_pk: int, item=None, kind: str = "") -> str:
    """The edition's content page, on the tab that holds ``item`` (of ``kind``) and at its row."""
    url = reverse("editions:content", args=[edition_pk])
    if item is None:
        return url
    if kind == "area":
        tab = item.pk
    elif kind == "quick-win" or getattr(item, "area_id", None) is None:
        tab = QUICK_WINS
    else:
        tab = item.area_id
    anchor = f"#{kind}-{item.pk}" if item.pk else ""  # a draft's item deleted has no row to go to
    return f"{url}?{urlencode({'area': tab})}{anchor}"
