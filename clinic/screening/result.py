"""The screening result (contract output) and its JSON form."""

from dataclasses import dataclass

CONTRACT_VERSION = 1
SEVERITY_ORDER = {"bar": 0, "refer": 1, "wait": 2, "action": 3, "info": 4}


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    severity: str
    message: str
    rule: str
    until: object = None  # a date, or None

    def sort_key(self):
        return SEVERITY_ORDER[self.severity], self.code


@dataclass(frozen=True, slots=True)
class PathResult:
    path: str
    earliest_filing_date: object  # a date, or None when the path does not apply
    reasons: tuple


@dataclass(frozen=True, slots=True)
class Presence:
    days: int
    required: int
    window_start: object
    window_end: object


@dataclass(frozen=True, slots=True)
class Fee:
    basis: str
    paper: int | None = None
    online: int | None = None
    paper_only: bool | None = None
    form: str | None = None
    poverty_guidelines_year: int | None = None


@dataclass(frozen=True, slots=True)
class Document:
    code: str
    label: str
    why: str


@dataclass(frozen=True, slots=True)
class Result:
    rules_version: str
    outcome: str
    path: str | None
    earliest_filing_date: object
    filing_date: object
    paths: tuple
    physical_presence: Presence | None
    findings: tuple
    english_exemption: str | None
    civics_test: str
    fee: Fee
    documents: tuple


def _iso(day):
    return None if day is None else day.isoformat()


def result_to_dict(result):
    """The contract's JSON object for a result (dates as YYYY-MM-DD strings)."""
    presence = result.physical_presence
    fee = result.fee
    return {
        "contract": CONTRACT_VERSION,
        "rules_version": result.rules_version,
        "outcome": result.outcome,
        "path": result.path,
        "earliest_filing_date": _iso(result.earliest_filing_date),
        "filing_date": _iso(result.filing_date),
        "paths": [
            {
                "path": p.path,
                "earliest_filing_date": _iso(p.earliest_filing_date),
                "reasons": list(p.reasons),
            }
            for p in result.paths
        ],
        "physical_presence": None
        if presence is None
        else {
            "days": presence.days,
            "required": presence.required,
            "window_start": _iso(presence.window_start),
            "window_end": _iso(presence.window_end),
        },
        "findings": [
            {
                "code": f.code,
                "severity": f.severity,
                "until": _iso(f.until),
                "message": f.message,
                "rule": f.rule,
            }
            for f in result.findings
        ],
        "english_exemption": result.english_exemption,
        "civics_test": result.civics_test,
        "fee": {
            "basis": fee.basis,
            "paper": fee.paper,
            "online": fee.online,
            "paper_only": fee.paper_only,
            "form": fee.form,
            "poverty_guidelines_year": fee.poverty_guidelines_year,
        },
        "documents": [{"code": d.code, "label": d.label, "why": d.why} for d in result.documents],
    }
