"""Reading a page's form as a browser would send it (hidden fields included), for tests that
open a form, let time pass, and send it."""

from html.parser import HTMLParser
from typing import Any


class _Forms(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[dict[str, str]] = []
        self._form: dict[str, str] | None = None
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        if tag == "form":
            self._form = {}
            self.forms.append(self._form)
        if self._form is None or ("name" not in found and tag != "option"):
            return
        if tag == "input":
            kind = found.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in found:
                return
            if kind not in ("submit", "button"):
                self._form[found["name"]] = found.get("value", "")
        elif tag == "select":
            self._select = found["name"]
            self._form.setdefault(self._select, "")
        elif tag == "option" and self._select is not None:
            if "selected" in found:
                self._form[self._select] = found.get("value", "")
        elif tag == "textarea":
            self._textarea = found["name"]
            self._form[self._textarea] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._textarea is not None and self._form is not None:
            self._form[self._textarea] += (
                data.removeprefix("\n") if not self._form[self._textarea] else data
            )


def form_values(response: Any, field: str) -> dict[str, str]:
    """The values the first form of the page that has ``field`` would send."""
    parser = _Forms()
    parser.feed(response.content.decode())
    for form in parser.forms:
        if field in form:
            return dict(form)
    raise AssertionError(f"no form with a field {field!r} on the page")
