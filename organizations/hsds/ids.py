"""Identifiers for HSDS records that have no row of their own.

HSDS gives every entry an id, including what the database keeps as a
many-to-many row or a boolean (a service's area, an attribute, a language
link). Records with a row of their own (a service at a location included)
use its `uuid`. The others get UUIDv5 names under the uuid of the record they
belong to, so they are the same in every export, survive edits (they depend on
no field a curator can change) and survive re-imports (records keep their
uuids).
A random id would change on every request; a database key would change on
re-import and would leak row counts.
"""

import uuid

# Parent of the ids of things that exist only in code: our taxonomies and the
# "listing flags" terms. Changing it would change those ids for every consumer.
NAMESPACE = uuid.UUID("44777deb-ccfd-46f3-a407-cfef2f7f4c5d")


def child_id(parent_uuid: uuid.UUID, kind: str, key: object = "") -> uuid.UUID:
    """The id of a sub-record of `parent_uuid`: its address, an attribute, a language link."""
    return uuid.uuid5(parent_uuid, f"{kind}:{key}")


def code_id(name: str) -> uuid.UUID:
    """The id of a taxonomy or term defined in code rather than in the database."""
    return uuid.uuid5(NAMESPACE, name)
