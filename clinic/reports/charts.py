"""Chart geometry for the report's server-rendered SVG (templates/reports/_charts.html).

Plain data only: each chart is a title, a text alternative that says every value, and bars
with their positions. The same charts go on the page and into the PDF; in exports, a small
count draws no bar and reads "<5".
"""

from flask_babel import gettext as _

LABEL_WIDTH = 210
BAR_AREA = 330
ROW = 26
MONTH_WIDTH = 44
COLUMN_AREA = 160


def _describe(title, items):
    values = "; ".join(f"{label}: {text}" for label, _value, text in items)
    return _("%(title)s: %(values)s.", title=title, values=values)


def horizontal(chart_id, title, items):
    """items: [(label, value, text shown)] -> a bar chart, one row per item."""
    largest = max([value for _label, value, _text in items] + [1])
    bars = [
        {
            "label": label,
            "text": text,
            "y": index * ROW,
            "width": round(BAR_AREA * value / largest, 1) if value else 0,
        }
        for index, (label, value, text) in enumerate(items)
    ]
    return {
        "id": chart_id,
        "kind": "horizontal",
        "title": title,
        "description": _describe(title, items)
        if items
        else _("%(title)s: nothing to show.", title=title),
        "bars": bars,
        "label_width": LABEL_WIDTH,
        "width": LABEL_WIDTH + BAR_AREA + 70,
        "height": max(len(items), 1) * ROW + 4,
    }


def columns(chart_id, title, items):
    """items: [(label, value, text shown)] -> a column chart (one column per month)."""
    largest = max([value for _label, value, _text in items] + [1])
    bars = []
    for index, (label, value, text) in enumerate(items):
        height = round(COLUMN_AREA * value / largest, 1) if value else 0
        bars.append(
            {
                "label": label,
                "text": text,
                "x": index * MONTH_WIDTH + 8,
                "height": height,
                "y": 20 + COLUMN_AREA - height,
            }
        )
    return {
        "id": chart_id,
        "kind": "columns",
        "title": title,
        "description": _describe(title, items)
        if items
        else _("%(title)s: nothing to show.", title=title),
        "bars": bars,
        "width": max(len(items), 1) * MONTH_WIDTH + 16,
        "height": COLUMN_AREA + 60,
        "baseline": 20 + COLUMN_AREA,
    }


def report_charts(report, shown):
    """The four charts of a report; `shown(count)` is how a count reads (exports hide small
    ones, and then draw no bar for them)."""

    def item(label, value):
        text = shown(value)
        return (label, value if text == str(value) else 0, text)

    funnel = [item(f["label"], f["count"]) for f in report["figures"]]
    months = [item(month, checked_in) for month, _days, checked_in in report["months"]]
    savings = [
        (row["label"], row["saved"], _saved_text(row, shown))
        for row in report["fees"]
        if row["basis"] in ("waiver", "reduced")
    ]
    savings = [
        (label, value if text.startswith("$") else 0, text) for label, value, text in savings
    ]
    languages = [
        item(row["label"], row["checked_in"])
        for row in sorted(report["by_language"], key=lambda r: -r["checked_in"])[:8]
    ]
    return [
        horizontal("chart-funnel", _("The pipeline, from check-in to voter registration"), funnel),
        columns("chart-months", _("People checked in at clinic days, by month"), months),
        horizontal("chart-savings", _("Dollars saved to applicants, by fee path"), savings),
        horizontal("chart-languages", _("People checked in, by preferred language"), languages),
    ]


def _saved_text(row, shown):
    if shown(row["count"]) != str(row["count"]):
        return _("suppressed")
    return f"${row['saved']:,}"
