"""The CLI package's shape: every command module loads on its own, none imports
another (only ``common`` and the services), and the CLI never loads the web stack."""

from __future__ import annotations

import ast
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import factdb.cli

CLI_DIR = Path(factdb.cli.__file__).parent
MODULES = sorted(m.name for m in pkgutil.iter_modules([str(CLI_DIR)]))
WEB_STACK = ("fastapi", "starlette", "uvicorn", "jinja2")


def test_the_cli_package_has_its_command_modules():
    assert {"common", "ingest", "claims", "review", "diff", "export", "watch", "web", "db"} <= set(MODULES)


@pytest.mark.parametrize("name", MODULES)
def test_each_cli_module_imports_alone_in_a_fresh_interpreter(name):
    res = subprocess.run([sys.executable, "-c", f"import factdb.cli.{name}"], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr


@pytest.mark.parametrize("name", [m for m in MODULES if m != "common"])
def test_command_modules_import_common_and_services_only(name):
    tree = ast.parse((CLI_DIR / f"{name}.py").read_text("utf-8"))
    siblings = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                siblings.add(node.module.split(".")[0])
            else:
                siblings.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("factdb.cli"):
            siblings.add(node.module)
        elif isinstance(node, ast.Import):
            siblings.update(a.name for a in node.names if a.name.startswith("factdb.cli"))
    assert siblings <= {"common"}, f"factdb/cli/{name}.py imports {sorted(siblings - {'common'})}"


# runs the CLI in a fresh interpreter and reports, as it exits, which web modules were loaded
_PROBE = (
    "import atexit, json, sys\n"
    "atexit.register(lambda: sys.stderr.write('\\nLOADED ' + json.dumps("
    f"sorted(m for m in sys.modules if m.split('.')[0] in {WEB_STACK!r})) + '\\n'))\n"
    "from factdb.cli import main\n"
    "sys.argv = ['factdb', *sys.argv[1:]]\n"
    "main()\n"
)


def _web_modules_loaded(*args: str) -> list[str]:
    res = subprocess.run([sys.executable, "-c", _PROBE, *args], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    return json.loads(res.stderr.rsplit("LOADED ", 1)[1])


def test_help_and_ordinary_commands_do_not_import_the_web_stack(tmp_path):
    db = str(tmp_path / "f.sqlite")
    assert _web_modules_loaded("--help") == []
    assert _web_modules_loaded("--db", db, "review", "queue", "--format", "json") == []
    assert _web_modules_loaded("--db", db, "claims", "--format", "csv") == []
    assert _web_modules_loaded("--db", db, "user", "list") == []
    assert _web_modules_loaded("serve", "--help") == []
