"""Benchmark finding people and the busiest pages at coalition scale, on SQLite and PostgreSQL.

Builds 100,000 applicants in one organization (names drawn from the communities a New England
coalition serves, with their real repetition: many Marias, Nguyens, Silvas, Jean-Baptistes),
takes planted people among them and looks each up typed differently (accents dropped, names
swapped, a hyphen as a space, one transposed letter, Mohamed/Muhammad, birth day and month
swapped), as a volunteer types them at check-in (names and birth date). Prints recall@1,
recall@5 and p95 latency per kind; then, with cases, screenings, sign-offs and a million audit
events, times the busiest pages through the app (test client, logged in) with the number of SQL
queries each page ran. What the bench built is frozen out of the garbage collector's passes
before each timing, as wsgi.py freezes a server's start-up objects: otherwise a full collection
walking the bench's own million objects lands on a lookup or a page. PostgreSQL runs in its
own schema, dropped afterwards, when it answers.
The last line is JSON: {"bench": "people", ...}.

Usage: python bench/people.py [--applicants 100000] [--per-kind 40] [--audit 1000000]
       [--only sqlite|postgresql] [--no-pages]
"""

import argparse
import gc
import json
import random
import statistics
import sys
import tempfile
import time
import unicodedata
import uuid
from datetime import date, timedelta
from pathlib import Path

import pyotp
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from clinic import create_app  # noqa: E402
from clinic.cases.names import (  # noqa: E402
    add_word_keys,
    name_words,
    stored_words,
    tokens_column,
    word_keys,
)
from clinic.cases.search import find_people  # noqa: E402
from clinic.extensions import db  # noqa: E402

PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
CONFIG = {
    "TESTING": True,
    "SECRET_KEY": "bench-secret-key",
    "WTF_CSRF_ENABLED": False,
    "SERVER_NAME": "clinic.test",
    "ARGON2_TIME_COST": 1,
    "ARGON2_MEMORY_COST": 8,
    "ARGON2_PARALLELISM": 1,
    "PACKETS_INLINE": True,
}

# Names by community, most common first (weights fall off like real name counts do).
COMMUNITIES = {
    "latino": (
        0.34,
        "María José Juan Luis Carlos Ana Rosa Jorge Miguel Carmen Jesús Francisco Elena Pedro "
        "Lucía Sofía Andrés Ramón Inés Tomás Martín Raúl Yolanda Guadalupe Héctor Óscar Nelson "
        "Wilfredo Yesenia Araceli Dulce Marisol Esperanza Alejandro Mónica",
        "García Rodríguez Martínez Hernández López González Pérez Sánchez Ramírez Torres Flores "
        "Rivera Gómez Díaz Cruz Morales Reyes Gutiérrez Ortiz Chávez Ramos Ruiz Álvarez Mendoza "
        "Castillo Jiménez Vásquez Romero Herrera Medina Aguilar Peña Guzmán Núñez Ortega Soto "
        "García-López Pérez-Reyes Díaz-Ortiz",
    ),
    "brazil_portugal_capeverde": (
        0.16,
        "Maria João Ana José Antônio Francisco Paulo Lucas Gabriel Beatriz Luíza Fernanda "
        "Júlia Rafael Thiago Débora Conceição Fátima Adélia Gonçalo Célia",
        "Silva Santos Oliveira Souza Pereira Lima Carvalho Ferreira Rodrigues Almeida Costa "
        "Gomes Martins Araújo Barbosa Ribeiro Monteiro Gonçalves Fernandes Tavares Fonseca "
        "Lopes Brandão Andrade Moreira",
    ),
    "haiti": (
        0.12,
        "Jean Marie Pierre Joseph Rose Claude Jacques Marie-Claude Jean-Claude Widlyne Lovely "
        "Fabienne Nadège Guerline Wilner Frantz Ketly Dieuseul Mirlande Roselène",
        "Jean-Baptiste Pierre Joseph Louis Charles Jean-Louis Dorvil Saint-Fleur Célestin "
        "François Augustin Désir Étienne Noël Laguerre Métellus Toussaint Pierre-Louis",
    ),
    "vietnam": (
        0.12,
        "Thị Văn Lan Hương Minh Anh Tuấn Hùng Linh Phương Thu Hải Dũng Quang Ngọc Hạnh Trang",
        "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý",
    ),
    "arabic_somali": (
        0.11,
        "Mohamed Ahmed Fatima Ali Hassan Hussein Omar Youssef Amina Khadija Ibrahim Abdi "
        "Abdirahman Halima Rashid Mariam Aisha Khalid Nasra Abdullahi Hodan",
        "Mohamed Ahmed Ali Hassan Hussein Omar Abdi Ibrahim Farah Osman Yusuf Abdullahi Warsame "
        "Haji Nur Jama Aden Al-Hassan El-Amin",
    ),
    "asia_other": (
        0.10,
        "Wei Li Ming Mei Sokha Sophea Dara Chanthy Bishnu Dil Ram Sita Krishna Ganga Tek Priya",
        "Chen Wang Li Zhang Liu Chan Wong Sok Chea Kim Rai Gurung Tamang Adhikari Sharma Bhattarai",
    ),
    "africa_other": (
        0.05,
        "Grace Emmanuel Esther Patrick Alemayehu Tigist Mulugeta Chinedu Ngozi Kofi Ama Jean-Paul",
        "Mukendi Kabongo Tshibangu Ilunga Tesfaye Bekele Girma Okafor Mensah Asante Kamara",
    ),
}
# Spellings of one name people write in more than one way.
TRANSLITERATIONS = (
    ("Mohamed", "Muhammad", "Mohammed", "Mohammad", "Muhammed"),
    ("Ahmed", "Ahmad"),
    ("Hussein", "Husain", "Hossain"),
    ("Youssef", "Yusuf", "Yousef"),
    ("Fatima", "Fatma"),
    ("Rashid", "Rachid"),
    ("Abdirahman", "Abdurahman", "Abdulrahman"),
    ("Khadija", "Khadijah"),
    ("Aisha", "Aicha", "Aysha"),
)


def _weighted(words):
    names = words.split()
    return names, [1 / (rank + 1) ** 0.9 for rank in range(len(names))]


TABLES = {
    key: (share, _weighted(given), _weighted(family))
    for key, (share, given, family) in COMMUNITIES.items()
}


def pick_name(rng):
    """(given names, family names) as a person of one of the communities writes them."""
    community = rng.choices(list(TABLES), [share for share, _, _ in TABLES.values()])[0]
    _, (given, given_w), (family, family_w) = TABLES[community]
    given_count = 2 if community == "vietnam" or rng.random() < 0.35 else 1
    family_count = 2 if community == "latino" and rng.random() < 0.45 else 1
    givens = rng.choices(given, given_w, k=given_count)
    families = rng.choices(family, family_w, k=family_count)
    if givens[0] == givens[-1] and given_count == 2:
        givens = givens[:1]
    return " ".join(givens), " ".join(dict.fromkeys(families))


def born(rng):
    return date(1945, 1, 1) + timedelta(days=rng.randrange(365 * 60))


# ---- Building the people ------------------------------------------------------------------


def build_people(rng, count, organization_id, now):
    """Rows for `applicants`, `applicant_name_words` and `name_word_keys`, in memory."""
    people, words = [], []
    for person_id in range(1, count + 1):
        given, family = pick_name(rng)
        people.append(
            {
                "id": person_id,
                "organization_id": organization_id,
                "given_names": given,
                "family_names": family,
                "name_tokens": tokens_column(given, family),
                "date_of_birth": born(rng),
                "a_number": None,
                "phone": None,
                "created_at": now,
            }
        )
        count = len(name_words(given, family))
        words += [(organization_id, w, person_id, count) for w in stored_words(given, family)]
    keys = sorted({(key, w) for w in {row[1] for row in words} for key in word_keys(w)})
    return people, words, keys


def insert_people(people, words, keys):
    from clinic.cases.models import Applicant, ApplicantNameWord

    for start in range(0, len(people), 5000):
        db.session.execute(sa.insert(Applicant), people[start : start + 5000])
    _copy(ApplicantNameWord, ("organization_id", "word", "applicant_id", "word_count"), words)
    add_word_keys(db.session, {word for _, word in keys})  # the demo's words are there already
    db.session.commit()


def _copy(model, columns, rows):
    if db.engine.dialect.name == "postgresql":
        raw = db.session.connection().connection.driver_connection
        statement = f"COPY {model.__tablename__} ({', '.join(columns)}) FROM STDIN"
        with raw.cursor().copy(statement) as copy:
            for row in rows:
                copy.write_row(row)
        return
    dicts = [dict(zip(columns, row, strict=True)) for row in rows]
    for start in range(0, len(dicts), 20000):
        db.session.execute(sa.insert(model), dicts[start : start + 20000])


# ---- Planting: who is looked up, and how they are typed -----------------------------------


def _strip_accents(text):
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _transpose(rng, text):
    words = [w for w in text.split() if len(w) >= 4]
    word = rng.choice(words)
    spots = [i for i in range(len(word) - 1) if word[i] != word[i + 1] and word[i + 1] != "-"]
    i = rng.choice(spots)
    typo = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return text.replace(word, typo, 1)


def _spelling_of(word):
    return next((group for group in TRANSLITERATIONS if word in group), None)


def _transliterate(rng, text):
    words = text.split()
    i = next(i for i, w in enumerate(words) if _spelling_of(w))
    words[i] = rng.choice([w for w in _spelling_of(words[i]) if w != words[i]])
    return " ".join(words)


def _has_accent(person):
    full = person["given_names"] + person["family_names"]
    return _strip_accents(full) != full


def _swappable(person):
    day = person["date_of_birth"].day
    return day <= 12 and day != person["date_of_birth"].month


KINDS = {
    # kind: (who can be planted, how their names and birth date are typed)
    "accents": (
        _has_accent,
        lambda rng, p: (_strip_accents(p["given_names"]), _strip_accents(p["family_names"])),
    ),
    "swapped": (lambda p: True, lambda rng, p: (p["family_names"], p["given_names"])),
    "hyphen": (
        lambda p: "-" in p["given_names"] + p["family_names"],
        lambda rng, p: (p["given_names"].replace("-", " "), p["family_names"].replace("-", " ")),
    ),
    "transposed": (
        lambda p: any(len(w) >= 4 for w in (p["given_names"] + " " + p["family_names"]).split()),
        lambda rng, p: _typo_in_one(rng, p),
    ),
    "transliterated": (
        lambda p: any(
            _spelling_of(w) for w in (p["given_names"] + " " + p["family_names"]).split()
        ),
        lambda rng, p: _transliterated_in_one(rng, p),
    ),
    "day_month": (_swappable, lambda rng, p: (p["given_names"], p["family_names"])),
}


def _typo_in_one(rng, person):
    if any(len(w) >= 4 for w in person["family_names"].split()) and rng.random() < 0.5:
        return person["given_names"], _transpose(rng, person["family_names"])
    if any(len(w) >= 4 for w in person["given_names"].split()):
        return _transpose(rng, person["given_names"]), person["family_names"]
    return person["given_names"], _transpose(rng, person["family_names"])


def _transliterated_in_one(rng, person):
    if any(_spelling_of(w) for w in person["given_names"].split()):
        return _transliterate(rng, person["given_names"]), person["family_names"]
    return person["given_names"], _transliterate(rng, person["family_names"])


def plant(rng, people, per_kind):
    """[(kind, applicant id, names as typed, birth date as typed)], distinct people."""
    lookups, used = [], set()
    for kind, (eligible, typed) in KINDS.items():
        pool = [p for p in people if p["id"] not in used and eligible(p)]
        for person in rng.sample(pool, per_kind):
            used.add(person["id"])
            given, family = typed(rng, person)
            birth = person["date_of_birth"]
            if kind == "day_month":
                birth = date(birth.year, birth.day, birth.month)
            lookups.append((kind, person["id"], f"{given} {family}", birth))
    return lookups


def look_up(organization_id, lookups):
    """{kind: {"recall_at_1", "recall_at_5", "p95_ms"}}."""
    found = {kind: [] for kind in KINDS}
    timings = {kind: [] for kind in KINDS}
    for kind, person_id, names, birth in lookups:
        db.session.expire_all()
        started = time.perf_counter()
        matches = find_people([organization_id], names=names, date_of_birth=birth)
        timings[kind].append((time.perf_counter() - started) * 1000)
        ids = [m.applicant.id for m in matches]
        found[kind].append(ids.index(person_id) + 1 if person_id in ids else None)
    return {
        kind: {
            "recall_at_1": round(sum(r == 1 for r in ranks) / len(ranks), 3),
            "recall_at_5": round(sum(r is not None and r <= 5 for r in ranks) / len(ranks), 3),
            "p95_ms": round(p95(timings[kind]), 1),
        }
        for kind, ranks in found.items()
    }


def p95(values):
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


# ---- The busiest pages ---------------------------------------------------------------------

PAGES = {
    # name: (who opens it, path (a callable taking the world))
    "cases_list": ("coordinator", lambda w: "/cases/"),
    "review_queue": ("attorney", lambda w: "/review/"),
    "missing_documents": ("coordinator", lambda w: "/cases/follow-up/documents"),
    "stuck": ("coordinator", lambda w: "/cases/follow-up/stuck"),
    "come_back": ("coordinator", lambda w: "/cases/follow-up/come-back"),
    "voter_list": ("coordinator", lambda w: "/voter/follow-up"),
    "clinic_day_300": ("coordinator", lambda w: f"/events/{w['big_day']}"),
    "case_page": ("coordinator", lambda w: f"/cases/{w['busy_case']}"),
    "review_page": ("attorney", lambda w: f"/review/{w['review_case']}"),
    "audit_log": ("admin", lambda w: "/admin/audit"),
}


def _rows(table, **where):
    query = sa.select(table)
    for column, value in where.items():
        query = query.where(table.c[column] == value)
    return [dict(row._mapping) for row in db.session.execute(query)]


# What the case keeps in clear from its answers and latest screening (cases.models).
REPORT_FACTS = (
    "preferred_language",
    "home_state",
    "home_town",
    "screening_outcome",
    "screening_codes",
)


def build_cases(rng, people, organization_id, args, now):
    """A case for every applicant, cloned from the demo's screened cases: 2,000 waiting for
    review, a clinic day of 300, new citizens, not-yet and missing-document cases (with their
    answers and screenings); the rest in intake or closed, without answers yet. Then the audit
    trail. Returns the world the pages are opened on."""
    from clinic.cases.models import Case, IntakeSection, ScreeningRun
    from clinic.events.models import ClinicEvent
    from clinic.filing.models import Milestones

    cases_t, sections_t = Case.__table__, IntakeSection.__table__
    runs_t, milestones_t = ScreeningRun.__table__, Milestones.__table__
    events_t = ClinicEvent.__table__
    templates = [c for c in _rows(cases_t, organization_id=organization_id)]
    by_stage = {}
    for template in templates:
        runs = _rows(runs_t, case_id=template["id"])
        if runs:
            by_stage.setdefault(template["stage"], []).append(
                (
                    template,
                    _rows(sections_t, case_id=template["id"]),
                    runs[-1],
                    _rows(milestones_t, case_id=template["id"]),
                )
            )
    day_ids = []
    for number in range(60):
        result = db.session.execute(
            sa.insert(events_t).values(
                host_organization_id=organization_id,
                name=f"Bench day {number}",
                site="Library",
                held_on=date(2026, 12, 5) - timedelta(days=7 * number),
                capacity=300 if number == 0 else 60,
                created_at=now,
            )
        )
        day_ids.append(result.inserted_primary_key[0])
    plan = (
        ["in_review"] * 2000
        + ["oath"] * 1500
        + ["not_yet"] * 1500
        + ["screened"] * 2000
        + ["approved"] * 1500
    )
    plan = [stage for stage in plan if by_stage.get(stage)]
    next_id = db.session.scalar(sa.select(sa.func.max(cases_t.c.id))) + 1
    case_rows, section_rows, run_rows, milestone_rows = [], [], [], []
    detailed = {}
    for index, person in enumerate(people):
        stage = plan[index] if index < len(plan) else rng.choice(["intake"] * 9 + ["closed"])
        event_id = day_ids[0] if 10_000 <= index < 10_300 else rng.choice(day_ids[1:])
        case_id = next_id + index
        changed = now - timedelta(days=rng.randrange(1, 400))
        case_rows.append(
            {
                "id": case_id,
                "reference": f"B-{case_id:07d}",
                "applicant_id": person["id"],
                "organization_id": organization_id,
                "event_id": event_id,
                "stage": stage,
                "stage_changed_at": changed,
                "created_at": changed,
                "updated_at": changed,
                "version": 1,
                "documents_missing": 0,
                **dict.fromkeys(REPORT_FACTS),
                "screening_codes": " ",
            }
        )
        if stage in by_stage or 10_000 <= index < 10_300:
            source = by_stage.get(stage) or by_stage["in_review"]
            template, sections, run, milestones = rng.choice(source)
            detailed[case_id] = stage
            for column in ("documents_missing", *REPORT_FACTS):
                case_rows[-1][column] = template[column]
            section_rows += [
                {**{k: v for k, v in row.items() if k != "id"}, "case_id": case_id}
                for row in sections
            ]
            run_rows.append({**{k: v for k, v in run.items() if k != "id"}, "case_id": case_id})
            milestone_rows += [
                {**{k: v for k, v in row.items() if k != "id"}, "case_id": case_id}
                for row in milestones
            ]
    for table, rows in (
        (cases_t, case_rows),
        (sections_t, section_rows),
        (runs_t, run_rows),
        (milestones_t, milestone_rows),
    ):
        for start in range(0, len(rows), 2000):
            db.session.execute(sa.insert(table), rows[start : start + 2000])
    db.session.commit()
    world = {
        "big_day": day_ids[0],
        "busy_case": next_id + 10_000,
        "review_case": next_id,
        "cases": len(case_rows),
        "screened_cases": len(run_rows),
    }
    insert_audit(rng, args.audit, [r["id"] for r in case_rows], world["busy_case"], now)
    return world


def insert_audit(rng, count, case_ids, busy_case, now):
    from clinic.audit import AuditEvent

    actions = ("case.viewed", "intake.section_saved", "screening.run", "packets.printed")
    rows = []
    for number in range(count):
        object_id = busy_case if number % 50_000 == 0 else rng.choice(case_ids)
        rows.append(
            {
                "at": now - timedelta(seconds=count - number),
                "actor_id": None,
                "action": rng.choice(actions),
                "object_type": "cases",
                "object_id": object_id,
                "details": {},
            }
        )
        if len(rows) == 20_000:
            db.session.execute(sa.insert(AuditEvent), rows)
            rows = []
    if rows:
        db.session.execute(sa.insert(AuditEvent), rows)
    db.session.commit()


def logged_in(app, email, password):
    """A test client logged in as `email`, with a second factor enrolled for them (attorneys,
    coordinators and admins must have one)."""
    from clinic.auth.models import User
    from clinic.clock import utcnow

    with app.app_context():
        user = db.session.scalar(sa.select(User).where(User.email == email))
        user.totp_secret, user.totp_enrolled_at = pyotp.random_base32(), utcnow()
        secret = user.totp_secret
        db.session.commit()
    client = app.test_client()
    with app.app_context():  # each request with a fresh `g` and session, as a server has
        response = client.post("/login", data={"email": email, "password": password})
    if "/login/code" in response.headers.get("Location", ""):
        code = pyotp.TOTP(secret).now()
        with app.app_context():
            response = client.post(response.headers["Location"], data={"code": code})
    location = response.headers.get("Location", "")
    if response.status_code != 302 or "/login" in location:
        raise SystemExit(f"bench: could not log in as {email}")
    return client


def time_pages(app, credentials, world, repeat):
    """{page: {"first_ms", "p95_ms", "queries", "status"}}: each page opened once (`first_ms`:
    its first open in this process also compiles its templates, once per server process, the
    same whatever the history), then `repeat` times for the p95."""
    clients = {}
    for email, password in credentials:
        role = email.split("@")[0]
        if role in ("coordinator", "attorney", "admin") and role not in clients:
            clients[role] = logged_in(app, email, password)
    counted = []
    sa.event.listen(db.engine, "before_cursor_execute", lambda *a: counted.append(1))
    figures = {}
    for name, (role, path) in PAGES.items():
        timings, queries, status = [], 0, None
        for _ in range(repeat + 1):
            counted.clear()
            started = time.perf_counter()
            with app.app_context():  # a fresh `g` and session per request, as a server has
                response = clients[role].get(path(world))
            timings.append((time.perf_counter() - started) * 1000)
            queries, status = max(queries, len(counted)), response.status_code
        figures[name] = {
            "first_ms": round(timings[0], 1),
            "p95_ms": round(p95(timings[1:]), 1),
            "queries": queries,
            "status": status,
        }
    return figures


# ---- Databases ----------------------------------------------------------------------------


def sqlite_settings(folder):
    return {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{Path(folder) / 'people.sqlite3'}"}


def postgresql_settings():
    schema = f"bench_people_{uuid.uuid4().hex[:10]}"
    engine = sa.create_engine(PG_URL)
    try:
        with engine.begin() as connection:
            connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    except sa.exc.OperationalError:
        return None, None
    settings = {
        "SQLALCHEMY_DATABASE_URI": PG_URL,
        "SQLALCHEMY_ENGINE_OPTIONS": {"connect_args": {"options": f"-csearch_path={schema}"}},
    }

    def drop():
        with engine.begin() as connection:
            connection.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()

    return settings, drop


def run(settings, args):
    from clinic import demo
    from clinic.auth.models import Organization
    from clinic.clock import today, utcnow

    app = create_app({**CONFIG, **settings})
    figures = {}
    with app.app_context():
        db.create_all()
        credentials = demo.seed(today(), utcnow(), lambda text: None)
        db.session.commit()
        organization = db.session.scalar(sa.select(Organization).order_by(Organization.id))
        rng = random.Random(15)
        started = time.perf_counter()
        people, words, keys = build_people(rng, args.applicants, organization.id, utcnow())
        first_id = (
            db.session.scalar(
                sa.select(sa.func.max(sa.column("id"))).select_from(sa.table("applicants"))
            )
            or 0
        )
        for person in people:
            person["id"] += first_id
        words = [(org, word, person_id + first_id, count) for org, word, person_id, count in words]
        insert_people(people, words, keys)
        if db.engine.dialect.name == "postgresql":
            db.session.execute(sa.text("ANALYZE"))
            db.session.commit()
        figures["build_s"] = round(time.perf_counter() - started, 1)
        figures["name_words"], figures["word_keys"] = len(words), len(keys)
        lookups = plant(rng, people, args.per_kind)
        gc.freeze()  # as wsgi.py does: what was built lives on, out of the collector's passes
        figures["lookups"] = look_up(organization.id, lookups)
        if not args.no_pages:
            started = time.perf_counter()
            world = build_cases(rng, people, organization.id, args, utcnow())
            if db.engine.dialect.name == "postgresql":
                db.session.execute(sa.text("ANALYZE"))
                db.session.commit()
            figures["pages_build_s"] = round(time.perf_counter() - started, 1)
            figures["cases"], figures["screened_cases"] = world["cases"], world["screened_cases"]
            figures["audit_events"] = args.audit
            gc.freeze()
            figures["pages"] = time_pages(app, credentials, world, args.repeat)
        db.session.remove()
        db.engine.dispose()
    gc.unfreeze()  # this database's world may go now
    return figures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applicants", type=int, default=100_000)
    parser.add_argument("--per-kind", type=int, default=40)
    parser.add_argument("--audit", type=int, default=1_000_000)
    parser.add_argument("--only", choices=("sqlite", "postgresql"))
    parser.add_argument("--no-pages", action="store_true")
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    results = {}
    if args.only != "postgresql":
        with tempfile.TemporaryDirectory() as folder:
            results["sqlite"] = run(sqlite_settings(folder), args)
    if args.only != "sqlite":
        settings, drop = postgresql_settings()
        if settings is None:
            print("PostgreSQL does not answer: skipped.")
        else:
            try:
                results["postgresql"] = run(settings, args)
            finally:
                drop()
    for database, figures in results.items():
        print(
            f"== {database}: {args.applicants:,} applicants, {figures['name_words']:,} name words, "
            f"built in {figures['build_s']} s"
        )
        print(f"{'kind':<16}{'recall@1':>10}{'recall@5':>10}{'p95 ms':>10}")
        for kind, row in figures["lookups"].items():
            print(f"{kind:<16}{row['recall_at_1']:>10}{row['recall_at_5']:>10}{row['p95_ms']:>10}")
        if "pages" in figures:
            print(f"{'page':<20}{'first ms':>10}{'p95 ms':>10}{'queries':>10}{'status':>8}")
            for page, row in figures["pages"].items():
                print(
                    f"{page:<20}{row['first_ms']:>10}{row['p95_ms']:>10}{row['queries']:>10}"
                    f"{row['status']:>8}"
                )
    print(json.dumps({"bench": "people", "applicants": args.applicants, **results}))


if __name__ == "__main__":
    main()
