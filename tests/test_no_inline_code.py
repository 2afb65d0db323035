"""The Content-Security-Policy refuses inline code: no template may hold a <script> without a
src, a <style> block, a style="…" attribute or an on…= handler (they belong in assets/, and data
goes through json_script or data- attributes). A template that adds one fails here, before a
browser shows a page that silently lost its script or style."""

import re
from pathlib import Path

import pytest
from django.conf import settings

TEMPLATES = sorted(Path(settings.BASE_DIR, "phakhi").rglob("templates/**/*.html"))
INLINE = {
    "a <script> without src": re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I),
    "a <style> block": re.compile(r"<style\b", re.I),
    "a style attribute": re.compile(r"\sstyle\s*=", re.I),
    "an on… handler": re.compile(r"\son[a-z]+\s*=", re.I),
    "a javascript: link": re.compile(r"javascript:", re.I),
}


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(settings.BASE_DIR)))
def test_no_template_holds_inline_code(template: Path) -> None:
    text = template.read_text(encoding="utf-8")
    found = [what for what, pattern in INLINE.items() if pattern.search(text)]
    assert found == [], f"{template}: {', '.join(found)} (move it to assets/)"
