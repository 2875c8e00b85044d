"""The command line: key lines exchanged, a day exported and imported, the report printed."""

from tests.factories import Factory


def run(app, *args, **more):
    return app.test_cli_runner().invoke(args=["clinic", *args], **more)


def test_carry_keys_prints_both_public_lines_and_keeps_the_same_keys(server):
    first, second = run(server, "carry-keys"), run(server, "carry-keys")
    assert first.exit_code == 0, first.output
    assert "clinic-server:" in first.output and "clinic-laptop:" in first.output
    assert first.output == second.output


def test_carry_trust_refuses_a_line_that_is_no_key(server):
    result = run(server, "carry-trust", "ssh-ed25519 AAAA")
    assert result.exit_code == 1 and "clinic-server:" in result.output
    result = run(server, "carry-trust", "clinic-laptop:bm90IGEga2V5")
    assert result.exit_code == 1 and "32 bytes" in result.output


def test_a_day_goes_through_the_command_line(server, laptop, tmp_path):
    make = Factory(laptop)
    day = make.event("Casa Laptop")
    make.case(day, given="Ana", family="Souza")
    path = tmp_path / "day.bundle"
    exported = run(laptop, "export-day", str(day.id), str(path))
    assert exported.exit_code == 0, exported.output
    assert "1 cases" in exported.output
    imported = run(server, "import-day", str(path))
    assert imported.exit_code == 0, imported.output
    assert "Imported." in imported.output and "Receipt: " in imported.output
    assert "Created: 1 cases" in imported.output
    assert "Souza" not in imported.output  # case numbers only, never a name
    again = run(server, "import-day", str(path))
    assert "imported already" in again.output and "nothing changed" in again.output


def test_exporting_without_the_servers_key_says_how_to_get_it(laptop, tmp_path):
    laptop.config["CARRY_KEY_FILE"] = str(tmp_path / "new.json")
    day = Factory(laptop).event("Casa Laptop")
    result = run(laptop, "export-day", str(day.id), str(tmp_path / "x.bundle"))
    assert result.exit_code == 1 and "carry-trust clinic-server:" in result.output
    assert run(laptop, "export-day", "999", str(tmp_path / "x.bundle")).exit_code == 1


def test_a_damaged_key_file_is_named_never_a_crash(server, laptop, tmp_path):
    day = Factory(laptop).event("Casa Laptop")
    for app in (server, laptop):
        with open(app.config["CARRY_KEY_FILE"], "w") as damaged:
            damaged.write("{not json")
    exported = run(laptop, "export-day", str(day.id), str(tmp_path / "x.bundle"))
    assert exported.exit_code == 1 and "not valid JSON" in exported.output
    (tmp_path / "x.bundle").write_bytes(b"CLINIC-DAY\x00\x01" + b"\x00" * 100)
    imported = run(server, "import-day", str(tmp_path / "x.bundle"))
    assert imported.exit_code == 1 and "cut short" in imported.output
    assert run(server, "carry-keys").exit_code == 1
