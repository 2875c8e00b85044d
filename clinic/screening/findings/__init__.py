"""Findings other than the waits, by rule family: residence, character, obligations, other.

Each rule is a small function of the screening context (findings.context.Context) that returns
its findings (or none); its docstring names the rule in rules/n400.md. RULES lists those the
engine runs on the context alone (the waits, country holds and English exemption take more).
"""

from clinic.screening.findings.character import (
    character_answers,
    conditional_bars,
    criminal_history,
    dui,
    permanent_bars,
)
from clinic.screening.findings.obligations import selective_service, tax_and_support_answers
from clinic.screening.findings.other import disability_and_military, n600_possible
from clinic.screening.findings.residence import conditions, presence_margin, trips

RULES = (
    n600_possible,
    presence_margin,
    trips,
    conditions,
    selective_service,
    permanent_bars,
    conditional_bars,
    criminal_history,
    dui,
    character_answers,
    tax_and_support_answers,
    disability_and_military,
)
