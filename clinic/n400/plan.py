"""What goes where: a case's answers through an edition's map, as field values and Part 14 text.

Pure: plain answers in ({"section": {"field": value}}, with the computed sources beside them),
plain values out. clinic/n400/fill.py writes them into the PDF.
"""

import datetime
import re
import unicodedata
from dataclasses import dataclass, field

from clinic.intake.fields import countries

BLANK = (None, "", [], {})
_EMPTY_SEPARATORS = re.compile(r"[,;:](\s*[,;:])+")


@dataclass(frozen=True)
class Entry:
    """One Part 14 entry: where on the form it belongs, and its text (lines)."""

    page: int
    part: str
    item: str
    lines: tuple


@dataclass
class Plan:
    text: dict = field(default_factory=dict)  # field name -> text (text and choice fields)
    checked: dict = field(default_factory=dict)  # checkbox name -> on-state ("/Y")
    additional: list = field(default_factory=list)  # Entries for Part 14

    @property
    def filled(self):
        return set(self.text) | set(self.checked)


def lookup(answers, path):
    """answers["a"]["b"]["c"] for "a.b.c"; None where any step is missing."""
    value = answers
    for step in path.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(step)
    return value


def token(value):
    """An answer as the map names it: yes / no for booleans, text otherwise."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def blank(value):
    return value is None or (isinstance(value, str | list | dict) and not value)


def formatted(value, spec, date_format):
    """An answer as printed in a field of this kind; None when there is nothing to print."""
    if blank(value):
        return None
    labels = spec.get("labels")
    if labels is not None:
        return labels.get(token(value))
    kind = spec["kind"]
    if kind == "date":
        return _date(value, date_format)
    if kind in ("a_number", "digits"):
        digits = "".join(ch for ch in str(value) if ch.isdigit())
        return (digits.zfill(9) if kind == "a_number" else digits) or None
    if kind == "number":
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else None
    if kind == "country":
        return countries().get(str(value), str(value))
    if kind == "digit":
        text = str(value).zfill(spec["width"])
        fits = text.isdigit() and len(text) == spec["width"]
        return text[spec["position"]] if fits else None
    return printable(" ".join(token(value).split())) or None


def printable(text):
    """Text in the form's font (Windows-1252): accents the font lacks folded to the nearest
    letter it has (ễ -> ê), any other character replaced by "?"."""
    return "".join(_printable_char(char) for char in text)


def _printable_char(char):
    if _encodes(char):
        return char
    decomposed = unicodedata.normalize("NFD", char)
    for end in range(len(decomposed) - 1, 0, -1):
        nearer = unicodedata.normalize("NFC", decomposed[:end])
        if _encodes(nearer):
            return nearer
    return "?"


def _encodes(text):
    try:
        text.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def _date(value, date_format):
    try:
        return datetime.date.fromisoformat(str(value)).strftime(date_format)
    except ValueError:
        return None


def make_plan(edition, answers):
    """The values of every field the map fills for these answers, and the Part 14 entries."""
    plan = Plan()
    for spec in edition.fields:
        if not applies(spec.get("ask_if"), answers):
            continue  # e.g. the language of Part 12 only when an interpreter helps
        value = lookup(answers, spec["source"])
        if spec["kind"] == "checkbox":
            if _ticks(value, spec["when"]):
                plan.checked[spec["name"]] = spec["on"]
            continue
        text = formatted(value, spec, edition.date_format)
        if text is not None:
            plan.text[spec["name"]] = text
    for table in edition.lists:
        _place_rows(plan, table, lookup(answers, table["source"]) or [], edition.date_format)
    for note in edition.notes:
        entry = _note(note, answers, edition.date_format)
        if entry is not None:
            plan.additional.append(entry)
    return plan


def _note(note, answers, date_format):
    """A free-text answer as a Part 14 entry, under the first item it explains (when the note
    lists the items its explanation covers: the ones answered as `when` say)."""
    text = formatted(lookup(answers, note["source"]), {"kind": "text"}, date_format)
    if not text:
        return None
    explained = [
        item
        for item in note.get("items", ())
        if _ticks(lookup(answers, item["source"]), item["when"])
    ]
    if not explained:
        return Entry(note["page"], note["part"], note["item"], (f"{note['label']}: {text}",))
    numbers = ", ".join(item["item"] for item in explained)
    heading = f"{note['label']} (item{'s' if len(explained) > 1 else ''} {numbers})"
    first = explained[0]
    return Entry(first["page"], note["part"], first["item"], (f"{heading}: {text}",))


def applies(condition, answers):
    """A field's `ask_if` holds (or it has none): another answer is one of `in`."""
    if not condition:
        return True
    value = lookup(answers, condition["source"])
    return not blank(value) and token(value) in condition["in"]


def _ticks(value, when):
    if isinstance(value, list):
        return when in [token(item) for item in value]
    return not blank(value) and token(value) == when


def _place_rows(plan, table, rows, date_format):
    """Rows on the form's rows, in order; each on the first free form row with a field for every
    answer it has. The rest on Part 14, numbered as if the form's table went on."""
    rows = [row for row in rows if isinstance(row, dict)]
    order = table.get("order")
    if order:
        rows = sorted(rows, key=lambda row: str(row.get(order) or ""), reverse=True)
    columns = table["columns"]
    form_rows = list(table.get("rows", []))
    slot = 0
    left = []
    for row in rows:
        values = {name: _cell(row.get(name), _spec(columns[name]), date_format) for name in columns}
        while slot < len(form_rows) and not _fits(values, form_rows[slot]):
            slot += 1
        if slot == len(form_rows):
            left.append(values)
            continue
        _write_row(plan, values, form_rows[slot], columns)
        slot += 1
    if left:
        first = len(rows) - len(left) + 1
        heading = f"{table['label']} (continued):" if form_rows else f"{table['label']}:"
        lines = [heading] + [
            f"{number}. {_overflow_line(table['overflow'], values)}"
            for number, values in enumerate(left, start=first)
        ]
        plan.additional.append(Entry(table["page"], table["part"], table["item"], tuple(lines)))


def _spec(column):
    return column if isinstance(column, dict) else {"kind": column}


def _cell(value, spec, date_format):
    if spec["kind"] == "checkbox":
        return None if blank(value) else token(value)
    return formatted(value, spec, date_format)


def _fits(values, form_row):
    return all(value is None or name in form_row for name, value in values.items())


def _write_row(plan, values, form_row, columns):
    for name, value in values.items():
        if value is None:
            continue
        spec = _spec(columns[name])
        if spec["kind"] == "checkbox":
            target = form_row[name].get(value)
            if target is not None:
                plan.checked[target] = spec["on"][value]
        else:
            plan.text[form_row[name]] = value


def _overflow_line(template, values):
    """The row in the list's format, without the separators of answers left blank."""
    shown = {name: "" if value is None else value for name, value in values.items()}
    line = " ".join(template.format(**shown).split())
    line = _EMPTY_SEPARATORS.sub(lambda match: match.group(0).strip()[-1], line)
    return line.replace(" ,", ",").replace(" :", ":").replace(" ;", ";").strip(" ,;:")
