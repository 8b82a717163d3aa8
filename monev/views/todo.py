from django.views.generic import TemplateView

from monev.todo import tasks_for
from roadmap.mixins import EditionMixin


class TasksView(EditionMixin, TemplateView):
    template_name = "monev/todo.html"
    edition_switch = False  # tasks follow the edition in force for each open period

    def get_context_data(self, **kwargs):
        tasks = tasks_for(self.request.user)
        # The navigation's count (monev.context_processors.tasks) is this page's: not worked out twice.
        return super().get_context_data(tasks=tasks, nav_task_count=tasks.count, **kwargs)
