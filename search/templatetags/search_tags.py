from django import template
from django.utils.http import urlencode

register = template.Library()


@register.simple_tag(takes_context=True)
def filter_url(context, name, value):
    """The current search with filter `name` set to `value` (None removes it), page 1."""
    params = context["request"].GET.copy()
    params.pop("page", None)
    params.pop(name, None)
    if value not in (None, ""):
        params[name] = value
    return "?" + urlencode(sorted(params.lists()), doseq=True)
