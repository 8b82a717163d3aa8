"""The user guides as data: guide (one per role) → sections → steps.

Each step names the page it happens on (a URL name), the element it refers to (its visible
text, as a browser finds it: a button, link, heading, labelled field or text) and the words a
user reads. tests/test_guide.py and tests/test_browser_guide.py walk every step on the demo data:
a step whose page or element no longer exists fails them, and the browser test writes the
step's screenshot. How to add a step or a section: docs/guide.md.

Pure Python on purpose: the guides refer to pages by URL name only, and import no Django.
"""

import re
from dataclasses import dataclass

# The element kinds a step may refer to: ARIA roles, a form field by its label, or visible text.
TARGET_KINDS = ("button", "link", "heading", "label", "text")
# *Name* in a step's words is something the page shows under that name (checked by the tests).
SHOWN = re.compile(r"\*([^*]+)\*")
# Demo objects a page of one object is shown with (kind → what identifies it in the demo data).
EXAMPLE_KINDS = ("activity", "indicator", "row", "account", "assessment", "answer", "round", "edition")


@dataclass(frozen=True)
class Target:
    """The element a step points at: ``kind`` as in TARGET_KINDS, ``name`` its visible text.

    ``exact=False`` matches a name that merely contains ``name`` (for names that carry a count).
    """

    kind: str
    name: str
    exact: bool = True


@dataclass(frozen=True)
class Page:
    """A page of the application by URL name. Pages of one object name the demo object their
    screenshot shows (``example``: kind and name); ``query`` is the screenshot's query string."""

    url_name: str
    example: tuple[str, str] | None = None
    query: str = ""


@dataclass(frozen=True)
class Step:
    """One thing a user does on one page.

    The walk opens ``page`` afresh, or with ``continues`` goes on from where the previous step
    left it (its fields filled, or the page its action led to). ``fill``: (field label, value)
    pairs typed or chosen before the screenshot (a file field gets a small file of that name).
    ``act``: after the screenshot the walk presses the target, as the user would. ``scene``: a
    preparation no field can express, performed by the browser walk (tests/guide_walk.py,
    SCENES), e.g. choosing a filled Excel template.
    """

    title: str
    text: str
    page: Page
    target: Target
    fill: tuple[tuple[str, str], ...] = ()
    act: bool = False
    continues: bool = False
    scene: str = ""

    def shown_names(self) -> list[str]:
        return SHOWN.findall(self.text)


@dataclass(frozen=True)
class Section:
    slug: str  # the anchor on the guide page: /help/<guide>/#<slug>
    title: str
    intro: str
    steps: tuple[Step, ...]
    account: str = ""  # the demo account its screenshots are taken as, when not the guide's


@dataclass(frozen=True)
class Guide:
    slug: str
    role: str  # roadmap.models.Role value of the users it is written for
    title: str
    summary: str
    intro: str
    account: str  # the demo account (seed_demo) whose screens the screenshots show
    sections: tuple[Section, ...]
    # Roles that also do this guide's work and get its help links where their own guide has none.
    also_for: tuple[str, ...] = ()

    def section(self, slug: str) -> Section | None:
        return next((section for section in self.sections if section.slug == slug), None)

    def account_for(self, section: Section) -> str:
        return section.account or self.account


@dataclass(frozen=True)
class StepRef:
    """A step with where it sits: its guide, section and number in the section (from 1)."""

    guide: Guide
    section: Section
    number: int
    step: Step

    @property
    def shot(self) -> str:
        """The screenshot's file name under guide/static/guide/shots/."""
        return f"{self.guide.slug}-{self.section.slug}-{self.number}.webp"

    @property
    def anchor(self) -> str:
        return f"{self.section.slug}-{self.number}"

    @property
    def account(self) -> str:
        return self.guide.account_for(self.section)

    def __str__(self) -> str:
        return f"{self.guide.slug} › {self.section.slug} › {self.number}. {self.step.title}"


SHOTS_STATIC = "guide/shots/"  # where the screenshots are served from (a static path)


def all_guides() -> tuple[Guide, ...]:
    from guide.content import GUIDES

    return GUIDES


def guide_by_slug(slug: str) -> Guide | None:
    return next((guide for guide in all_guides() if guide.slug == slug), None)


def guide_for_role(role: str | None) -> Guide | None:
    return next((guide for guide in all_guides() if guide.role == role), None)


def steps(guide: Guide | None = None) -> list[StepRef]:
    """Every step of one guide, or of all of them, in reading order."""
    return [
        StepRef(each, section, number, step)
        for each in ((guide,) if guide else all_guides())
        for section in each.sections
        for number, step in enumerate(section.steps, start=1)
    ]


def help_for(url_name: str, role: str | None) -> list[tuple[Guide, Section]]:
    """The sections that explain a page to a user of this role: those of their own guide with a
    step on the page, else those of the guides that name their role in ``also_for``."""
    for guides in (
        [guide for guide in all_guides() if guide.role == role],
        [guide for guide in all_guides() if role in guide.also_for],
    ):
        found = [
            (guide, section)
            for guide in guides
            for section in guide.sections
            if any(step.page.url_name == url_name for step in section.steps)
        ]
        if found:
            return found
    return []
