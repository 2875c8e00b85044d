"""The case's N-400 as a PDF: the draft (watermarked) before an approving sign-off, the clean
form after it; every download audited, with codes only (no answer, no A-number)."""

from dataclasses import dataclass

from flask_babel import gettext as _

from clinic import audit
from clinic.n400 import edition as editions
from clinic.n400.answers import form_answers
from clinic.n400.fill import fill
from clinic.n400.plan import make_plan
from clinic.n400.policy import standing_approval
from clinic.n400.readiness import readiness


class NotApproved(Exception):
    """The clean form was asked for a case without a standing approving sign-off."""

    def __init__(self):
        super().__init__(
            _(
                "No attorney has approved this case's answers (or a change since voided the "
                "approval): only the draft, marked DRAFT on every page, can be printed."
            )
        )


@dataclass(frozen=True)
class Printed:
    pdf: bytes
    file_name: str  # the case reference, never the A-number or the name


def n400_status(case, today):
    """Readiness and whether the clean form is available, for the case page."""
    edition = editions.current()
    return {
        "edition": edition.title,
        "readiness": readiness(edition, form_answers(case, today)),
        "approved": standing_approval(case) is not None,
    }


def n400_pdf(case, *, draft, by, now, today, via="web"):
    """The filled N-400. Raises NotApproved for the clean form without a standing approval."""
    if not draft and standing_approval(case) is None:
        raise NotApproved()
    edition = editions.current()
    plan = make_plan(edition, form_answers(case, today))
    pdf = fill(edition, plan, draft=draft)
    audit.record(
        "n400.downloaded",
        actor=by,
        target=case,
        at=now,
        draft=draft,
        edition=edition.key,
        via=via,
        fields=len(plan.filled),
        additional_entries=len(plan.additional),
    )
    kind = "draft" if draft else "final"
    return Printed(pdf, f"n-400-{case.reference or case.id}-{kind}.pdf")
