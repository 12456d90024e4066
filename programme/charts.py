"""Charts drawn on the server as inline SVG: no script, no external service, no style
attribute (colours come from classes styled in static/css/figures.css, so the admin's
themes and the site's palette both apply). Each chart has a title and a description for
screen readers (role="img"); pages show the same numbers in a table beside it.

`bar_chart(rows, ...)` draws horizontal bars, one per row (label, value, text): `value` is
the bar's length (None draws no bar: a suppressed figure), `text` what is written after
it ("12", "<5", "87%"). An optional reference line (`line`, `line_label`) marks a limit,
such as a round's country cap. `rtl` mirrors the chart for right-to-left pages."""

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

WIDTH = 480
LABEL_WIDTH = 185
VALUE_WIDTH = 72
ROW_HEIGHT = 28
BAR_HEIGHT = 18
PADDING = 6
LINE_SPACE = 20  # above the bars, for the reference line's label
LABEL_CHARS = 25


def bar_chart(
    rows,
    *,
    chart_id,
    title,
    description="",
    max_value=None,
    line=None,
    line_label="",
    rtl=False,
    bar_class="",
):
    """An inline <svg> of horizontal bars (see the module's docstring). `rows`: [(label,
    value, text)] or [(label, value, text, extra class)]; `chart_id` makes the ids of its
    title and description unique in the page; `max_value` fixes the scale (100 for
    percentages), else the largest value (and the line) fills the width."""
    rows = [(*row, "")[:4] for row in rows]
    values = [value for _label, value, _text, _cls in rows if value is not None]
    scale_max = max_value or max([*values, line or 0, 1])
    top = PADDING + (LINE_SPACE if line is not None else 0)
    height = top + ROW_HEIGHT * max(len(rows), 1) + PADDING
    bar_area = WIDTH - LABEL_WIDTH - VALUE_WIDTH

    def x(position, width=0):
        """The left edge of a box at `position` from the bars' start, `width` wide."""
        if rtl:
            return WIDTH - LABEL_WIDTH - position - width
        return LABEL_WIDTH + position

    parts = [
        format_html(
            '<svg class="chart" viewBox="0 0 {} {}" width="{}" height="{}" role="img" '
            'aria-labelledby="{}-title {}-desc" direction="ltr">',
            WIDTH,
            height,
            WIDTH,
            height,
            chart_id,
            chart_id,
        ),
        format_html('<title id="{}-title">{}</title>', chart_id, title),
        format_html('<desc id="{}-desc">{}</desc>', chart_id, description),
    ]
    # Labels end next to the bars' start, right-aligned in a right-to-left chart.
    label_x = WIDTH - 4 if rtl else LABEL_WIDTH - 8
    label_anchor = "end"
    for n, (label, value, text, extra) in enumerate(rows):
        y = top + n * ROW_HEIGHT
        middle = y + ROW_HEIGHT / 2
        short = Truncator(str(label)).chars(LABEL_CHARS)
        parts.append('<g class="chart__row">')
        if short != str(label):
            parts.append(format_html("<title>{}: {}</title>", label, text))
        parts.append(
            format_html(
                '<text class="chart__label" x="{}" y="{}" text-anchor="{}" '
                'dominant-baseline="central">{}</text>',
                label_x,
                f"{middle:.1f}",
                label_anchor,
                short,
            )
        )
        length = 0
        if value is not None:
            length = round(bar_area * min(value, scale_max) / scale_max, 1) if scale_max else 0
            if value and length < 2:
                length = 2  # a visible sliver for a small non-zero value
            classes = " ".join(filter(None, ["chart__bar", bar_class, extra]))
            parts.append(
                format_html(
                    '<rect class="{}" x="{}" y="{}" width="{}" height="{}" rx="2"></rect>',
                    classes,
                    x(0, length),
                    f"{y + (ROW_HEIGHT - BAR_HEIGHT) / 2:.1f}",
                    length,
                    BAR_HEIGHT,
                )
            )
        value_class = "chart__value" if value is not None else "chart__value chart__value--none"
        value_x = x(length + 6)
        parts.append(
            format_html(
                '<text class="{}" x="{}" y="{}" text-anchor="{}" '
                'dominant-baseline="central">{}</text>',
                value_class,
                value_x,
                f"{middle:.1f}",
                "end" if rtl else "start",
                text,
            )
        )
        parts.append("</g>")
    if line is not None and scale_max:
        position = round(bar_area * min(line, scale_max) / scale_max, 1)
        line_x = x(position)
        parts.append(
            format_html(
                '<line class="chart__line" x1="{}" y1="{}" x2="{}" y2="{}"></line>',
                line_x,
                PADDING + LINE_SPACE - 4,
                line_x,
                height - PADDING,
            )
        )
        parts.append(
            format_html(
                '<text class="chart__line-label" x="{}" y="{}" text-anchor="middle">{}</text>',
                line_x,
                PADDING + 10,
                line_label,
            )
        )
    parts.append("</svg>")
    return mark_safe("".join(str(part) for part in parts))  # noqa: S308 - escaped above
