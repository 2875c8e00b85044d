"""Comparing a day on the laptop with the same day on the server, table by table."""

from sqlalchemy import func, select

from clinic.carry.export import gather
from clinic.carry.records import AUDIT, AUDITED, TABLES
from clinic.events.models import ClinicEvent
from clinic.extensions import db


def gathered(app, event_id):
    with app.app_context():
        return gather(db.session.get(ClinicEvent, event_id))


def row_counts(app):
    """{table: rows} of every table: what a refused import must leave as it was."""
    with app.app_context():
        return {
            table.name: db.session.scalar(select(func.count()).select_from(table))
            for table in db.metadata.sorted_tables
        }


def id_maps(laptop_day, server_day):
    """{id space: {laptop id: server id}}: rows were written in the laptop's order."""
    maps = {
        "organizations": _by(laptop_day["organizations"], server_day["organizations"], "name"),
        "users": _by(laptop_day["users"], server_day["users"], "email"),
        "clinic_events": {laptop_day["event"]["id"]: server_day["event"]["id"]},
    }
    for table in TABLES:
        laptop_ids = [row["id"] for row in laptop_day["tables"][table.name]]
        server_ids = [row["id"] for row in server_day["tables"][table.name]]
        assert len(laptop_ids) == len(server_ids), table.name
        maps[table.name] = dict(zip(laptop_ids, server_ids, strict=True))
    return maps


def _by(laptop_rows, server_rows, key):
    server = {row[key]: row["id"] for row in server_rows}
    return {row["id"]: server[row[key]] for row in laptop_rows}


def differences(laptop_day, server_day, receipt):
    """Every column of every record that did not arrive as it left, as readable strings."""
    maps = id_maps(laptop_day, server_day)
    found = []
    for table in TABLES:
        pairs = zip(laptop_day["tables"][table.name], server_day["tables"][table.name], strict=True)
        for laptop_row, server_row in pairs:
            found += _row_differences(table, laptop_row, server_row, maps)
    carried = [row for row in server_day["tables"][AUDIT.name] if row["details"].get("carried")]
    assert len(carried) == len(laptop_day["tables"][AUDIT.name])
    for laptop_row, server_row in zip(laptop_day["tables"][AUDIT.name], carried, strict=True):
        found += _row_differences(AUDIT, laptop_row, server_row, maps, receipt=receipt)
    return found


SET_ON_THE_SERVER = {"id", "a_number_index", "reference", "seq", "chain_hash"}


def _row_differences(table, laptop_row, server_row, maps, receipt=None):
    found = []
    for key, value in laptop_row.items():
        if key in SET_ON_THE_SERVER:
            continue
        expected = value
        if key in table.points_at and value is not None:
            expected = maps[table.points_at[key]][value]
        elif table is AUDIT and key == "object_id":
            expected = maps[AUDITED[laptop_row["object_type"]]][value]
        elif table is AUDIT and key == "details":
            expected = {**value, "carried": receipt}
        if server_row.get(key) != expected:
            found.append(f"{table.name}.{key}: {expected!r} != {server_row.get(key)!r}")
    return found
