"""Property tests draw new examples on every run where a developer runs them, to keep finding inputs no one
wrote; in CI (CI set) they draw the same examples each run, so a red build is the change's and can be
reproduced, never a new draw's."""

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
