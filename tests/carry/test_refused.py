"""A bundle that is altered, cut, for another server, from an unknown laptop or from a newer
Clinic is refused with a clear message, and nothing is written; a failure halfway through an
import leaves nothing behind."""

import pytest

from clinic.carry import keys, schema
from clinic.carry.bundle import BundleRefused
from clinic.carry.importer import _Import, import_bundle
from clinic.clock import utcnow
from clinic.extensions import db
from tests.carry.conftest import export_bundle, import_into
from tests.carry.helpers import row_counts
from tests.factories import Factory


@pytest.fixture
def small_day(laptop):
    make = Factory(laptop)
    event = make.event("Casa Laptop")
    for given in ("Ana", "Bruno", "Carla"):
        make.case(event, given=given, family="Souza", a_number=None)
    return event


def refused(server, data):
    before = row_counts(server)
    with server.app_context():
        with pytest.raises(BundleRefused) as refusal:
            import_bundle(data, by=None, now=utcnow())
        db.session.rollback()
    assert row_counts(server) == before
    return str(refusal.value)


def test_a_bundle_altered_in_transit_is_refused(server, laptop, small_day):
    data = bytearray(export_bundle(laptop, small_day.id))
    data[len(data) // 2] ^= 0x01
    assert "altered" in refused(server, bytes(data))


def test_a_bundle_with_an_altered_header_is_refused(server, laptop, small_day):
    data = bytearray(export_bundle(laptop, small_day.id))
    at = data.index(b'"bundle_id": "') + len(b'"bundle_id": "')
    data[at] = ord("0") if data[at] != ord("0") else ord("1")  # another bundle's id, same size
    assert "altered after the laptop signed it" in refused(server, bytes(data))


@pytest.mark.parametrize("cut", [1, 64, 1000, -20])
def test_a_cut_file_is_refused(server, laptop, small_day, cut):
    data = export_bundle(laptop, small_day.id)
    assert "cut short" in refused(server, data[:cut])


def test_a_file_that_is_no_bundle_is_refused(server):
    assert "cut short or was never one" in refused(server, b"%PDF-1.7 not a bundle at all")


def test_a_bundle_for_another_servers_key_is_refused(server, laptop, small_day, tmp_path):
    with laptop.app_context():
        other = keys.X25519PrivateKey.generate()
        keys.trust(keys.SERVER_PREFIX + keys.b64(keys.raw_public(other)))
    assert "another server's key" in refused(server, export_bundle(laptop, small_day.id))


def test_a_bundle_from_a_laptop_the_server_does_not_trust_is_refused(server, laptop, small_day):
    with server.app_context():
        key_set = keys.load()
        key_set["trusted_laptops"] = []
        keys.save(key_set)
    assert "does not trust" in refused(server, export_bundle(laptop, small_day.id))


def test_a_bundle_from_a_newer_clinic_is_refused(server, laptop, small_day, monkeypatch):
    with monkeypatch.context() as patched:
        patched.setattr(schema, "head_revision", lambda: "f00dfacef00d")
        data = export_bundle(laptop, small_day.id)
    message = refused(server, data)
    assert "newer version of Clinic" in message and "f00dfacef00d" in message
    assert schema.head_revision.__module__ == "clinic.carry.schema"


def test_a_server_newer_than_the_laptop_imports_its_bundle(server, laptop, small_day, monkeypatch):
    with laptop.app_context():
        previous = next(iter(schema._scripts().walk_revisions())).down_revision
    with monkeypatch.context() as patched:
        patched.setattr(schema, "head_revision", lambda: previous)
        data = export_bundle(laptop, small_day.id)
    result = import_into(server, data)
    assert result.report["created"]["cases"] == 3


def test_a_failure_halfway_leaves_nothing_half_imported(server, laptop, small_day, monkeypatch):
    data = export_bundle(laptop, small_day.id)

    def broken(self):
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(_Import, "_audit_events", broken)
    before = row_counts(server)
    result = server.test_cli_runner().invoke(args=["clinic", "import-day", "-"], input=data)
    assert isinstance(result.exception, RuntimeError)
    with server.app_context():
        db.session.rollback()
    assert row_counts(server) == before
    monkeypatch.undo()
    assert import_into(server, data).report["created"]["cases"] == 3


def test_the_command_line_says_why_it_refuses(server, laptop, small_day, tmp_path):
    path = tmp_path / "day.bundle"
    path.write_bytes(export_bundle(laptop, small_day.id)[:-5])
    result = server.test_cli_runner().invoke(args=["clinic", "import-day", str(path)])
    assert result.exit_code == 1
    assert "cut short" in result.output
