"""Test-wide settings.

Property tests explore new random inputs on a developer's machine; under CI (``CI`` set) they replay a fixed
derandomized sequence, so that a submission's result does not depend on the draw.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, database=None)
settings.register_profile("dev")
settings.load_profile("ci" if os.environ.get("CI") else "dev")
