"""Forms of the activity pages. They read what the user typed, in groups (what and when, where,
who organises, participation, o25, outcomes); the services check the values
(``phakhi.participation.validation``) and the form shows what they say."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from phakhi.actors.models import Actor
from phakhi.core.areas import district_name, province_choices, province_name
from phakhi.core.dates import current_language
from phakhi.core.models import Workspace
from phakhi.core.thai import thai_sorted
from phakhi.networks.models import Network
from phakhi.participation.models import Activity, Form, Kind, Stage
from phakhi.participation.vocabulary import LEVELS
from phakhi.projects.models import Project
from phakhi.web.actor_picker import ActorPicker
from phakhi.web.conflicts import VersionedForm
from phakhi.web.forms import DateText

# The form's fields that are the activity's own (the services' names); the hosts are apart.
ACTIVITY_FIELDS = (
    "key",
    "title",
    "kind",
    "description",
    "starts_on",
    "start_time",
    "ends_on",
    "end_time",
    "province_code",
    "district_code",
    "place",
    "networks",
    "project",
    "iap2_planned",
    "iap2_achieved",
    "stage",
    "forms",
    "o25_issue",
    "o25_participants",
    "o25_results",
    "o25_results_used",
    "decisions",
    "outcomes",
    "public_civil",
    "public_academic",
    "public_government",
    "public_unknown",
    "satisfaction",
)
GROUPS = {
    "what": ("key", "title", "kind", "description", "starts_on", "start_time", "ends_on",
             "end_time"),
    "where": ("province_code", "district_code", "place"),
    "links": ("networks", "project"),
    "levels": ("iap2_planned", "iap2_achieved", "stage", "forms"),
    "o25": ("o25_issue", "o25_participants", "o25_results", "o25_results_used"),
    "outcomes": ("decisions", "outcomes"),
    "public": ("public_civil", "public_academic", "public_government", "public_unknown",
               "satisfaction"),
}  # fmt: skip


def level_choices(blank: str) -> list[tuple[str, str]]:
    """“2 · ปรึกษาหารือ” in Thai; “2 · consult (ปรึกษาหารือ)” in English, so the source's word
    is always there."""
    english = current_language() == "en"
    return [
        ("", blank),
        *(
            (str(level.number), f"{level.numbered} ({level.thai})" if english else level.numbered)
            for level in LEVELS
        ),
    ]


def _text(rows: int = 3) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class TimeText(forms.CharField):
    """A time as people type it (09:30, 9.30 น.); the services read it."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"maxlength": 20, "placeholder": "09:30"})
        )
        super().__init__(**kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, dt.time):
            return value.strftime("%H:%M")
        return value


class _Listed(forms.MultipleChoiceField):
    """Lists what the user may choose; reads any id, so that a choice the user may not make
    is refused as such (403), not as a bad value. The form looks the ids up."""

    def valid_value(self, value: Any) -> bool:
        return str(value).isdigit()


class _ListedOne(forms.ChoiceField):
    def valid_value(self, value: Any) -> bool:
        return str(value).isdigit()


class ActivityForm(forms.Form):
    key = forms.CharField(
        label=gettext_lazy("Key"),
        max_length=100,
        help_text=gettext_lazy("Your own identifier, unique in the workspace (e.g. ACT-2569-001)."),
    )
    title = forms.CharField(label=gettext_lazy("Title"), max_length=300)
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=Kind.choices)
    description = forms.CharField(label=gettext_lazy("Description"), required=False, widget=_text())
    starts_on = DateText(label=gettext_lazy("Starts on"))
    start_time = TimeText(label=gettext_lazy("Start time"))
    ends_on = DateText(
        label=gettext_lazy("Ends on"),
        required=False,
        help_text=gettext_lazy("Empty for an activity of one day."),
    )
    end_time = TimeText(label=gettext_lazy("End time"))
    province_code = forms.ChoiceField(label=gettext_lazy("Province"), required=False)
    district_code = forms.CharField(
        label=gettext_lazy("District"),
        required=False,
        max_length=100,
        help_text=gettext_lazy("The district's name, e.g. เมืองขอนแก่น."),
    )
    place = forms.CharField(
        label=gettext_lazy("Place"),
        required=False,
        max_length=300,
        help_text=gettext_lazy("e.g. ศาลาประชาคมบ้านโนนทัน"),
    )
    networks = _Listed(
        label=gettext_lazy("Networks"), required=False, widget=forms.CheckboxSelectMultiple
    )
    project = _ListedOne(label=pgettext_lazy("linked to", "Project"), required=False)
    organizers = forms.MultipleChoiceField(
        label=gettext_lazy("Organisers"), required=False, widget=forms.CheckboxSelectMultiple
    )
    organizer_add = forms.CharField(
        label=gettext_lazy("Add an organiser"),
        required=False,
        max_length=300,
        widget=ActorPicker(),
        help_text=gettext_lazy("Type a key or part of a name from the directory."),
    )
    speakers = forms.MultipleChoiceField(
        label=gettext_lazy("Speakers (วิทยากร)"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    speaker_add = forms.CharField(
        label=gettext_lazy("Add a speaker (วิทยากร)"),
        required=False,
        max_length=300,
        widget=ActorPicker(),
        help_text=gettext_lazy("Type a key or part of a name from the directory."),
    )
    iap2_planned = forms.ChoiceField(label=gettext_lazy("IAP2 level planned"), required=False)
    iap2_achieved = forms.ChoiceField(label=gettext_lazy("IAP2 level achieved"), required=False)
    stage = forms.ChoiceField(
        label=gettext_lazy("Stage of the work"),
        required=False,
        choices=[("", "—"), *Stage.choices],
        help_text=gettext_lazy("Which stage of participatory governance the activity served."),
    )
    o25_issue = forms.CharField(
        label=gettext_lazy("Issue consulted on"), required=False, widget=_text(2)
    )
    o25_participants = forms.CharField(
        label=gettext_lazy("Who took part (summary)"),
        required=False,
        widget=_text(2),
        help_text=gettext_lazy("e.g. 45 people: village headmen, the health volunteers, youth."),
    )
    o25_results = forms.CharField(
        label=gettext_lazy("Results of the consultation"), required=False, widget=_text(3)
    )
    o25_results_used = forms.CharField(
        label=gettext_lazy("How the results were used"), required=False, widget=_text(3)
    )
    decisions = forms.CharField(label=gettext_lazy("Decisions"), required=False, widget=_text())
    outcomes = forms.CharField(label=gettext_lazy("Outcomes"), required=False, widget=_text())
    public_civil = forms.IntegerField(
        label=gettext_lazy("People, civil society, private"), required=False, min_value=0
    )
    public_academic = forms.IntegerField(
        label=gettext_lazy("Academic"), required=False, min_value=0
    )
    public_government = forms.IntegerField(
        label=gettext_lazy("Government"), required=False, min_value=0
    )
    public_unknown = forms.IntegerField(
        label=gettext_lazy("Sector not known"), required=False, min_value=0
    )
    satisfaction = forms.CharField(
        label=gettext_lazy("Satisfaction (1–5)"),
        required=False,
        max_length=10,
        help_text=gettext_lazy("The average score of an evaluation form, e.g. 4.25."),
    )

    def __init__(
        self,
        *args: Any,
        workspace: Workspace,
        networks: Sequence[Network],
        projects: Sequence[Project],
        hosts: dict[str, list[Actor]] | None = None,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        # Named as the activity's field; a class attribute would hide the forms module.
        self.fields["forms"] = forms.MultipleChoiceField(
            label=gettext_lazy("Forms of participation offered"),
            required=False,
            choices=Form.choices,
            widget=forms.CheckboxSelectMultiple,
        )
        self.workspace = workspace
        self._networks = {str(network.pk): network for network in networks}
        self._projects = {str(project.pk): project for project in projects}
        language = current_language()
        provinces = thai_sorted(
            ((code, province_name(code, language)) for code, _name in province_choices()),
            key=lambda option: option[1],
        )
        self._choose("province_code", [("", _("— no province —")), *provinces])
        self._choose("networks", [(pk, n.name) for pk, n in self._networks.items()])
        self._choose(
            "project",
            [("", _("— no project —")), *((pk, p.name) for pk, p in self._projects.items())],
        )
        self._choose("iap2_planned", level_choices(_("— not recorded —")))
        self._choose("iap2_achieved", level_choices(_("— not recorded yet —")))
        hosts = hosts or {}
        self.hosts = {
            role: {str(actor.pk): actor for actor in hosts.get(role, [])}
            for role in ("organizer", "speaker")
        }
        for field, role in (("organizers", "organizer"), ("speakers", "speaker")):
            self._choose(field, [(pk, a.name) for pk, a in self.hosts[role].items()])
        if not self.hosts["organizer"]:
            del self.fields["organizers"]
        if not self.hosts["speaker"]:
            del self.fields["speakers"]

    def _choose(self, name: str, choices: list[tuple[str, str]]) -> None:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)
        field.choices = choices

    def group(self, name: str) -> list[forms.BoundField]:
        return [self[field] for field in GROUPS[name] if field in self.fields]

    def clean_networks(self) -> list[Network]:
        ids = list(dict.fromkeys(self.cleaned_data["networks"]))
        others = [pk for pk in ids if pk not in self._networks]
        found = {
            str(n.pk): n for n in Network.objects.filter(workspace=self.workspace, pk__in=others)
        }
        if len(found) < len(others):
            raise forms.ValidationError(_("Choose one from the list."))
        return [self._networks.get(pk) or found[pk] for pk in ids]

    def clean_project(self) -> Project | None:
        value = self.cleaned_data["project"]
        if not value:
            return None
        found = self._projects.get(value) or (
            Project.objects.filter(workspace=self.workspace, pk=int(value)).first()
        )
        if found is None:
            raise forms.ValidationError(_("Choose one from the list."))
        return found

    def kept_hosts(self, role: str) -> list[Actor]:
        """The hosts of ``role`` left ticked."""
        field = "organizers" if role == "organizer" else "speakers"
        if field not in self.fields:
            return []
        return [self.hosts[role][pk] for pk in self.cleaned_data.get(field, [])]

    def activity_values(self, names: Sequence[str] = ACTIVITY_FIELDS) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in names if name in self.cleaned_data}


class ActivityChangeForm(ActivityForm, VersionedForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["forms"].show_hidden_initial = True  # added after VersionedForm's own pass
        # The pickers start empty; the hosts' boxes keep the hosts shown (a host a colleague
        # adds meanwhile is not taken off by an edit that never showed them).
        for name in ("organizer_add", "speaker_add"):
            self.fields[name].show_hidden_initial = False


def activity_initial(activity: Activity) -> dict[str, Any]:
    """The activity's values as the form shows them."""
    values: dict[str, Any] = {name: getattr(activity, name) for name in ACTIVITY_FIELDS}
    values["district_code"] = district_name(activity.district_code, current_language())
    values["networks"] = [str(network.pk) for network in activity.networks.all()]
    values["project"] = str(activity.project_id or "")
    for name in ("iap2_planned", "iap2_achieved"):
        values[name] = "" if values[name] is None else str(values[name])
    values["satisfaction"] = (
        "" if activity.satisfaction is None else format(activity.satisfaction.normalize(), "f")
    )
    return values


class DeleteForm(forms.Form):
    confirm = forms.BooleanField(
        label=gettext_lazy("Yes, delete this activity with its attendance."), required=True
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)
