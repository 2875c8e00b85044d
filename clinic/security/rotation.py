"""Key rotation: a new data key, every encrypted value re-encrypted with it, reads working
throughout (old keys stay in the key file until `forget-old-keys`).

Each value is rewritten only if it is still the ciphertext read (UPDATE ... WHERE value =
old), so a change the app made meanwhile, already under the new key, is never overwritten.
Batches commit one by one: a long rotation holds no long transaction. The blind-index key is
not rotated (it would change every index at once); see README.
"""

from sqlalchemy import Text, select, text, type_coerce

from clinic.security.crypto import new_key, read_key_file, write_key_file
from clinic.security.types import encrypted_columns

BATCH = 500


def add_new_key(path):
    """Put a new data key first in the key file (the old ones kept); returns its id."""
    key_set = read_key_file(path)
    key_set["data_keys"].insert(0, new_key())
    write_key_file(path, key_set)


def reencrypt_all(session, metadata, keyring):
    """Re-encrypt every value not under the newest key; returns {"table.column": count}."""
    counts = {}
    for table, column in encrypted_columns(metadata):
        counts[f"{table.name}.{column.name}"] = _reencrypt_column(session, table, column, keyring)
    return counts


def values_under_old_keys(session, metadata, keyring):
    total = 0
    for table, column in encrypted_columns(metadata):
        for _id, stored in _raw_rows(session, table, column):
            total += not keyring.is_current(stored)
    return total


def forget_old_keys(path):
    key_set = read_key_file(path)
    dropped = len(key_set["data_keys"]) - 1
    key_set["data_keys"] = key_set["data_keys"][:1]
    write_key_file(path, key_set)
    return dropped


def _reencrypt_column(session, table, column, keyring):
    purpose, changed, after = column.type.purpose, 0, 0
    update = text(
        f"UPDATE {table.name} SET {column.name} = :new "  # noqa: S608 (names from our models)
        f"WHERE id = :id AND {column.name} = :old"
    )
    while True:
        rows = _raw_rows(session, table, column, after=after, limit=BATCH)
        for row_id, stored in rows:
            if not keyring.is_current(stored):
                fresh = keyring.encrypt(keyring.decrypt(stored, purpose), purpose)
                result = session.execute(update, {"new": fresh, "id": row_id, "old": stored})
                changed += result.rowcount
        session.commit()
        if len(rows) < BATCH:
            return changed
        after = rows[-1][0]


def _raw_rows(session, table, column, after=None, limit=None):
    """(id, ciphertext) pairs, the ciphertext as stored (type_coerce: not decrypted)."""
    query = select(table.c.id, type_coerce(column, Text)).where(column.is_not(None))
    if after is not None:
        query = query.where(table.c.id > after)
    query = query.order_by(table.c.id)
    if limit is not None:
        query = query.limit(limit)
    return session.execute(query).all()
