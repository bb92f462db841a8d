"""The meeting briefing (moved into a package; the next commit splits slides.py into its parts)."""

from .slides import *  # noqa: F403
