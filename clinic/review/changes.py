"""What changed between the facts a sign-off saw and the facts now, in words."""

LABELS = {
    "person.date_of_birth": "Date of birth",
    "person.sex": "Sex",
    "person.nationalities": "Nationalities",
    "person.name_changed": "Name differs from the card",
    "residence.lpr_since": "Resident since",
    "residence.conditional": "Conditional green card",
    "residence.conditions_petition": "Petition to remove conditions",
    "residence.state": "State",
    "residence.state_since": "In the state since",
    "residence.student_dependent": "Dependent student",
    "marriage.status": "Marital status",
    "marriage.spouse_citizen": "Spouse a citizen",
    "marriage.spouse_citizen_since": "Spouse a citizen since",
    "marriage.married_on": "Married on",
    "household": "Household",
}


def flatten(value, prefix=""):
    """{'trips[0].returned': '2023-07-24', ...} from nested facts."""
    if isinstance(value, dict):
        items = {}
        for key, inner in value.items():
            items.update(flatten(inner, f"{prefix}.{key}" if prefix else key))
        return items
    if isinstance(value, list) and value and isinstance(value[0], dict):
        items = {}
        for index, inner in enumerate(value):
            items.update(flatten(inner, f"{prefix}[{index}]"))
        return items
    return {prefix: value}


def label_for(field):
    if field in LABELS:
        return LABELS[field]
    if field.startswith("trips["):
        number = int(field[6 : field.index("]")]) + 1
        part = "left" if field.endswith("departed") else "came back"
        return f"Trip {number}, {part}"
    return field.replace("_", " ").replace(".", ": ")


def changed_answers(before, after):
    """[{'field', 'label', 'before', 'after'}] for every fact that differs (as_of aside)."""
    old, new = flatten(before), flatten(after)
    changes = []
    for field in sorted((old.keys() | new.keys()) - {"as_of"}):
        if old.get(field) != new.get(field):
            changes.append(
                {
                    "field": field,
                    "label": label_for(field),
                    "before": old.get(field),
                    "after": new.get(field),
                }
            )
    return changes
