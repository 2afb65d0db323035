"""Forms of the lessons pages (ใบงาน 2). They read what the user typed; the services validate."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from phakhi.core.models import Workspace
from phakhi.lessons.models import LessonPrompt
from phakhi.lessons.vocabulary import SOURCE_CASE, default_prompts
from phakhi.networks.models import Network
from phakhi.projects.models import Project
from phakhi.web.actor_picker import ActorPicker
from phakhi.web.conflicts import VersionedForm
from phakhi.web.forms import DateText

PROMPT_FIELD = "prompt-"  # a phone's answer box: "prompt-<id>"
DEFAULT_PROMPTS_TEXT = "\n".join(default_prompts())


def _choices(rows: list[Any], none: str) -> list[tuple[str, str]]:
    return [("", none), *((str(row.pk), row.name) for row in rows)]


class SessionFields(forms.Form):
    title = forms.CharField(label=gettext_lazy("Title"), max_length=300)
    held_on = DateText(label=gettext_lazy("Held on"), required=False)
    case = forms.CharField(
        label=gettext_lazy("Case studied"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "placeholder": SOURCE_CASE}),
        help_text=gettext_lazy("The place or the work the lessons are drawn from."),
    )
    # The lists offer what the user may link to; any of the workspace's is read, so that a
    # link the user may not make is refused as such (403), not as a bad choice.
    project = forms.CharField(
        label=pgettext_lazy("linked to", "Project"), required=False, widget=forms.Select
    )
    network = forms.CharField(label=gettext_lazy("Network"), required=False, widget=forms.Select)
    tags = forms.CharField(
        label=gettext_lazy("Tags"),
        required=False,
        max_length=1000,
        help_text=gettext_lazy("Separated by commas, e.g. ภาวะผู้นำ, การมีส่วนร่วม"),
    )

    def __init__(
        self,
        *args: Any,
        projects: list[Project],
        networks: list[Network],
        workspace: Workspace,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.workspace = workspace
        self.fields["project"].widget.choices = _choices(projects, _("— no project —"))  # type: ignore[attr-defined]
        self.fields["network"].widget.choices = _choices(networks, _("— no network —"))  # type: ignore[attr-defined]

    def _row(self, model: type[Project] | type[Network], name: str) -> Any:
        value = self.cleaned_data.get(name) or ""
        if not value:
            return None
        found = (
            model.objects.filter(workspace=self.workspace, pk=int(value)).first()
            if value.isdigit()
            else None
        )
        if found is None:
            raise forms.ValidationError(_("Choose one from the list."))
        return found

    def clean_project(self) -> Project | None:
        return self._row(Project, "project")

    def clean_network(self) -> Network | None:
        return self._row(Network, "network")


class SessionCreateForm(SessionFields):
    prompts = forms.CharField(
        label=gettext_lazy("Prompts (one a line)"),
        widget=forms.Textarea(attrs={"rows": 6}),
        initial=DEFAULT_PROMPTS_TEXT,
        help_text=gettext_lazy(
            "The worksheet's three to start with; the first names the case written above."
        ),
    )

    def clean_prompts(self) -> list[str] | None:
        """The prompts written, or None for the worksheet's own (left as they were), which
        name the session's case."""
        text = self.cleaned_data.get("prompts") or ""
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        if lines == [line.strip() for line in DEFAULT_PROMPTS_TEXT.splitlines()]:
            return None
        if not lines:
            raise forms.ValidationError(_("Write at least one prompt."))
        return lines


class SessionChangeForm(SessionFields, VersionedForm):
    pass


class AnswersForm(forms.Form):
    """One participant's answers on a phone: a box for each prompt of the session."""

    participant = forms.CharField(
        label=gettext_lazy("Participant's name"), max_length=200, required=False
    )
    actor = forms.CharField(
        label=gettext_lazy("Or an actor of the directory"),
        required=False,
        widget=ActorPicker(),
        help_text=gettext_lazy("Type a key or part of a name."),
    )
    tags = forms.CharField(
        label=gettext_lazy("Tags"),
        required=False,
        max_length=1000,
        help_text=gettext_lazy("Separated by commas."),
    )

    def __init__(self, *args: Any, prompts: list[LessonPrompt], **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.prompts = prompts
        for number, prompt in enumerate(prompts, start=1):
            self.fields[f"{PROMPT_FIELD}{prompt.pk}"] = forms.CharField(
                label=f"{number}. {prompt.text}",
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
        self.order_fields(["participant", "actor", *self._answer_names(), "tags"])

    def _answer_names(self) -> list[str]:
        return [f"{PROMPT_FIELD}{prompt.pk}" for prompt in self.prompts]

    def answers(self) -> dict[LessonPrompt, str]:
        return {
            prompt: self.cleaned_data.get(f"{PROMPT_FIELD}{prompt.pk}", "")
            for prompt in self.prompts
        }

    def answer_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self._answer_names()]


class AnswerChangeForm(VersionedForm):
    prompt = forms.ChoiceField(label=gettext_lazy("Prompt"))
    text = forms.CharField(label=gettext_lazy("Answer"), widget=forms.Textarea(attrs={"rows": 4}))
    participant = forms.CharField(
        label=gettext_lazy("Participant's name"), max_length=200, required=False
    )
    tags = forms.CharField(label=gettext_lazy("Tags"), required=False, max_length=1000)

    def __init__(self, *args: Any, prompts: list[LessonPrompt], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.prompts = {str(prompt.pk): prompt for prompt in prompts}
        self.fields["prompt"].choices = [  # type: ignore[attr-defined]
            (str(prompt.pk), f"{number}. {prompt.text[:80]}")
            for number, prompt in enumerate(prompts, start=1)
        ]

    def clean_prompt(self) -> LessonPrompt:
        return self.prompts[self.cleaned_data["prompt"]]


class PromptForm(forms.Form):
    text = forms.CharField(label=gettext_lazy("Prompt"), widget=forms.Textarea(attrs={"rows": 2}))
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)
