"""The source hash that tells a current translation from a stale one."""

from __future__ import annotations


def source_hash(message: str | None, description: str | None, solution: str | None) -> str:
    """Return the 12-hex-digit SHA-256 of the source texts a translation was made from.

    Each text (absent counts as empty) is followed by a NUL byte, so moving text
    from one field to another changes the hash.
    """
    import hashlib  # loads OpenSSL: only when a hash is asked for

    data = f"{message or ''}\0{description or ''}\0{solution or ''}\0".encode()
    return hashlib.sha256(data).hexdigest()[:12]
