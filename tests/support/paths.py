"""Where things are: the repository root (for subprocesses run as the app runs)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
