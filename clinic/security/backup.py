"""Backups that restore: a consistent copy of the database, encrypted, and its way back.

SQLite is copied with its online backup API (a consistent copy while the app writes);
PostgreSQL with pg_dump (custom format) of the schema the app uses, restored with pg_restore.
The copy is then encrypted with AES-256-GCM in 1 MiB chunks, under a key derived with scrypt
from a passphrase or a key file's contents (file format below). Encrypted columns stay
encrypted inside: restoring needs the encryption key file as well as the backup's passphrase.

    CLINIC-BACKUP 1\\n
    {"kind": "sqlite" | "pg_dump", "salt": <b64>, "nonce": <b64 8 bytes>, "scrypt": {...}}\\n
    chunks: 4-byte big-endian length, then AES-GCM(chunk) (nonce = prefix + chunk number; the
    header and a last-chunk flag are authenticated, so cut or reordered files do not open)
"""

import base64
import json
import os
import shutil
import sqlite3
import struct
import subprocess
import tempfile

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from sqlalchemy import inspect, text
from sqlalchemy.engine import make_url

MAGIC = b"CLINIC-BACKUP 1\n"
CHUNK = 1024 * 1024
SCRYPT = {"n": 2**15, "r": 8, "p": 1}


class BackupProblem(Exception):
    """A backup or restore that cannot go ahead; the message says what to do."""


def derive_key(secret, salt, params=SCRYPT):
    return Scrypt(salt=salt, length=32, **params).derive(secret)


def secret_from(passphrase=None, key_file=None):
    if key_file:
        with open(key_file, "rb") as handle:
            secret = handle.read()
    else:
        secret = (passphrase or "").encode()
    if len(secret) < 15:
        raise BackupProblem("Give a passphrase of at least 15 characters, or a key file.")
    return secret


# --- Making and restoring the plain copy -----------------------------------------------------


def dump(engine, destination):
    """Write a consistent copy of the database to `destination`; returns its kind."""
    if engine.dialect.name == "sqlite":
        with engine.connect() as connection:
            source = connection.connection.driver_connection
            target = sqlite3.connect(destination)
            try:
                source.backup(target)
            finally:
                target.close()
        return "sqlite"
    if engine.dialect.name == "postgresql":
        _run_pg("pg_dump", engine, ["--format=custom", "--no-owner", f"--file={destination}"])
        return "pg_dump"
    raise BackupProblem(f"Backups of {engine.dialect.name} databases are not supported.")


def load(engine, kind, source):
    """Restore the copy at `source` into the (empty) database of `engine`."""
    if _has_tables(engine):
        raise BackupProblem(
            "The database to restore into is not empty. Restore into a new, empty database "
            "(set CLINIC_DATABASE_URL, or move the SQLite file away), never over live data."
        )
    expected = "sqlite" if engine.dialect.name == "sqlite" else "pg_dump"
    if kind != expected:
        raise BackupProblem(f"This backup is of a {kind} database; this one is {expected}.")
    if kind == "sqlite":
        engine.dispose()
        with engine.connect() as connection:
            target = connection.connection.driver_connection
            copy = sqlite3.connect(source)
            try:
                copy.backup(target)
            finally:
                copy.close()
        engine.dispose()
        return
    _run_pg("pg_restore", engine, ["--no-owner", "--exit-on-error", "--single-transaction", source])


def _has_tables(engine):
    if engine.dialect.name != "postgresql":
        return bool(inspect(engine).get_table_names())
    with engine.connect() as connection:  # the schema may not exist yet: pg_restore makes it
        return connection.execute(
            text(
                "SELECT count(*) FROM information_schema.tables "
                "WHERE table_schema = current_schema()"
            )
        ).scalar()


def _run_pg(program, engine, arguments):
    if shutil.which(program) is None:
        raise BackupProblem(f"{program} is not installed (apt-get install postgresql-client).")
    url = engine.url
    with engine.connect() as connection:
        schema = connection.execute(text("SELECT current_schema()")).scalar()
    libpq = make_url(url).set(drivername="postgresql", password=None)
    env = {**os.environ}
    if url.password:
        env["PGPASSWORD"] = url.password  # not in the command line, where `ps` shows it
    target = ["--dbname", libpq.render_as_string(hide_password=False)]
    schema_option = [f"--schema={schema}"] if program == "pg_dump" else []
    done = subprocess.run(  # noqa: S603 (fixed program, our own arguments)
        [program, *target, *schema_option, *arguments], env=env, capture_output=True, text=True
    )
    if done.returncode != 0:
        message = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "failed"
        if "server version mismatch" in done.stderr:
            message += " Install the pg_dump of the server's major version."
        raise BackupProblem(f"{program}: {message}")


# --- Encrypting the copy ---------------------------------------------------------------------


def encrypt_file(source, destination, secret, kind):
    salt, prefix = os.urandom(16), os.urandom(8)
    header = json.dumps(
        {
            "kind": kind,
            "salt": base64.b64encode(salt).decode(),
            "nonce": base64.b64encode(prefix).decode(),
            "scrypt": SCRYPT,
        }
    ).encode()
    cipher = AESGCM(derive_key(secret, salt))
    descriptor = os.open(destination, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with open(source, "rb") as plain, os.fdopen(descriptor, "wb") as out:
        out.write(MAGIC + header + b"\n")
        number, chunk = 0, plain.read(CHUNK)
        while True:
            following = plain.read(CHUNK)
            last = not following
            sealed = cipher.encrypt(_nonce(prefix, number), chunk, _aad(header, number, last))
            out.write(struct.pack(">I", len(sealed)) + sealed)
            if last:
                return
            number, chunk = number + 1, following


def decrypt_file(source, destination, secret):
    """Decrypt a backup into `destination`; returns its kind."""
    with open(source, "rb") as sealed_file, open(destination, "wb") as out:
        if sealed_file.read(len(MAGIC)) != MAGIC:
            raise BackupProblem("This is not a Clinic backup file.")
        header = sealed_file.readline().rstrip(b"\n")
        fields = json.loads(header)
        cipher = AESGCM(derive_key(secret, base64.b64decode(fields["salt"]), fields["scrypt"]))
        prefix = base64.b64decode(fields["nonce"])
        number, last = 0, False
        while not last:
            length = sealed_file.read(4)
            if len(length) != 4:
                raise BackupProblem("The backup file is cut short: it cannot be restored.")
            sealed = sealed_file.read(struct.unpack(">I", length)[0])
            last = not sealed_file.peek(1)
            try:
                out.write(
                    cipher.decrypt(_nonce(prefix, number), sealed, _aad(header, number, last))
                )
            except InvalidTag as error:
                raise BackupProblem(
                    "The backup does not open: wrong passphrase or key file, or the file "
                    "was changed or cut short."
                ) from error
            number += 1
    return fields["kind"]


def _nonce(prefix, number):
    return prefix + struct.pack(">I", number)


def _aad(header, number, last):
    return header + struct.pack(">I?", number, last)


# --- The two commands' work ------------------------------------------------------------------


def back_up(engine, destination, secret):
    with tempfile.TemporaryDirectory() as work:
        plain = os.path.join(work, "copy")
        kind = dump(engine, plain)
        encrypt_file(plain, destination, secret, kind)
        return kind, os.path.getsize(destination)


def restore(engine, source, secret):
    with tempfile.TemporaryDirectory() as work:
        plain = os.path.join(work, "copy")
        kind = decrypt_file(source, plain, secret)
        load(engine, kind, plain)
        return kind
