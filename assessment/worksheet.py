"""An assessment laid out as the worksheet (LKE) reads: components, sub-components, questions with the
answer, its value, what it adds to the score, evidence and review; for the page and the workbook."""

from dataclasses import dataclass
from decimal import Decimal

from assessment import scoring
from assessment.models import Answer, Component, Question, SubComponent
from assessment.selectors import AssessmentResult


@dataclass
class Line:
    question: Question
    answer: Answer | None
    value: Decimal | None  # what counts (0–1): the reviewer's answer where set; None while it does not count
    score: Decimal | None  # what the counted value adds to the sub-component's score

    @property
    def counts(self) -> bool:
        return self.value is not None


@dataclass
class Section:
    sub: SubComponent
    score: scoring.SubScore
    lines: list[Line]


@dataclass
class Part:
    component: Component
    score: scoring.ComponentScore
    sections: list[Section]


def counted(answer: Answer | None) -> Decimal | None:
    if answer is None:
        return None
    return scoring.counted_value(answer.review_state, answer.own_value, answer.reviewer_value)


def sheet(components: list[Component], answers: dict[int, Answer], result: AssessmentResult) -> list[Part]:
    parts = []
    for component, component_score in zip(components, result.score.components, strict=True):
        sections = []
        for sub, sub_score in zip(component.subcomponents.all(), component_score.subs, strict=True):
            questions = list(sub.questions.all())
            weights = sum((q.weight for q in questions), Decimal(0))
            lines = []
            for question in questions:
                answer = answers.get(question.pk)
                value = counted(answer)
                share = (
                    sub.weight * question.weight * value / weights if value is not None and weights else None
                )
                lines.append(Line(question, answer, value, share))
            sections.append(Section(sub, sub_score, lines))
        parts.append(Part(component, component_score, sections))
    return parts
