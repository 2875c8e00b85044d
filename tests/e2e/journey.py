"""The coalition the journey builds, step by step, through the browser: session fixtures call
these, so each test gets the set-up it needs and the journey is made once per run."""

import re
from dataclasses import dataclass, field

from playwright.sync_api import expect

from clinic.intake import display, n400_forms
from tests.e2e.axe import check
from tests.e2e.people import PASSWORD, add_row, expect_text, fill, log_in, log_out, select
from tests.e2e.settings import LAPTOP


@dataclass
class Person:
    name: str
    email: str
    role: str
    page: object = None
    role_label: str = ""
    totp_secret: str = ""  # the key the enrolment page showed, as an authenticator app keeps it

    @property
    def password(self):
        return PASSWORD.format(self.role)


@dataclass
class Coalition:
    """Who is logged in where, and what has been made so far."""

    browser: object
    base_url: str
    clock: object  # people.ServerClock: moved on for each second-factor code
    people: dict = field(default_factory=dict)
    day_url: str = ""
    cases: dict = field(default_factory=dict)  # applicant key -> case id
    accessibility: dict = field(default_factory=dict)  # page -> axe results, both sizes
    panels: dict = field(default_factory=dict)  # applicant key -> the live screening panel
    packet_url: str = ""
    packet_text: str = ""
    voter_before_oath: str = ""
    import_url: str = ""  # the report of a clinic day imported from a laptop

    def page_for(self, role, viewport=LAPTOP):
        context = self.browser.new_context(
            base_url=self.base_url, viewport=viewport, accept_downloads=True
        )
        context.set_default_timeout(15_000)
        return context.new_page()

    def as_(self, role):
        return self.people[role].page


def first_run(coalition):
    """The one-time set-up page creates the coalition admin and the host organization."""
    admin = Person("Rosa Admin", "rosa.admin@example.org", "admin")
    page = coalition.page_for("admin")
    page.goto("/")
    expect(page.get_by_role("heading", name="Set up Clinic")).to_be_visible()
    check(page, "auth.first_run", coalition.accessibility)
    fill(
        page,
        {
            "Your organization": "Merrimack Valley Immigrant Coalition",
            "Your name": admin.name,
            "Your email": admin.email,
            "New password": admin.password,
            "Type it again": admin.password,
        },
    )
    page.get_by_role("button", name="Create the admin account").click()
    expect_text(page, "Clinic is set up")
    log_in(page, admin.email, admin.password)
    enrol(coalition, admin, page, check_pages=True)
    admin.page = page
    coalition.people["admin"] = admin
    return admin


ATTORNEY_LABEL = "Attorney or accredited representative"
ANY_TRIPS = "Any trips outside the U.S. of 24 hours or more since becoming a resident?"
STAFF = (
    ("Vân Volunteer", "van.volunteer@example.org", "volunteer", "Volunteer"),
    (
        "Ana Attorney",
        "ana.attorney@example.org",
        "attorney",
        ATTORNEY_LABEL,
    ),
    ("Carlos Coordinator", "carlos.coordinator@example.org", "coordinator", "Coordinator"),
)


def invite_staff(coalition):
    """The admin invites each person; each opens their link and chooses a password."""
    admin = coalition.as_("admin")
    for name, email, role, role_label in STAFF:
        admin.goto("/admin/users")
        admin.get_by_role("link", name="Invite a user").click()
        fill(admin, {"Full name": name, "Email": email})
        select(admin, "Role", role_label)
        if role == "attorney":
            select(admin, "Attorney credential", "Bar admission")
            fill(admin, {"Bar number or accreditation number": "MA BBO 123456"})
        admin.get_by_role("button", name="Create the account and get the link").click()
        link = admin.get_by_label("Invitation link").input_value()
        person = Person(name, email, role, coalition.page_for(role), role_label)
        person.page.goto(link)
        if role == "volunteer":
            check(person.page, "auth.accept_invitation", coalition.accessibility)
        fill(person.page, {"New password": person.password})
        fill(person.page, {"Type it again": person.password})
        person.page.get_by_role("button", name="Set my password").click()
        log_in(person.page, email, person.password)
        if role != "volunteer":  # optional for volunteers: this one says "Not now"
            enrol(coalition, person, person.page)
            log_out(person.page)
            code = coalition.clock.code(person)
            checked = coalition.accessibility if role == "attorney" else None
            log_in(person.page, email, person.password, code=code, accessibility=checked)
        coalition.people[role] = person


def enrol(coalition, person, page, check_pages=False):
    """Attorneys, coordinators and admins land on the second factor's set-up: the app is
    given the key shown under the QR code, its first code confirms, the recovery codes are
    shown once."""
    expect(page.get_by_role("heading", name="Set up your second factor")).to_be_visible()
    if check_pages:
        check(page, "auth.enrol", coalition.accessibility)
    person.totp_secret = page.locator("#secret-key").inner_text().replace(" ", "")
    fill(page, {"Code from the app": coalition.clock.code(person)})
    page.get_by_role("button", name="Turn on the second factor").click()
    expect(page.get_by_role("heading", name="Your recovery codes")).to_be_visible()
    expect(page.locator("ol.recovery-codes li")).to_have_count(10)
    if check_pages:
        check(page, "auth.recovery_codes", coalition.accessibility)
    page.get_by_role("link", name="I have kept them: continue").click()
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()


def plan_clinic_day(coalition):
    """The coordinator plans a clinic day and puts the volunteer and attorney on its staff."""
    page = coalition.as_("coordinator")
    page.goto("/events/")
    page.get_by_role("link", name="Plan a clinic day").click()
    fill(
        page,
        {
            "Name": "Lawrence Citizenship Day",
            "Site and address": "Lawrence Public Library, 51 Lawrence St",
            "Date": "11/30/2026",
            "How many applicants it can take": "60",
        },
    )
    page.get_by_role("button", name="Save").click()
    expect_text(page, "Clinic day planned")
    for role in ("volunteer", "attorney"):
        person = coalition.people[role]
        page.get_by_label("Add a person to the staff").select_option(
            label=f"{person.name} ({person.role_label})"
        )
        page.get_by_role("button", name="Add to staff").click()
        expect(page.locator("body")).to_contain_text(person.name)
    coalition.day_url = page.url.split("?")[0].removeprefix(coalition.base_url)


def check_in(coalition, given, family, born, **extra):
    """The volunteer searches first, then creates the record; returns the new case's id."""
    page = coalition.as_("volunteer")
    page.goto(coalition.day_url)
    page.get_by_role("link", name="Check someone in").click()
    fill(page, {"Given names": given, "Family names": family, "Date of birth": born, **extra})
    page.get_by_role("button", name="Search").click()
    expect_text(page, "On file")
    page.get_by_role("button", name="Create a new record").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Contact and language")
    return int(page.url.split("/cases/")[1].split("/")[0])


# The N-400's own Part 9 sections, every question answered No (as most applicants answer).
PART_9 = (
    ("Crimes, drugs, fraud, removal", "conduct"),
    ("Parties, violent groups, persecution", "groups"),
    ("Armed groups and weapons", "weapons"),
)


def no_to_all(key):
    """{question: "No"} for the yes/no questions of a section, those asked only after a "yes"
    left out: the labels as the page shows them."""
    follow_ups = {"used_weapon", "threatened_weapon"}
    return {
        display.question_label(key, name): "No"
        for name in n400_forms.YES_NO_QUESTIONS[key]
        if name not in follow_ups
    }


# The whole interview, one applicant: {section title: (answers, rows)}; rows are
# (add button, {column: value}) in order. Sections not given are answered "as usual".
def usual_interview(**changes):
    sections = {
        "Contact and language": (
            {
                "Sex on the green card": "Female",
                "Is the current legal name different from the green card?": "No",
                "Phone": "(978) 555-0142",
                "Preferred language": "Español (Spanish)",
                "Needs an interpreter?": "No",
                "Home address": "12 Essex St, Lawrence MA 01840",
            },
            [],
        ),
        "Other names, name change, Social Security": (
            {
                "Does the applicant want to legally change their name?": "No",
                "Does the applicant need an accommodation": "No",
                "Should Social Security issue a card (or a new one)?": "No",
            },
            [],
        ),
        "Green card": (
            {
                "A-number": "A201-555-019",
                "Resident since": "03/01/2012",
                "How the green card was obtained": "Family (spouse, parent, child, sibling)",
                "Is it a 2-year conditional card?": "No",
            },
            [],
        ),
        "Height, weight, eyes and hair": (
            {
                "Ethnicity": "Hispanic or Latino",
                "Race": "White",
                "Height: feet": "5",
                "Height: inches": "4",
                "Weight in pounds": "140",
                "Eye color": "Brown",
                "Hair color": "Black",
            },
            [],
        ),
        "Where they live": (
            {
                "State of residence now": "Massachusetts",
                "Living in this state since": "03/01/2012",
                "A student who depends on family in another state?": "No",
                "Is the current home address also the mailing address?": "Yes",
            },
            [
                (
                    "Add an address",
                    {
                        "Address": "12 Essex St, Lawrence",
                        "State": "Massachusetts",
                        "From": "03/01/2012",
                    },
                )
            ],
        ),
        "Trips outside the U.S.": (
            {ANY_TRIPS: "No"},
            [],
        ),
        "Marriage and children": (
            {
                "Marital status": "Single, never married",
                "Green card through VAWA, as the abused spouse or child of a citizen?": "No",
                "How many earlier marriages?": "0",
            },
            [],
        ),
        "Work and school": (
            {},
            [
                (
                    "Add a job",
                    {
                        "Employer or school": "Lawrence General Hospital",
                        "Occupation or field of study": "Cook",
                        "City or town": "Lawrence",
                        "From": "04/01/2012",
                    },
                )
            ],
        ),
        "Military and Selective Service": (
            {
                "Ever served in the U.S. armed forces?": "No",
                "Ever left the U.S. to avoid being drafted": "No",
                "Ever applied for any kind of exemption from U.S. military service?": "No",
            },
            [],
        ),
        "Arrests, court and other questions": (
            {
                "Arrests, citations or charges (not minor traffic tickets), anywhere, ever": "0",
                "Traffic tickets in the last 5 years": "0",
                "Days in jail after a conviction, in the last 5 years": "0",
                "Ever claimed to be a U.S. citizen (on a job form, to vote, for a benefit)?": "No",
                "Ever registered to vote or voted in any U.S. election?": "No",
                "Removal or deportation proceedings": "Never",
                "Any problem with how the green card was obtained": "No",
                "Child support": "Does not apply",
            },
            [],
        ),
        **{title: (no_to_all(key), []) for title, key in PART_9},
        "Taxes": ({"Federal income taxes": "Filed every year, nothing owed"}, []),
        "Parents' citizenship": (
            {
                "Was either parent a U.S. citizen, or did one become one, before the applicant "
                "turned 18?": "No",
                "Was a parent a U.S. citizen when the applicant was born abroad?": "No",
            },
            [],
        ),
        "Disability exception": (
            {"Will the applicant ask to be excused from the English and civics tests": "No"},
            [],
        ),
        "Household and income (for the fee)": (
            {
                "People in the household": "2",
                "Household income last year (dollars)": "68000",
                "Anyone in the household receives Medicaid, SNAP, TANF or SSI?": "No",
                "A financial hardship (medical bills, job loss, eviction)?": "No",
                "Is the applicant the head of the household?": "Yes",
                "How many people in the household earn an income?": "2",
            },
            [],
        ),
        "The oath and the Constitution": (
            {
                "Has, or ever had, a hereditary title": "No",
                "Supports the Constitution": "Yes",
                "Understands the full Oath of Allegiance?": "Yes",
                "Unable to take the oath because of a physical": "No",
                "Willing to take the full Oath of Allegiance?": "Yes",
                "If the law requires it, willing to bear arms for the U.S.?": "Yes",
                "If the law requires it, willing to do noncombatant service": "Yes",
                "If the law requires it, willing to do work of national importance": "Yes",
            },
            [],
        ),
        "Eligibility (N-400 Part 1)": ({}, []),  # the screening's path, chosen already
        "Interpreter and preparer": (
            {"Who prepared the application": "Vân Volunteer (Volunteer)"},
            [],
        ),
    }
    for title, (answers, rows) in changes.items():
        base_answers, base_rows = sections[title]
        sections[title] = ({**base_answers, **answers}, rows if rows is not None else base_rows)
    return sections


def interview(coalition, case_id, sections, nationality="Dominican Republic"):
    """Every section in order, with Save and continue, as the volunteer does it."""
    page = coalition.as_("volunteer")
    page.goto(f"/cases/{case_id}/intake/contact")
    page.get_by_label("Countries of birth and citizenship").select_option(label=nationality)
    page.get_by_label("Country of birth", exact=True).select_option(label=nationality)
    for title, (answers, rows) in sections.items():
        expect(page.get_by_role("heading", level=1)).to_have_text(title)
        fill(page, answers)  # in the form's order: an answer may reveal the next question
        counts = {}
        for button, values in rows:  # adding a row shows the page again, answers kept
            counts[button] = counts.get(button, 0) + 1
            add_row(page, button, values, counts[button])
        if rows and title == "Trips outside the U.S.":  # the warning the script writes
            expect(page.locator(".trip-warning").first).to_have_text(re.compile(r"^\d+ days: "))
        page.get_by_role("button", name="Save and continue").last.click()
    return page


# Four applicants whose screening differs: (check-in answers, interview changes, nationality).
APPLICANTS = {
    "long_trip": (
        ("María José", "Ortega Núñez", "04/12/1980"),
        {
            "Trips outside the U.S.": (
                {ANY_TRIPS: "Yes"},
                [
                    (
                        "Add a trip",
                        {
                            "Left the U.S.": "01/10/2024",
                            "Came back": "02/20/2025",
                            "Where": "Santo Domingo",
                        },
                    )
                ],
            ),
        },
        "Dominican Republic",
    ),
    "citizen_spouse": (
        ("Lan", "Nguyễn", "07/07/1990"),
        {
            "Green card": ({"Resident since": "06/01/2023", "A-number": "A208-555-301"}, None),
            "Where they live": ({"Living in this state since": "06/01/2023"}, None),
            "Marriage and children": (
                {
                    "Marital status": "Married",
                    "Date of the current marriage": "05/01/2022",
                    "Is the spouse a U.S. citizen?": "Yes",
                    "Spouse a citizen since": "01/01/1988",
                    "Does the citizen spouse work abroad": "No",
                },
                None,
            ),
        },
        "Vietnam",
    ),
    "two_duis": (
        ("Jean-Baptiste", "Pierre", "09/15/1985"),
        {
            "Contact and language": (
                {
                    "Sex on the green card": "Male",
                    "Preferred language": "Kreyòl ayisyen (Haitian Creole)",
                },
                None,
            ),
            "Green card": ({"A-number": "A203-555-777"}, None),
            "Military and Selective Service": (
                {"(Men) Registered with the Selective Service?": "Yes"},
                None,
            ),
            "Arrests, court and other questions": (
                {"Arrests, citations or charges (not minor traffic tickets), anywhere, ever": "2"},
                [
                    ("Add a DUI", {"Date of DUI/OUI conviction": "05/04/2022"}),
                    ("Add a DUI", {"Date of DUI/OUI conviction": "08/19/2023"}),
                ],
            ),
        },
        "Haiti",
    ),
    "fee_waiver": (
        ("Fatima", "Haddad", "02/28/1975"),
        {
            "Green card": ({"A-number": "A204-555-888"}, None),
            "Household and income (for the fee)": (
                {
                    "People in the household": "4",
                    "Household income last year (dollars)": "20000",
                    "Anyone in the household receives Medicaid, SNAP, TANF or SSI?": "Yes",
                },
                None,
            ),
        },
        "Morocco",
    ),
}


def screen_applicant(coalition, key):
    """Check the applicant in, do the whole interview; returns the case id."""
    (given, family, born), changes, nationality = APPLICANTS[key]
    case_id = check_in(coalition, given, family, born)
    page = interview(coalition, case_id, usual_interview(**changes), nationality)
    coalition.cases[key] = case_id
    # The live panel beside the questions, as the volunteer sees it at the last section.
    page.goto(f"/cases/{case_id}/intake/household")
    coalition.panels[key] = page.get_by_role("region", name="Screening").inner_text()
    return case_id


def take_step(page, case_id, label):
    """A button of the case page's stage steps (Finish intake, Send to attorney review…)."""
    page.goto(f"/cases/{case_id}")
    page.get_by_role("button", name=label).click()
    expect_text(page, "Case is now")


def send_to_review(coalition, case_id):
    page = coalition.as_("volunteer")
    take_step(page, case_id, "Finish intake")
    take_step(page, case_id, "Send to attorney review")
    expect_text(page, "Attorney review")


def full_name(key):
    given, family, _ = APPLICANTS[key][0]
    return f"{given} {family}"


def sign_off(coalition, key, decision="Approve to file", resolution=None):
    """The attorney opens the case from the queue, claims it, resolves every finding with a
    note, decides and signs with the password."""
    person = coalition.people["attorney"]
    page = person.page
    page.goto("/review/")
    page.get_by_role("link", name=full_name(key)).click()
    claim = page.get_by_role("button", name="I'll review this case")
    if claim.count():
        claim.click()
    findings = page.locator("article.review-finding")
    for number in range(findings.count()):
        finding = findings.nth(number)
        if finding.get_by_label("Resolution").count():
            finding.get_by_label("Resolution").select_option(
                label=resolution or "Resolved: fine to file (say why, and which evidence)"
            )
            finding.get_by_label("Note").fill("Certified court records read; disposition clear.")
    fill(
        page,
        {
            "Decision": decision,
            "Your password, to sign": person.password,
            "Code from your authenticator app": coalition.clock.code(person),
        },
    )
    page.get_by_role("button", name="Sign the decision").click()
    expect_text(page, "Signed: ")
    return page
