"""Routes of the lessons pages (ใบงาน 2): the workspace's library and its sessions, and a
project's tab of sessions."""

from django.urls import URLPattern, path

from phakhi.web.views import lessons, lessons_edit

SESSION = "lessons/<int:session>/"
PROMPT = f"{SESSION}prompts/<int:prompt>/"
ANSWER = f"{SESSION}answers/<int:answer>/"

workspace_urlpatterns: list[URLPattern] = [
    path("lessons/", lessons.library, name="lessons"),
    path("lessons/new/", lessons_edit.lesson_add, name="lesson-add"),
    path(SESSION, lessons.session_page, name="lesson-session"),
    path(f"{SESSION}edit/", lessons_edit.session_edit, name="lesson-session-edit"),
    path(f"{SESSION}delete/", lessons_edit.session_delete, name="lesson-session-delete"),
    path(f"{SESSION}prompts/new/", lessons_edit.prompt_add, name="lesson-prompt-add"),
    path(PROMPT, lessons_edit.prompt_change, name="lesson-prompt"),
    path(f"{PROMPT}move/", lessons_edit.prompt_move, name="lesson-prompt-move"),
    path(f"{PROMPT}delete/", lessons_edit.prompt_delete, name="lesson-prompt-delete"),
    path(ANSWER, lessons_edit.answer_edit, name="lesson-answer"),
    path(f"{ANSWER}delete/", lessons_edit.answer_delete, name="lesson-answer-delete"),
    path("projects/<slug:project>/lessons/", lessons.project_lessons, name="project-lessons"),
]
urlpatterns: list[URLPattern] = []
