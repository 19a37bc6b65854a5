"""Load a script of benchmarks/ as a module, or run it, for the tests of its metrics."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def load_benchmark(name: str) -> ModuleType:
    """benchmarks/NAME.py as a module (the folder is not a package)."""
    spec = importlib.util.spec_from_file_location(f"{name}_benchmark", ROOT / "benchmarks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def last_line_fields(name: str, *args: str) -> dict[str, str]:
    """Run benchmarks/NAME.py offline; the `key=value` fields of its machine-readable last line."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / f"{name}.py"), *args],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
        env={**os.environ, "HF_HUB_OFFLINE": "1"},
    )
    last = result.stdout.strip().splitlines()[-1]
    return dict(part.split("=") for part in last.split())
