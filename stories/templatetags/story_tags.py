from django import template

from ..naming import partner_label

register = template.Library()


@register.filter
def partner_name(partner, user):
    """{{ partner|partner_name:request.user }}: the partner's name, or "a librarian in
    Kenya" for a reader who may not read it (stories.naming)."""
    return partner_label(partner, user or None)


@register.filter
def partner_named(partner, user):
    """Whether `user` may read the partner's name (stories.naming)."""
    return partner.shows_name_to(user or None)
