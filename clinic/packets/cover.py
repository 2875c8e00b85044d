"""The clinic day's packet cover: counts, the fee savings of people approved to file, roster."""

from collections import Counter

from clinic.cases.stages import APPROVED_TO_FILE, Stage
from clinic.packets.context import (
    APPROVING,
    fees_priced,
    header,
    standing_decision,
)
from clinic.review.services import latest_sign_off
from clinic.screening.dates import spoken

STAGE_NEXT_STEP = {
    Stage.INTAKE: "finish the interview",
    Stage.SCREENED: "send to attorney review",
    Stage.IN_REVIEW: "attorney review",
    Stage.NEEDS_INFO: "answer the attorney's questions",
    Stage.APPROVED: "file the N-400",
    Stage.REFERRED: "full representation elsewhere",
    Stage.NOT_YET: "come back later",
    Stage.CLOSED: "none",
    Stage.FILED: "biometrics",
    Stage.BIOMETRICS: "interview",
    Stage.INTERVIEW: "oath ceremony",
    Stage.CONTINUED: "answer USCIS by the due date",
    Stage.DENIED: "talk with an attorney",
    Stage.OATH: "follow up after the oath",
    Stage.REGISTERED_TO_VOTE: "passport",
}


def approved_to_file(case, decision):
    """Approved, or further along the filing path, on an attorney's standing approval."""
    return (
        case.stage in APPROVED_TO_FILE
        and decision is not None
        and decision["decision"] in APPROVING
    )


def fee_saving(case, decision):
    """(basis, dollars saved) for a person approved to file with a waiver or reduced fee,
    else None. Amounts come from the dated fee schedule the screening priced with."""
    run = case.latest_screening
    if run is None or not approved_to_file(case, decision):
        return None
    basis = run.result["fee"]["basis"]
    if basis not in ("waiver", "reduced"):
        return None
    return basis, fees_priced(run.result).saved_by(basis)


def packet_cover_context(event, cases, now):
    """The clinic day's cover page and roster (no A-numbers)."""
    outcomes, stages, savings = Counter(), Counter(), Counter()
    approved, saved = 0, 0
    roster = []
    for case in cases:
        run = case.latest_screening
        outcome = run.outcome if run else "not screened"
        outcomes[outcome] += 1
        stages[str(case.stage.label)] += 1
        decision = standing_decision(latest_sign_off(case))
        approved += approved_to_file(case, decision)
        saving = fee_saving(case, decision)
        if saving is not None:
            savings[saving[0]] += 1
            saved += saving[1]
        roster.append(
            {
                "name": case.applicant.full_name,
                "reference": case.reference,
                "stage": str(case.stage.label),
                "outcome": outcome.replace("_", " "),
                "next_step": STAGE_NEXT_STEP.get(case.stage, "follow the case"),
            }
        )
    clinic_day = f"{event.name}, {spoken(event.held_on)}"
    return {
        **header(event.host_organization, clinic_day, f"Clinic day {event.id}", now),
        "site": event.site,
        "applicants": len(roster),
        "outcomes": sorted(outcomes.items()),
        "stages": sorted(stages.items()),
        "approved": approved,
        "waivers": savings["waiver"],
        "reduced": savings["reduced"],
        "saved": saved,
        "roster": roster,
    }
