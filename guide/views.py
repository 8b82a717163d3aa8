"""The help pages: the list of guides, one guide per role, and *Apa yang baru*.

Every signed-in user with a role may read every guide (an agency admin may want to know what the
verifier sees); like every page but the open data, they need a login.
"""

from dataclasses import dataclass

from django.contrib.staticfiles import finders
from django.http import Http404
from django.urls import reverse
from django.views.generic import TemplateView

from guide.guides import SHOTS_STATIC, StepRef, all_guides, guide_by_slug, guide_for_role, steps
from guide.releases import RELEASES
from roadmap.mixins import RoleRequiredMixin


@dataclass(frozen=True)
class ShownStep:
    ref: StepRef
    src: str  # the screenshot's static path
    size: tuple[int, int] | None  # its width and height in pixels, when the file is there
    link: str  # the page itself, for a reader who may open it; "" for pages of one object


def shot_size(static_path: str) -> tuple[int, int] | None:
    """Width and height from a lossless WebP's header (so the page keeps its layout while images
    load): the 14-bit fields after the VP8L signature byte."""
    found = finders.find(static_path)
    if not found:
        return None
    with open(found, "rb") as file:
        head = file.read(25)
    if len(head) < 25 or head[:4] != b"RIFF" or head[8:16] != b"WEBPVP8L" or head[20] != 0x2F:
        return None
    bits = int.from_bytes(head[21:25], "little")
    return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1


class HelpIndexView(RoleRequiredMixin, TemplateView):
    template_name = "guide/index.html"

    def get_context_data(self, **kwargs):
        own = guide_for_role(self.profile.role)
        others = [guide for guide in all_guides() if guide is not own]
        return super().get_context_data(own=own, others=others, latest=RELEASES[0], **kwargs)


class GuideView(RoleRequiredMixin, TemplateView):
    template_name = "guide/guide.html"

    def get_context_data(self, **kwargs):
        guide = guide_by_slug(self.kwargs["slug"])
        if guide is None:
            raise Http404("Panduan ini tidak ada.")
        may_open = self.profile.role == guide.role or self.profile.role in guide.also_for
        sections = []
        for section in guide.sections:
            shown, previous = [], None
            for ref in (ref for ref in steps(guide) if ref.section is section):
                page = ref.step.page
                # A link to the page where the reader may open it, once per page in a row; not to
                # a page of one object, nor to what only an earlier step's action leads to.
                link = may_open and not page.example and previous not in (page.url_name, "acted")
                previous = "acted" if ref.step.act else page.url_name
                src = SHOTS_STATIC + ref.shot
                shown.append(ShownStep(ref, src, shot_size(src), reverse(page.url_name) if link else ""))
            sections.append((section, shown))
        return super().get_context_data(
            guide=guide,
            sections=sections,
            others=[other for other in all_guides() if other is not guide],
            latest=RELEASES[0],
            **kwargs,
        )


class WhatsNewView(RoleRequiredMixin, TemplateView):
    template_name = "guide/whats_new.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(releases=RELEASES, **kwargs)
