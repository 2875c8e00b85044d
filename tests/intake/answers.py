"""A complete interview, as a volunteer would post it, section by section."""

COMPLETE = {
    "contact": {
        "given_names": "Lan",
        "family_names": "Nguyễn",
        "date_of_birth": "04/02/1985",
        "sex": "female",
        "nationalities": ["VN"],
        "name_changed": "no",
        "phone": "(978) 555-0199",
        "language": "Vietnamese",
        "interpreter": "yes",
    },
    "green_card": {
        "a_number": "A123-456-789",
        "lpr_since": "03/15/2019",
        "category": "family",
        "conditional": "no",
    },
    "residence": {
        "state": "MA",
        "state_since": "03/15/2019",
        "student_dependent": "no",
        "addresses-0-address": "12 Elm St, Lawrence",
        "addresses-0-state": "MA",
        "addresses-0-moved_in": "03/15/2019",
    },
    "trips": {
        "any_trips": "yes",
        "trips-0-departed": "06/01/2023",
        "trips-0-returned": "07/15/2023",
        "trips-0-destination": "Vietnam",
    },
    "marriage": {"status": "single", "vawa": "no", "prior_marriages": "0"},
    "military": {"served": "no"},
    "character": {
        "arrests_or_charges": "0",
        "traffic_tickets": "0",
        "jail_days": "0",
        "false_claim_to_citizenship": "no",
        "registered_or_voted": "no",
        "removal_proceedings": "never",
        "lpr_lawfulness_concern": "no",
        "child_support": "not_applicable",
    },
    "taxes": {"taxes": "filed"},
    "parents": {"citizen_parent_before_18": "no", "born_abroad_to_citizen": "no"},
    "disability": {"disability_exception": "no"},
    "household": {"size": "3", "income": "42000", "means_tested_benefit": "no", "hardship": "no"},
}
NO_TO_ALL = {
    "conduct": (
        "crimes_not_arrested",
        "drug_trafficking",
        "marriage_fraud",
        "false_information",
        "lied_to_officials",
        "prostitution",
        "polygamy",
        "smuggling",
        "gambling",
        "benefit_fraud",
        "removed_or_deported",
    ),
    "groups": (
        "totalitarian_party",
        "advocated_overthrow",
        "group_weapon_attacks",
        "group_kidnapping",
        "group_threats",
        "torture",
        "genocide",
        "killing",
        "injuring",
        "sexual_violence",
        "religious_persecution",
        "persecution",
    ),
    "weapons": (
        "armed_unit",
        "armed_group",
        "detention_work",
        "weapon_group",
        "weapons_sales",
        "weapons_training",
        "recruited_children",
        "children_in_hostilities",
    ),
}
# The N-400's own questions, answered as most applicants answer them (the preparer is chosen
# from the organization's staff: see n400_interview()).
N400 = {
    "contact": {**COMPLETE["contact"], "country_of_birth": "VN", "middle_names": ""},
    "names": {"wants_name_change": "no", "accommodation": "no", "ssa_card": "no"},
    "biographic": {
        "ethnicity": "not_hispanic",
        "race": ["asian"],
        "height_feet": "5",
        "height_inches": "3",
        "weight_pounds": "121",
        "eye_color": "brown",
        "hair_color": "black",
    },
    "residence": {**COMPLETE["residence"], "mailing_same": "yes"},
    "employment": {
        "jobs-0-employer": "Lawrence General Hospital",
        "jobs-0-occupation": "Nursing assistant",
        "jobs-0-city": "Lawrence",
        "jobs-0-state": "MA",
        "jobs-0-started": "04/01/2019",
    },
    **{key: dict.fromkeys(names, "no") for key, names in NO_TO_ALL.items()},
    "oath": {
        "hereditary_title": "no",
        "supports_constitution": "yes",
        "understands_oath": "yes",
        "oath_disability": "no",
        "willing_oath": "yes",
        "bear_arms": "yes",
        "noncombatant_service": "yes",
        "civilian_work": "yes",
    },
    "military": {**COMPLETE["military"], "avoided_draft": "no", "applied_exemption": "no"},
    "household": {**COMPLETE["household"], "head_of_household": "yes", "earners": "2"},
    "eligibility": {"basis": "316a"},
}


def case_version(client, case_id, section="contact"):
    page = client.get(f"/cases/{case_id}/intake/{section}").get_data(as_text=True)
    return page.split('name="version" type="hidden" value="')[1].split('"')[0]


def post_section(client, case_id, key, answers=None, **extra):
    data = {**COMPLETE.get(key, N400.get(key, {})), **(answers or {}), **extra}
    data.setdefault("version", case_version(client, case_id, key))
    return client.post(f"/cases/{case_id}/intake/{key}", data=data)


def complete_interview(client, case_id, **sections):
    """Post every section; `sections` override answers, e.g. green_card={"a_number": ""}."""
    for key in COMPLETE:
        response = post_section(client, case_id, key, sections.get(key))
        assert response.status_code == 302, (key, response.get_data(as_text=True)[-3000:])


def n400_interview(client, case_id, preparer_id, **sections):
    """The whole N-400 on top of complete_interview(): every section the form needs."""
    for key, answers in {**N400, "preparer": {"preparer_id": str(preparer_id)}}.items():
        response = client.post(
            f"/cases/{case_id}/intake/{key}",
            data={
                **answers,
                **sections.get(key, {}),
                "version": case_version(client, case_id, key),
            },
        )
        assert response.status_code == 302, (key, response.get_data(as_text=True)[-3000:])
