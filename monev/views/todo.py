from django.views.generic import TemplateView

from monev.todo import tasks_for
from roadmap.mixins import EditionMixin


class TasksView(EditionMixin, TemplateView):
    template_name = "monev/todo.html"
    edition_switch = False  # tasks follow the edition in force for each open period

    def get_context_data(self, **kwargs):
        return super().get_context_data(tasks=tasks_for(self.request.user), **kwargs)
