"""Template filters: sanitised Markdown, the source line under handbook content, and who may see what."""

from django import template
from django.utils.safestring import mark_safe

from regions.text import phone_display as format_phone
from regions.text import phone_href as tel_link
from regions.text import render_markdown

register = template.Library()


@register.filter
def markdown(text: str) -> str:
    # Safe to mark: render_markdown escapes raw HTML and sanitises the result with an allow-list.
    return mark_safe(render_markdown(text))  # noqa: S308


@register.inclusion_tag("includes/source.html")
def source(obj) -> dict:
    return {"obj": obj}


@register.filter
def phone_href(number: str) -> str:
    """The digits of a phone number for a tel: link (without the scheme)."""
    return tel_link(number or "").removeprefix("tel:")


@register.filter
def phone_display(number: str) -> str:
    """'0206263396' -> '020 626 3396' (DUO's digits, as people read a number)."""
    return format_phone(number)


@register.filter
def visible_to(obj, user) -> bool:
    """`{% if assignment|visible_to:user %}`: the model's own rule, so templates never restate it."""
    return obj.visible_to(user)


@register.filter
def with_class(field, css: str) -> str:
    """A form field's widget with the NL Design System class added (the crispy "utrecht" pack's field template)."""
    existing = field.field.widget.attrs.get("class", "")
    return field.as_widget(attrs={"class": f"{css} {existing}".strip()})
