"""``python -m kwaliteit``."""

from __future__ import annotations

from kwaliteit.cli import main

main()
