"""What an applicant's checklist says about where they stand: every stage, every decision."""

import datetime

import pytest

from clinic.cases.stages import Stage
from clinic.packets.context import (
    AFTER_FILING,
    ATTORNEY_WILL_REVIEW,
    NOT_DECIDED,
    STAGE_DECISIONS,
    where_you_stand,
)
from clinic.review.models import Decision

# The screening said "not yet, from 12 Jul 2020"; the attorney's own dates differ.
RESULT = {
    "outcome": "not_yet",
    "earliest_filing_date": "2020-07-12",
    "filing_date": "2026-12-05",
}
SCREENING_DATE = "12 Jul 2020"
DECIDED_ON = "5 Dec 2026"
COME_BACK = "3 Feb 2028"
REFERRED_TO = "Greater Boston Legal Services"
MILESTONES = {
    "filed_on": datetime.date(2026, 12, 10),
    "biometrics_on": None,
    "interview_on": datetime.date(2027, 3, 4),
    "response_due_on": datetime.date(2027, 4, 1),
    "oath_on": datetime.date(2027, 5, 6),
    "citizen": True,
}
# Where the screening's date may speak: before a decision, or where the decision keeps it.
SCREENING_DATE_STANDS = NOT_DECIDED | {Stage.APPROVED, Stage.NEEDS_INFO, Stage.NOT_YET}


def decision(kind):
    if kind is None:
        return None
    return {
        "decision": kind,
        "decided_on": datetime.date(2026, 12, 5),
        "referred_to": REFERRED_TO if kind == Decision.REFER else None,
        "come_back_on": datetime.date(2028, 2, 3) if kind == Decision.NOT_YET else None,
        "conditions": ["MARRIAGE_CERTIFICATE"] if kind == Decision.APPROVE_WITH_CONDITIONS else [],
    }


def read(statement):
    line = statement["date_line"]
    parts = [statement["headline"], *statement["details"]]
    return " ".join(parts + ([line["sentence"]] if line else []))


def rests_on(stage, kind):
    """The decision is the one this decided stage rests on (else the checklist ignores it)."""
    return kind is not None and kind in STAGE_DECISIONS.get(stage, ())


@pytest.mark.parametrize("kind", [None, *Decision], ids=lambda kind: str(kind or "undecided"))
@pytest.mark.parametrize("stage", list(Stage), ids=str)
def test_the_checklist_follows_the_stage_then_the_decision(stage, kind):
    text = read(where_you_stand(stage, decision(kind), RESULT, MILESTONES))

    assert "apply for U.S. citizenship now" not in text
    approved = stage == Stage.APPROVED and rests_on(stage, kind)
    assert ("you can apply" in text) == approved
    if stage in AFTER_FILING:
        assert "Next:" in text and "before you apply" not in text
    if stage in NOT_DECIDED or (stage == Stage.APPROVED and not approved):
        assert ATTORNEY_WILL_REVIEW in text
    if rests_on(stage, kind):
        assert DECIDED_ON in text  # the decision, with its date
    elif stage not in NOT_DECIDED:
        assert DECIDED_ON not in text  # a decision the stage does not rest on says nothing
    # The attorney's come-back date overrides the screening's date wherever it stands.
    come_back = kind == Decision.NOT_YET and (stage == Stage.NOT_YET or stage in NOT_DECIDED)
    assert (COME_BACK in text) == come_back
    screening_date = stage in SCREENING_DATE_STANDS and not come_back
    assert (SCREENING_DATE in text) == screening_date
    assert (REFERRED_TO in text) == (stage == Stage.REFERRED and kind == Decision.REFER)


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        (Decision.APPROVE, f"checked your answers on {DECIDED_ON}: you can apply."),
        (Decision.APPROVE_WITH_CONDITIONS, "once you have the documents marked “Bring first”"),
        (Decision.NEEDS_INFO, "needs a little more information"),
        (Decision.REFER, f"referred you to {REFERRED_TO}"),
        (Decision.NOT_YET, f"come back to the clinic on {COME_BACK}"),
        (Decision.CLOSE, f"closed this case on {DECIDED_ON}"),
    ],
)
def test_each_decision_reads_as_itself_on_its_own_stage(kind, words):
    stage = next(stage for stage, kinds in STAGE_DECISIONS.items() if kind in kinds)
    assert words in read(where_you_stand(stage, decision(kind), RESULT))


def test_a_case_never_reviewed_is_told_the_attorney_reviews_first():
    eligible = {**RESULT, "outcome": "eligible"}
    for stage in NOT_DECIDED:
        statement = where_you_stand(stage, None, eligible)
        assert ATTORNEY_WILL_REVIEW in statement["headline"]
        assert "nothing that stops you" in read(statement)
    assert "not finished" in where_you_stand(Stage.INTAKE, None, None)["headline"]


@pytest.mark.parametrize(
    ("stage", "next_step"),
    [
        (Stage.FILED, "biometrics appointment"),
        (Stage.BIOMETRICS, "interview is on 4 Mar 2027"),
        (Stage.INTERVIEW, "oath ceremony on 6 May 2027"),
        (Stage.CONTINUED, "by 1 Apr 2027"),
        (Stage.DENIED, "talk with a lawyer"),
        (Stage.OATH, "register to vote"),
        (Stage.REGISTERED_TO_VOTE, "passport"),
    ],
)
def test_after_filing_the_checklist_gives_the_next_step(stage, next_step):
    statement = where_you_stand(stage, decision(Decision.APPROVE), RESULT, MILESTONES)
    assert next_step in read(statement)
    assert statement["applying"] is False  # no fee or documents "before you apply"


def test_voter_registration_is_a_next_step_only_for_a_citizen():
    not_yet_citizen = {**MILESTONES, "citizen": False}
    text = read(where_you_stand(Stage.OATH, None, RESULT, not_yet_citizen))
    assert "You became a U.S. citizen" not in text and "register to vote" not in text
    assert "You become a U.S. citizen when you take the oath" in text
    text = read(where_you_stand(Stage.OATH, None, RESULT, MILESTONES))
    assert "You became a U.S. citizen on 6 May 2027" in text


@pytest.mark.parametrize("outcome", ["ineligible", "n600"])
def test_do_not_apply_comes_without_a_date_to_apply_from(outcome):
    for stage in (*NOT_DECIDED, Stage.APPROVED, Stage.NEEDS_INFO, Stage.NOT_YET):
        text = read(where_you_stand(stage, None, {**RESULT, "outcome": outcome}))
        assert SCREENING_DATE not in text and "Earliest date" not in text
