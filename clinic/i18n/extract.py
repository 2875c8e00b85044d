"""A Babel extractor for the applicant-facing sentences in clinic/voter/data/states.json.

babel.cfg names it; `make messages` runs it with the Python and Jinja extractors. The state
rules print on the voter checklist (what each channel needs, where to go, what to write for
the ID number), so their English is a catalogue message like any other. Legal citations,
state names, URLs and the rules' own notes for maintainers are not extracted.
"""

import json

# The keys whose text an applicant reads, wherever they sit in a state's rules.
APPLICANT_KEYS = frozenset({"needs", "where", "until", "id_number", "proof", "advice"})


def _strings(value, key=None):
    if isinstance(value, dict):
        for name, inner in value.items():
            yield from _strings(inner, name)
    elif isinstance(value, list):
        for inner in value:
            yield from _strings(inner, key)
    elif isinstance(value, str) and key in APPLICANT_KEYS:
        yield value


def extract_state_rules(fileobj, keywords, comment_tags, options):
    """(line, function, message, comments) for each applicant-facing string of the states."""
    text = fileobj.read().decode("utf-8")
    lines = text.splitlines()
    seen = set()
    for message in _strings(json.loads(text)["states"]):
        if message in seen:
            continue
        seen.add(message)
        quoted = json.dumps(message, ensure_ascii=False)
        line = next((n for n, row in enumerate(lines, 1) if quoted in row), 1)
        yield line, None, message, ["From the voter rules of the states (states.json)."]
