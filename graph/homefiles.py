"""Private files in the home folder: secrets created once (mode 0600), state replaced atomically.

The home holds what must not live in the database it protects: the Neo4j password, the audit
key and the audit log's anchor. The folder itself is closed to other users.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO


def private_folder(folder: Path) -> Path:
    """Make `folder` (and its parents) and close it to group and others."""
    folder.mkdir(parents=True, exist_ok=True)
    if folder.stat().st_mode & 0o077:
        folder.chmod(0o700)
    return folder


def create_secret(path: Path, make: Callable[[], bytes]) -> bytes:
    """The contents of secret file `path`, written once with `make()` (mode 0600) when absent.

    The file appears whole or not at all (temporary file, then a link that fails when another
    process won), so two processes starting together agree on one secret.
    """
    if not path.exists():
        private_folder(path.parent)
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(make())
                out.flush()
                os.fsync(out.fileno())
            os.link(temp, path)
        except FileExistsError:
            pass
        finally:
            Path(temp).unlink(missing_ok=True)
    return path.read_bytes()


@contextmanager
def atomic_writer(path: Path) -> Iterator[TextIO]:
    """A text handle whose contents replace `path` whole when the block ends without error
    (temporary file in the same folder, fsync, rename; mode 0600)."""
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def replace_text(path: Path, text: str) -> None:
    """Write `path` atomically in a private folder."""
    private_folder(path.parent)
    with atomic_writer(path) as out:
        out.write(text)
