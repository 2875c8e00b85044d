"""Command line: `python -m clinic.screening FACTS.json | - | --jsonl [FILE]` (see contract)."""

import argparse
import json
import sys

from clinic.screening import FactsError, screen_json

EXIT_INVALID = 2


class InputError(Exception):
    def __init__(self, field, message):
        super().__init__(message)
        self.field, self.message = field, message


def evaluate(text):
    """One JSON text -> the result dict, or InputError naming the field."""
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as error:
        raise InputError("$", f"not valid JSON ({getattr(error, 'msg', error)})") from None
    try:
        return screen_json(data)
    except FactsError as error:
        raise InputError(error.field, error.message) from None


def one_line(text):
    """The contract promises one line on standard error, whatever the input held."""
    return " ".join(text.splitlines())


def run_single(source, stdout, stderr):
    try:
        result = evaluate(source.read())
    except InputError as error:
        print(one_line(f"{error.field}: {error.message}"), file=stderr)
        return EXIT_INVALID
    stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    return 0


def run_jsonl(source, stdout):
    status = 0
    for number, line in enumerate(source, start=1):
        try:
            output = evaluate(line)
        except InputError as error:
            status = EXIT_INVALID
            output = {"error": {"line": number, "field": error.field, "message": error.message}}
        stdout.write(json.dumps(output, ensure_ascii=False, separators=(",", ":")) + "\n")
    return status


def main(argv=None, stdin=None, stdout=None, stderr=None):
    stdin, stdout, stderr = stdin or sys.stdin, stdout or sys.stdout, stderr or sys.stderr
    parser = argparse.ArgumentParser(
        prog="python -m clinic.screening",
        description="Screen N-400 eligibility: facts as JSON in, the result as JSON out.",
    )
    parser.add_argument("facts", nargs="?", help="a facts JSON file, or - for standard input")
    parser.add_argument(
        "--jsonl", action="store_true", help="one facts object a line in, one result a line out"
    )
    args = parser.parse_args(argv)
    if args.facts is None and not args.jsonl:
        parser.error("give a facts file, - for standard input, or --jsonl")
    try:
        if args.facts in (None, "-"):
            return run_jsonl(stdin, stdout) if args.jsonl else run_single(stdin, stdout, stderr)
        with open(args.facts, encoding="utf-8") as source:
            return run_jsonl(source, stdout) if args.jsonl else run_single(source, stdout, stderr)
    except (OSError, UnicodeDecodeError) as error:
        print(f"$: cannot read the input ({error.__class__.__name__})", file=stderr)
        return EXIT_INVALID


if __name__ == "__main__":
    sys.exit(main())
