"""N-400 eligibility screening: a pure rules engine (contract version 1).

No Flask, no database, no clock: facts in (with `as_of`), a result out. See screen(),
parse_facts() and result_to_dict(); `python -m clinic.screening` is the command line.
"""

from clinic.screening.engine import screen
from clinic.screening.facts import Facts, FactsError, parse_facts
from clinic.screening.result import Result, result_to_dict


def screen_json(data):
    """Decoded JSON facts -> the contract's JSON result (raises FactsError on bad input)."""
    return result_to_dict(screen(parse_facts(data)))


__all__ = [
    "Facts",
    "FactsError",
    "Result",
    "parse_facts",
    "result_to_dict",
    "screen",
    "screen_json",
]
