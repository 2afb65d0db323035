"""Routes of attendance: the activity's attendance page, the door's page for a projector and
the review of registrations under a workspace; the phones' check-in pages outside any workspace
(``c/``), which need no account."""

from django.urls import URLPattern, path

from phakhi.web.views import (
    attendance,
    attendance_door,
    attendance_phone,
    attendance_review,
)

_ACTIVITY = "activities/<int:activity>/"
_ROW = _ACTIVITY + "attendance/<int:attendance>/"
_REGISTRATION = "registrations/<int:registration>/"

workspace_urlpatterns: list[URLPattern] = [
    path(_ACTIVITY + "attendance/", attendance.activity_attendance, name="activity-attendance"),
    path(_ACTIVITY + "attendance/add/", attendance.attendance_add, name="activity-attendance-add"),
    path(_ACTIVITY + "attendance/counts/", attendance.activity_counts, name="activity-counts"),
    path(_ROW + "role/", attendance.attendance_role, name="attendance-role"),
    path(_ROW + "arrived/", attendance.attendance_arrived, name="attendance-arrived"),
    path(_ROW + "remove/", attendance.attendance_remove_view, name="attendance-remove"),
    path(_ACTIVITY + "check-in/open/", attendance.activity_check_in_open,
         name="activity-check-in-open"),
    path(_ACTIVITY + "check-in/close/", attendance.activity_check_in_close,
         name="activity-check-in-close"),
    path(_ACTIVITY + "door/", attendance_door.activity_door, name="activity-door"),
    path(_ACTIVITY + "door/count/", attendance_door.activity_door_count,
         name="activity-door-count"),
    path(_ACTIVITY + "registrations/", attendance_review.activity_registrations,
         name="activity-registrations"),
    path("registrations/", attendance_review.registrations, name="registrations"),
    path(_REGISTRATION + "accept/", attendance_review.registration_accept_view,
         name="registration-accept"),
    path(_REGISTRATION + "link/", attendance_review.registration_link_view,
         name="registration-link"),
    path(_REGISTRATION + "reject/", attendance_review.registration_reject_view,
         name="registration-reject"),
]  # fmt: skip
urlpatterns: list[URLPattern] = [
    path("c/", attendance_phone.door_code, name="door-code"),
    path("c/<str:code>/", attendance_phone.door, name="door"),
    path("c/<str:code>/in/", attendance_phone.door_check_in_view, name="door-check-in"),
    path("c/<str:code>/new/", attendance_phone.door_register, name="door-register"),
    path("c/<str:code>/done/", attendance_phone.door_done, name="door-done"),
]
