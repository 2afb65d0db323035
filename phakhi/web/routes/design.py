"""Routes of a network's design (ออกแบบเครือข่าย), under the network's page."""

from django.urls import URLPattern, path

from phakhi.web.views import design

DESIGN = "networks/<slug:slug>/design/"
GOAL = f"{DESIGN}goals/<int:goal_id>/"
STRATEGY = f"{DESIGN}strategies/<int:strategy_id>/"

workspace_urlpatterns: list[URLPattern] = [
    path(DESIGN, design.network_design, name="network-design"),
    path(f"{DESIGN}goals/new/", design.goal_add, name="design-goal-add"),
    path(GOAL, design.goal_edit, name="design-goal-edit"),
    path(f"{GOAL}move/", design.goal_move, name="design-goal-move"),
    path(f"{GOAL}delete/", design.goal_delete, name="design-goal-delete"),
    path(f"{DESIGN}strategies/new/", design.strategy_add, name="design-strategy-add"),
    path(STRATEGY, design.strategy_edit, name="design-strategy-edit"),
    path(f"{STRATEGY}move/", design.strategy_move, name="design-strategy-move"),
    path(f"{STRATEGY}delete/", design.strategy_delete, name="design-strategy-delete"),
    path(f"{DESIGN}groups/new/", design.group_add, name="design-group-add"),
    path(
        f"{DESIGN}groups/<slug:group>/strategy/",
        design.group_strategy,
        name="design-group-strategy",
    ),
]
urlpatterns: list[URLPattern] = []
