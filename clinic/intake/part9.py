"""The N-400's Part 9 (items 1-37) as the interview answers it: each item's yes or no, read
from the question that asks it (some are the screening's own questions, read as the form
asks them). For the form filler and the attorney's review; None where not answered yet."""


def _from(section, name, read=None):
    """Item read from one answer: as stored (True/False), or through `read`."""

    def item(answers):
        value = answers.get(section, {}).get(name)
        if read is None:
            return value if isinstance(value, bool) else None
        return None if value is None or value == "" else read(value)

    return item


def _taxes_owed(value):
    return value in ("owed_with_plan", "owed_no_plan")


def _court_martialed(answers):
    """Item 27, from its own question and "Was the service honorable?"; skipped (None), as
    the form says, for someone who never served."""
    military = answers.get("military", {})
    if not military.get("served"):
        return None
    if military.get("court_martialed") or military.get("honorable") is False:
        return True
    return military.get("court_martialed")


# Item number -> (section, question) it is read from, or a function of all the answers.
ITEMS = {
    "1": _from("character", "false_claim_to_citizenship"),
    "2": _from("character", "registered_or_voted"),
    "3": _from("taxes", "taxes", _taxes_owed),
    "4": _from("taxes", "taxes", lambda v: v == "filed_as_nonresident"),
    "5.a": _from("groups", "totalitarian_party"),
    "5.b": _from("groups", "advocated_overthrow"),
    "6.a": _from("groups", "group_weapon_attacks"),
    "6.b": _from("groups", "group_kidnapping"),
    "6.c": _from("groups", "group_threats"),
    "7.a": _from("groups", "torture"),
    "7.b": _from("groups", "genocide"),
    "7.c": _from("groups", "killing"),
    "7.d": _from("groups", "injuring"),
    "7.e": _from("groups", "sexual_violence"),
    "7.f": _from("groups", "religious_persecution"),
    "7.g": _from("groups", "persecution"),
    "8.a": _from("weapons", "armed_unit"),
    "8.b": _from("weapons", "armed_group"),
    "9": _from("weapons", "detention_work"),
    "10.a": _from("weapons", "weapon_group"),
    "10.b": _from("weapons", "used_weapon"),
    "10.c": _from("weapons", "threatened_weapon"),
    "11": _from("weapons", "weapons_sales"),
    "12": _from("weapons", "weapons_training"),
    "13": _from("weapons", "recruited_children"),
    "14": _from("weapons", "children_in_hostilities"),
    "15.a": _from("conduct", "crimes_not_arrested"),
    "15.b": _from("character", "arrests_or_charges", lambda v: v > 0),
    "16": _from("character", "probation_completed", lambda v: v == "yes"),
    "17.a": _from("conduct", "prostitution"),
    "17.b": _from("conduct", "drug_trafficking"),
    "17.c": _from("conduct", "polygamy"),
    "17.d": _from("conduct", "marriage_fraud"),
    "17.e": _from("conduct", "smuggling"),
    "17.f": _from("conduct", "gambling"),
    "17.g": _from("character", "child_support", lambda v: v == "arrears"),
    "17.h": _from("conduct", "benefit_fraud"),
    "18": _from("conduct", "false_information"),
    "19": _from("conduct", "lied_to_officials"),
    "20": _from("character", "removal_proceedings", lambda v: v != "never"),
    "21": _from("conduct", "removed_or_deported"),
    "22.a": _from("military", "ss_in_us_18_to_26"),
    "22.b": _from("military", "ss_registered"),
    "23": _from("military", "avoided_draft"),
    "24": _from("military", "applied_exemption"),
    "25": _from("military", "served"),
    "26.a": _from("military", "serving_now"),
    "26.b": _from("military", "deploying_soon"),
    "26.c": _from("military", "stationed_abroad"),
    "27": _court_martialed,
    "28": _from("military", "discharged_as_alien"),
    "29": _from("military", "deserted"),
    "30.a": _from("oath", "hereditary_title"),
    "30.b": _from("oath", "give_up_title"),
    "31": _from("oath", "supports_constitution"),
    "32": _from("oath", "understands_oath"),
    "33": _from("oath", "oath_disability"),
    "34": _from("oath", "willing_oath"),
    "35": _from("oath", "bear_arms"),
    "36": _from("oath", "noncombatant_service"),
    "37": _from("oath", "civilian_work"),
}


def part9(answers):
    """{item number: True (yes), False (no) or None (not answered)} for every Part 9 item,
    from the answers of all sections ({section key: answers})."""
    return {item: read(answers) for item, read in ITEMS.items()}


# Items whose "yes" is the answer the law expects (or is only a fact, like having served);
# for the others a "yes" needs an explanation and an attorney's eye.
YES_EXPECTED = frozenset({"16", "22.a", "22.b", "25", "26.a", "26.b", "26.c", "30.b"})
NO_IS_ADVERSE = frozenset({"16", "30.b", "31", "32", "34", "35", "36", "37"})
# Where each section keeps the explanation of its items' answers.
EXPLANATIONS = dict.fromkeys(("conduct", "groups", "weapons", "oath"), "explanation")


def adverse(answers):
    """The Part 9 items answered the way that needs an explanation (a "yes" to a question of
    conduct, a "no" to one of allegiance), in the form's order: [item number]."""
    items = part9(answers)
    adverse_answer = {item: item not in NO_IS_ADVERSE for item in items}
    flagged = [
        item
        for item, value in items.items()
        if value is not None and value is adverse_answer[item] and item not in YES_EXPECTED
    ]
    flagged += [item for item in ("16", "30.b") if items[item] is False]
    if items["22.a"] and items["22.b"] is False:
        flagged.append("22.b")
    return flagged


def explanations(answers):
    """The explanations typed in the Part 9 sections, by section key (blank ones left out)."""
    return {
        key: answers.get(key, {}).get(name)
        for key, name in EXPLANATIONS.items()
        if answers.get(key, {}).get(name)
    }
