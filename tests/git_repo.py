"""Git for tests that build a throwaway repository: a fixed author, no user or system config.

``git(repo, "commit", "-qm", "one")`` runs git in ``repo`` the same way on every
machine (no ``~/.gitconfig`` hooks, signing or default branch of the user's).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


def git(repo: Path, *args: str) -> str:
    """Run ``git ARGS...`` in ``repo``; its stdout (a failure raises ``CalledProcessError``)."""
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    done = subprocess.run(
        ["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True
    )
    return done.stdout
