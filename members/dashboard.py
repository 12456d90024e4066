"""Panels on a member's own page (/members/me/) contributed by the apps above members
(their stories, their programme applications and partnerships), so that members imports
none of them. An app registers a template and a function that returns its context::

    from members.dashboard import register_panel

    @register_panel("stories/_my_stories.html", order=20)
    def my_stories(request):
        return {"submissions": ...}
"""

from dataclasses import dataclass

_panels = []


@dataclass(frozen=True)
class Panel:
    template: str
    context: dict


def register_panel(template, order=50):
    def decorator(function):
        _panels.append((order, template, function))
        _panels.sort(key=lambda item: item[0])
        return function

    return decorator


def panels(request):
    return [Panel(template, function(request)) for _order, template, function in _panels]
