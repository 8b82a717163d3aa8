from assessment.models.evaluation import Component, ModelVersion, Question, QuestionKind, SubComponent
from assessment.models.rounds import REGENCY_NAME, Answer, AnswerEvidence, Assessment, CountedAnswers, Round

__all__ = [
    "REGENCY_NAME",
    "Answer",
    "AnswerEvidence",
    "Assessment",
    "Component",
    "CountedAnswers",
    "ModelVersion",
    "Question",
    "QuestionKind",
    "Round",
    "SubComponent",
]
