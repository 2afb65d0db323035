"""The risk alerts' request and response shapes (routes in api/alerts.py)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from ninja import Schema
from pydantic import Field

from phakhi.api.pagination import PageMeta
from phakhi.api.types import LongText, Slug


class AlertOut(Schema):
    id: int
    rule: str = Field(description="capture, one-leader, weak-communication, dormancy, one-kind")
    name: str = Field(description="the rule's name in the request's language")
    network: str | None = Field(description="the network's key; null: the whole workspace")
    subject: str = Field(description="what the alert is about, a stable key (ties/sector/civil…)")
    status: str = Field(description="open, dismissed or cleared")
    text: str = Field(description="what tripped it, in words, with its figures and threshold")
    figures: dict[str, Any] = Field(description="the figures that tripped it (shares 0–1)")
    first_seen: dt.datetime
    last_seen: dt.datetime
    cleared_at: dt.datetime | None
    dismissed_at: dt.datetime | None
    dismissed_by: str
    dismissal_reason: str


class AlertPage(PageMeta):
    items: list[AlertOut]


class AlertFilters(Schema):
    status: Literal["current", "open", "dismissed", "cleared", "all"] = Field(
        "open", description="current: open and dismissed"
    )
    network: Slug | None = Field(None, description="only this network's alerts")
    rule: str = ""


class DismissIn(Schema):
    reason: LongText = Field(description="why (required); kept with the alert and audited")


class CheckIn(Schema):
    network: Slug | None = Field(
        None, description="one network; empty: the whole workspace and each network"
    )


class CheckOut(Schema):
    opened: list[AlertOut]
    seen: int = Field(description="alerts still tripped, their figures brought up to date")
    cleared: list[int] = Field(description="ids of the alerts that no longer trip")


class QuoteOut(Schema):
    document: str = Field(description="the source file in sources/")
    line: int
    thai: str = Field(description="the source's own words")
    english: str


class RuleOut(Schema):
    code: str
    name: str
    why: str
    quotes: list[QuoteOut]
    todo: str = Field(description="what to do")
    thresholds: list[str] = Field(description="codes of the thresholds it reads")


class ThresholdOut(Schema):
    code: str
    label: str
    unit: str = Field(description="share (0–1), days, months or count")
    value: float
    default: float
    minimum: float
    maximum: float | None


class SettingsOut(Schema):
    thresholds: list[ThresholdOut]
    snapshot_every_months: int = Field(description="0: snapshots only on demand")


class SettingsPatch(Schema):
    thresholds: dict[str, float] = Field(
        default_factory=dict, description="codes and values to change (shares 0–1)"
    )
    snapshot_every_months: Annotated[int, Field(ge=0, le=24)] | None = None
