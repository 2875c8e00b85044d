"""What changed between the facts a sign-off saw and the facts now, as interview questions."""

import re

from clinic.intake import display
from clinic.intake.answers import printed

# Each screening fact (clinic/intake/facts.py facts_from_case) and the question it comes from:
# (facts path, section key, question name), in the interview's order.
FACT_QUESTIONS = (
    ("person.date_of_birth", "contact", "date_of_birth"),
    ("person.sex", "contact", "sex"),
    ("person.nationalities", "contact", "nationalities"),
    ("person.name_changed", "contact", "name_changed"),
    ("residence.lpr_since", "green_card", "lpr_since"),
    ("residence.conditional", "green_card", "conditional"),
    ("residence.conditions_petition", "green_card", "conditions_petition"),
    ("residence.state", "residence", "state"),
    ("residence.state_since", "residence", "state_since"),
    ("residence.student_dependent", "residence", "student_dependent"),
    ("trips", "trips", "trips"),
    ("marriage.status", "marriage", "status"),
    ("marriage.married_on", "marriage", "married_on"),
    ("marriage.living_together_since", "marriage", "living_together_since"),
    ("marriage.spouse_citizen", "marriage", "spouse_citizen"),
    ("marriage.spouse_citizen_since", "marriage", "spouse_citizen_since"),
    ("marriage.spouse_employed_abroad", "marriage", "spouse_employed_abroad"),
    ("marriage.vawa", "marriage", "vawa"),
    ("military.served", "military", "served"),
    ("military.honorable", "military", "honorable"),
    ("military.serving_now", "military", "serving_now"),
    ("military.separated_on", "military", "separated_on"),
    ("military.service_days", "military", "service_days"),
    ("military.served_since_2001_09_11", "military", "served_since_2001_09_11"),
    ("selective_service.registered", "military", "ss_registered"),
    ("selective_service.in_us_18_to_26", "military", "ss_in_us_18_to_26"),
    ("record.arrests_or_charges", "character", "arrests_or_charges"),
    ("record.traffic_tickets", "character", "traffic_tickets"),
    ("record.convictions", "character", "convictions"),
    ("record.dui_convictions", "character", "dui_convictions"),
    ("record.jail_days", "character", "jail_days"),
    ("record.false_claim_to_citizenship", "character", "false_claim_to_citizenship"),
    ("record.registered_or_voted", "character", "registered_or_voted"),
    ("record.removal_proceedings", "character", "removal_proceedings"),
    ("record.lpr_lawfulness_concern", "character", "lpr_lawfulness_concern"),
    ("record.child_support", "character", "child_support"),
    ("record.other_concerns", "character", "other_concerns"),
    ("record.taxes", "taxes", "taxes"),
    ("parents.citizen_parent_before_18", "parents", "citizen_parent_before_18"),
    ("parents.born_abroad_to_citizen", "parents", "born_abroad_to_citizen"),
    ("disability_exception", "disability", "disability_exception"),
    ("household.size", "household", "size"),
    ("household.income", "household", "income"),
    ("household.means_tested_benefit", "household", "means_tested_benefit"),
    ("household.hardship", "household", "hardship"),
)
BY_PATH = {path: (section, name) for path, section, name in FACT_QUESTIONS}
# Facts keep a DUI as its date alone; the interview asks it as a row with a date.
AS_ROWS = {"record.dui_convictions": "date"}
_ROW_LEAF = re.compile(r"(?P<list>[\w.]+)\[(?P<index>\d+)\]\.(?P<key>\w+)\Z")


def _fact(facts, path):
    value = facts
    for key in path.split("."):
        value = value.get(key) if isinstance(value, dict) else None
    return value


def _as_answer(path, value):
    if path in AS_ROWS and isinstance(value, list):
        return [{AS_ROWS[path]: item} for item in value]
    return value


def answers_from_facts(facts):
    """[(section key, question name, answer)] behind the facts, in the interview's order.

    The facts keep only dated trips, so "Any trips?" reads Yes exactly when one was counted."""
    answers = []
    for path, section, name in FACT_QUESTIONS:
        if path == "trips":
            answers.append((section, "any_trips", bool(_fact(facts, path))))
        answers.append((section, name, _as_answer(path, _fact(facts, path))))
    return answers


def flatten(value, prefix=""):
    """{'household.size': 3, 'trips': [...]} from nested facts (lists kept whole)."""
    if isinstance(value, dict):
        items = {}
        for key, inner in value.items():
            items.update(flatten(inner, f"{prefix}.{key}" if prefix else key))
        return items
    return {prefix: value}


def _asked(path):
    """Whether a question stands behind this fact path, or behind facts inside it."""
    return any(
        path == known or path.startswith(f"{known}.") or known.startswith(f"{path}.")
        for known in BY_PATH
    )


def _path_label(path):
    """ "Residence: years abroad" for a fact (residence.years_abroad) that no question asks."""
    return path.replace("_", " ").replace(".", ": ").capitalize()


def _change(section, name, before, after, row=None):
    if row is None:
        label = display.question_label(section, name)
    else:
        label = display.row_label(section, name, row)
    return {
        "section": section,
        "question": name,
        "row": row,
        "label": label,
        "before": before,
        "after": after,
    }


def _at(rows, index):
    return rows[index] if index < len(rows) else None


def _row_changes(section, name, before, after):
    before, after = before or [], after or []
    return [
        _change(section, name, _at(before, index), _at(after, index), row=index)
        for index in range(max(len(before), len(after)))
        if _at(before, index) != _at(after, index)
    ]


def changed_answers(before, after):
    """[{'section', 'question', 'row', 'label', 'before', 'after'}] for every question whose
    answer behind the facts differs; a list gives one change per row that differs. Facts that
    no question asks (added to the contract later) are listed by their path."""
    changes = []
    old, new = answers_from_facts(before), answers_from_facts(after)
    for (section, name, was), (_, _, now) in zip(old, new, strict=True):
        if isinstance(was, list) or isinstance(now, list):
            changes += _row_changes(section, name, was, now)
        elif was != now:
            changes.append(_change(section, name, was, now))
    old, new = flatten(before), flatten(after)
    for path in sorted((old.keys() | new.keys()) - {"as_of"}):
        if not _asked(path) and old.get(path) != new.get(path):
            changes.append(
                {
                    "field": path,
                    "label": _path_label(path),
                    "before": old.get(path),
                    "after": new.get(path),
                }
            )
    return changes


def _legacy_change(change):
    """A change stored by facts path ("trips[0].returned", "marriage.status"), before changes
    were kept by question, in today's format (rows hold only the field that changed)."""
    field, before, after = change["field"], change["before"], change["after"]
    leaf = _ROW_LEAF.match(field)
    if leaf and leaf["list"] in BY_PATH:
        section, name = BY_PATH[leaf["list"]]
        key = leaf["key"]
        before, after = ({key: v} if v is not None else None for v in (before, after))
        return _change(section, name, before, after, row=int(leaf["index"]))
    if field in BY_PATH:
        section, name = BY_PATH[field]
        return _change(section, name, _as_answer(field, before), _as_answer(field, after))
    return {**change, "label": _path_label(change.get("label") or field)}


def _by_question(changes):
    """Stored changes in today's format, the parts of one legacy row merged into one."""
    merged = {}
    for change in changes or []:
        if "section" not in change:
            change = _legacy_change(change)
        section, row = change.get("section"), change.get("row")
        key = (section, change.get("question"), row) if section else (None, change["label"], None)
        if key in merged and row is not None:
            for side in ("before", "after"):
                if change[side] is not None:
                    merged[key][side] = {**(merged[key][side] or {}), **change[side]}
        else:
            merged[key] = dict(change)
    return list(merged.values())


def _texts(change):
    section, name, row = change.get("section"), change.get("question"), change.get("row")
    if section is None:
        return change["label"], *(display.plain_text(change[side]) for side in ("before", "after"))
    if row is None:
        texts = (display.answer_text(section, name, change[side]) for side in ("before", "after"))
        return display.question_label(section, name), *texts
    texts = (display.row_text(section, name, change[side]) for side in ("before", "after"))
    return display.row_label(section, name, row), *texts


def shown_changes(changes):
    """A void's stored changes as the attorney reads them: [{'section', 'label', 'before',
    'after'}] in display text. A change that reads the same both ways (a list stored as []
    once and missing now) is no change to the reader."""
    shown = []
    for change in _by_question(changes):
        label, before, after = _texts(change)
        if before != after:
            section = change.get("section")
            title = display.section_title(section) if section else None
            shown.append({"section": title, "label": label, "before": before, "after": after})
    return shown


def changed_questions(changes):
    """ "Trips outside the U.S.: Any trips…?, Trip 1; Marriage and children: Marital status"."""
    groups = {}
    for change in shown_changes(changes):
        labels = groups.setdefault(change["section"], [])
        if change["label"] not in labels:
            labels.append(change["label"])
    return "; ".join(
        f"{section}: {', '.join(labels)}" if section else ", ".join(labels)
        for section, labels in groups.items()
    )


def _blank(value):
    return value is None or value == "" or value == [] or value == {}


def _questions(section, before, after):
    """The section's questions in the interview's order, then any stored under older names."""
    asked = list(display.section_fields(section))
    others = sorted((before.keys() | after.keys()) - set(asked))
    return [name for name in asked + others if name in before or name in after]


def changed_n400_answers(before, after):
    """Every answer printed on the N-400 that differs between two `all_answers()` snapshots,
    in the changes' stored format ({'section', 'question', 'row', 'label', 'before',
    'after'}), in the interview's order; a list gives one change per row that differs.
    Unanswered, blank and an empty list are the same answer."""
    changes = []
    for section in dict.fromkeys([*before, *after]):
        old, new = (printed(section, side.get(section) or {}) for side in (before, after))
        for name in _questions(section, old, new):
            was, now = old.get(name), new.get(name)
            if _blank(was) and _blank(now):
                continue
            if isinstance(was, list) or isinstance(now, list):
                changes += _row_changes(section, name, was, now)
            elif was != now:
                changes.append(_change(section, name, was, now))
    return changes
