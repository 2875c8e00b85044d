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


def case_version(client, case_id, section="contact"):
    page = client.get(f"/cases/{case_id}/intake/{section}").get_data(as_text=True)
    return page.split('name="version" type="hidden" value="')[1].split('"')[0]


def post_section(client, case_id, key, answers=None, **extra):
    data = {**COMPLETE[key], **(answers or {}), **extra}
    data.setdefault("version", case_version(client, case_id, key))
    return client.post(f"/cases/{case_id}/intake/{key}", data=data)


def complete_interview(client, case_id, **sections):
    """Post every section; `sections` override answers, e.g. green_card={"a_number": ""}."""
    for key in COMPLETE:
        response = post_section(client, case_id, key, sections.get(key))
        assert response.status_code == 302, (key, response.get_data(as_text=True)[-3000:])
