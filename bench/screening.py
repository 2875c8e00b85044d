"""Benchmark the screening engine: the Python API on one core, and `--jsonl` end to end.

Generates realistic applicants (0-12 trips, every path, record answers, households) from a
fixed seed, screens them, and prints the medians of several rounds. The last line is JSON:
{"bench": "screening", "api_per_second": ..., "jsonl_per_second": ..., "peak_mb": ...}.
"""

import json
import random
import resource
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from clinic.screening import parse_facts, screen

AS_OF = date(2026, 11, 30)
APPLICANTS = 5_000
ROUNDS = 5
TARGET_API, TARGET_JSONL = 10_000, 3_000


def iso(day):
    return day.isoformat()


def realistic_facts(rng, trip_count=None):
    """An applicant; with `trip_count`, one who travelled exactly that often (short trips)."""
    born = AS_OF - timedelta(days=rng.randint(18 * 365, 80 * 365))
    lpr = AS_OF - timedelta(days=rng.randint(10 * 365 if trip_count else 200, 20 * 365))
    trips, cursor = [], lpr
    for _ in range(rng.randint(0, 12) if trip_count is None else trip_count):
        departed = cursor + timedelta(days=rng.randint(5, 250))
        length = rng.choice(
            [rng.randint(2, 30), rng.randint(30, 120), rng.randint(150, 400)]
            if trip_count is None
            else [rng.randint(2, 60)]
        )
        returned = departed + timedelta(days=length)
        if returned > AS_OF:
            break
        trips.append({"departed": iso(departed), "returned": iso(returned)})
        cursor = returned
    facts = {
        "as_of": iso(AS_OF),
        "person": {
            "date_of_birth": iso(born),
            "sex": rng.choice(["male", "female"]),
            "nationalities": rng.sample(["BR", "CV", "DO", "HT", "VN", "SO", "GT"], 1),
        },
        "residence": {"lpr_since": iso(lpr), "state": rng.choice(["MA", "NH", "ME", "RI", "CT"])},
        "trips": trips,
        "record": {
            "arrests_or_charges": rng.choice([0, 0, 0, 1]),
            "traffic_tickets": rng.choice([0, 0, 1, 3]),
            "dui_convictions": [
                iso(AS_OF - timedelta(days=rng.randint(100, 3000)))
                for _ in range(rng.choice([0, 0, 0, 1, 2]))
            ],
            "taxes": rng.choice(["filed"] * 6 + ["owed_with_plan", "owed_no_plan"]),
        },
        "household": rng.choice(
            [None, {"size": rng.randint(1, 7), "income": rng.randint(0, 200_000)}]
        ),
    }
    path = rng.random()
    if path < 0.3:
        married = AS_OF - timedelta(days=rng.randint(100, 6000))
        facts["marriage"] = {
            "status": "married",
            "spouse_citizen": True,
            "spouse_citizen_since": iso(married - timedelta(days=1000)),
            "married_on": iso(married),
        }
    elif path < 0.35:
        facts["military"] = {
            "served": True,
            "served_since_2001_09_11": True,
            "service_days": 800,
            "serving_now": True,
        }
    return facts


def median_rate(count, durations):
    return count / statistics.median(durations)


def bench_api(all_facts):
    parsed = [parse_facts(f) for f in all_facts]
    durations = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        for facts in parsed:
            screen(facts)
        durations.append(time.perf_counter() - start)
    return median_rate(len(parsed), durations)


def bench_jsonl(all_facts):
    text = "".join(json.dumps(f) + "\n" for f in all_facts)
    durations = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        completed = subprocess.run(
            [sys.executable, "-m", "clinic.screening", "--jsonl"],
            input=text,
            capture_output=True,
            text=True,
            check=True,
        )
        durations.append(time.perf_counter() - start)
        assert len(completed.stdout.splitlines()) == len(all_facts)
    return median_rate(len(all_facts), durations)


def main():
    rng = random.Random(20261130)
    all_facts = [realistic_facts(rng) for _ in range(APPLICANTS)]
    trips = statistics.mean(len(f["trips"]) for f in all_facts)
    api = bench_api(all_facts)
    api_12 = bench_api([realistic_facts(rng, trip_count=12) for _ in range(APPLICANTS)])
    jsonl = bench_jsonl(all_facts)
    peak_mb = (
        max(
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
        )
        / 1024
    )
    print(f"{APPLICANTS} applicants, {trips:.1f} trips on average, median of {ROUNDS} rounds")
    print(f"Python API, one core: {api:,.0f} screenings/s (target {TARGET_API:,})")
    print(f"  with 12 trips each: {api_12:,.0f} screenings/s (target {TARGET_API:,})")
    print(f"--jsonl end to end:   {jsonl:,.0f} screenings/s (target {TARGET_JSONL:,})")
    print(
        json.dumps(
            {
                "bench": "screening",
                "api_per_second": round(api),
                "api_12_trips_per_second": round(api_12),
                "jsonl_per_second": round(jsonl),
                "api_ratio": round(min(api, api_12) / TARGET_API, 2),
                "jsonl_ratio": round(jsonl / TARGET_JSONL, 2),
                "peak_mb": round(peak_mb),
            }
        )
    )


if __name__ == "__main__":
    main()
