"""Rule ablation: which of the extractor's rules change any output on the gold sets, and which are dead.

    python bench/ablation.py                      # every rule, counts of changed claims per set (~15 min, 2 cores)
    python bench/ablation.py --quick              # alive or dead only: a rule stops at its first change
    python bench/ablation.py --only 'numbers.*' --only 'lexicon:killed*'   # some rules (fnmatch on the name)
    python bench/ablation.py --out bench/results/ablation.md --json /tmp/ablation.json

A *rule* is

- every module-level compiled regex of ``factdb/extract/*.py``, named ``module.NAME``. It is disabled
  by importing a fresh copy of the ``factdb.extract`` package in which that one assignment binds a
  pattern that never matches (``(?!)``, same flags). Everything built from it at import time (the
  word-anchored scanners, patterns built from its ``.pattern``) is built from the disabled one, and every
  module that imports the name gets it. Where the package cannot be imported that way (its source is
  parsed at import time), only the module-level bindings are replaced, and the report says so;
- every entry of the metric lexicon ``factdb/extract/data/metrics.json``: each phrase and each regex,
  named ``lexicon:METRIC.KEY[i] 'text'``. It is disabled by building the lexicon without that entry.

Each disabled rule is run over every input set: the tuning gold (``gold-sentences``, ``gold-docs``), the
frozen set, the seed articles (as in ``bench/extract_snapshot.py``) and, when present, the development
sets ``../shared/eval/dev-*.jsonl`` (or ``$FACTDB_SHARED/eval``), and ``number-specs``: the
Recognizers-Text and quantulum3 number cases of ``tests/data/extract`` read by ``parse_number`` (the
number parser's rules are there for them as much as for news). The output (compact records: span,
numbers, meaning) is compared per document with the output of the unchanged extractor; a claim
*changes* when the records at its span differ (added, removed, any field changed).

A lexicon phrase can only change a text that contains each of its words, so only those texts are
run for it; regexes are run on every text. ``--quick`` stops a rule at its first changed document (dead
rules still run everything). Work is spread over ``--jobs`` processes (default: the number of cores).

A regex that changes no output is then run against the extraction behaviour tests (``DEFAULT_TESTS``:
``tests/test_extract*.py`` and ``tests/test_lexicon_lint.py`` without the scaling test, the snapshot test,
which every rule would fail trivially, and the frozen-set test, which only asserts score floors): pytest
in one child process per rule with that rule disabled. A rule whose removal fails a test is alive,
reported as "needed by tests: <first failing test>"; only a rule that changes no output and fails no
test is dead. ``--no-tests`` skips this pass (about 20 s per output-dead regex on 2 cores); lexicon entries
are never run against the tests. ``--pytest ARGS`` instead runs only the tests, with ARGS, for each
selected regex.
"""

from __future__ import annotations

import argparse
import ast
import fnmatch
import importlib
import importlib.machinery
import json
import multiprocessing as mp
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import extract_snapshot as snap  # noqa: E402  (bench/extract_snapshot.py)

PACKAGE = "factdb.extract"
EXTRACT_DIR = ROOT / "factdb" / "extract"
METRICS_JSON = EXTRACT_DIR / "data" / "metrics.json"


# --- disabling a module-level regex ---------------------------------------------------------------


def never(pattern: re.Pattern) -> re.Pattern:
    """A pattern that matches nothing; keeps a leading ``^`` (some patterns are spliced as ``.pattern[1:]``)."""
    return re.compile("^(?!)" if pattern.pattern.startswith("^") else "(?!)", pattern.flags)


class _AblatingLoader(importlib.machinery.SourceFileLoader):
    """Loads one module with ``NAME = expr`` at its top level turned into ``NAME = _ablate_(expr)``."""

    def __init__(self, fullname, path, name):
        super().__init__(fullname, path)
        self.target = name

    def get_code(self, fullname):  # never from, nor into, the bytecode cache
        path = self.get_filename(fullname)
        tree = ast.parse(self.get_data(path), path)
        for node in tree.body:
            targets = node.targets if isinstance(node, ast.Assign) else \
                [node.target] if isinstance(node, ast.AnnAssign) and node.value is not None else []
            if any(isinstance(t, ast.Name) and t.id == self.target for t in targets):
                node.value = ast.Call(ast.Name("_ablate_", ast.Load()), [node.value], [])
        return compile(ast.fix_missing_locations(tree), path, "exec")

    def exec_module(self, module):
        module.__dict__["_ablate_"] = lambda v: never(v) if isinstance(v, re.Pattern) else v
        super().exec_module(module)


class _AblatingFinder:
    def __init__(self, module: str, name: str):
        self.fullname, self.name = f"{PACKAGE}.{module}", name

    def find_spec(self, fullname, path=None, target=None):
        if fullname != self.fullname:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        spec.loader = _AblatingLoader(fullname, spec.origin, self.name)
        return spec


def fresh_package(rule: tuple[str, str] | None = None):
    """A newly imported ``factdb.extract`` (every submodule re-executed, so no state or cache carries
    over), with the regex ``rule`` = (module, NAME) disabled. Returns (package, how)."""
    for k in [k for k in sys.modules if k == PACKAGE or k.startswith(PACKAGE + ".")]:
        del sys.modules[k]
    if rule is None:
        return importlib.import_module(PACKAGE), "baseline"
    finder = _AblatingFinder(*rule)
    sys.meta_path.insert(0, finder)
    try:
        return importlib.import_module(PACKAGE), "import"
    except Exception:  # its source is read at import time: replace the bindings only
        for k in [k for k in sys.modules if k == PACKAGE or k.startswith(PACKAGE + ".")]:
            del sys.modules[k]
    finally:
        sys.meta_path.remove(finder)
    pkg = importlib.import_module(PACKAGE)
    module, name = rule
    old = getattr(sys.modules[f"{PACKAGE}.{module}"], name)
    new = never(old)
    for k, mod in list(sys.modules.items()):
        if k.startswith(PACKAGE + "."):
            for attr, v in list(vars(mod).items()):
                if v is old:
                    setattr(mod, attr, new)
    return pkg, "bindings"


def regex_rules() -> list[tuple[str, str]]:
    """(module, NAME) of every compiled regex bound at the top level of a module of the package."""
    pkg = importlib.import_module(PACKAGE)
    out = []
    for path in sorted(EXTRACT_DIR.glob("*.py")):
        module = path.stem
        if module == "__init__":
            continue
        mod = importlib.import_module(f"{PACKAGE}.{module}")
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = []
        for node in tree.body:
            targets = node.targets if isinstance(node, ast.Assign) else \
                [node.target] if isinstance(node, ast.AnnAssign) else []
            names += [t.id for t in targets if isinstance(t, ast.Name)]
        out += [(module, n) for n in dict.fromkeys(names) if isinstance(getattr(mod, n, None), re.Pattern)]
    del pkg
    return out


# --- disabling a lexicon entry --------------------------------------------------------------------


def lexicon_rules(entries: dict) -> list[tuple[str, str, int]]:
    """(metric, key, index) of every phrase and regex in the lexicon."""
    return [(m, k, i) for m, spec in entries.items() for k, vals in spec.items() for i in range(len(vals))]


def lexicon_without(entries: dict, rule: tuple[str, str, int]) -> dict:
    m, k, i = rule
    out = {mm: {kk: list(v) for kk, v in spec.items()} for mm, spec in entries.items()}
    del out[m][k][i]
    return out


def phrase_words(phrase: str) -> list[str]:
    """What a text must contain (lower-case) for a lexicon phrase to match in it."""
    return [w.rstrip("*") for w in phrase.lower().split() if w.rstrip("*")]


def rule_name(rule) -> str:
    if len(rule) == 2:
        return f"{rule[0]}.{rule[1]}"
    m, k, i = rule
    return f"lexicon:{m}.{k}[{i}] {json.dumps(_ENTRIES[m][k][i], ensure_ascii=False)}"


# --- running --------------------------------------------------------------------------------------

_SETS: dict = {}
_BASE: dict = {}  # (set, index) -> compact records of that document
_ENTRIES: dict = json.loads(METRICS_JSON.read_text(encoding="utf-8"))["metrics"]
_STATE: dict = {}


NUMBER_SPECS = "number-specs"


def number_spec_cases() -> list[tuple[str, str, None]]:
    """The third-party number specs (Recognizers-Text, quantulum3) the number parser is tested on."""
    out = []
    for name, key in (("recognizers-number-cases", "text"), ("quantulum3-quantities", "surface")):
        cases = json.loads((snap.DATA / f"{name}.json").read_text(encoding="utf-8"))["cases"]
        out += [(f"{name}:{i}", c[key], None) for i, c in enumerate(cases)]
    return out


def outputs(pkg, name, doc_id, text, pub, lexicon=None) -> list[dict]:
    """Compact records of one document; for the number specs, what ``parse_number`` reads."""
    if name == NUMBER_SPECS:
        n = pkg.numbers.parse_number(text)
        return [] if n is None else [{"start": 0, "end": len(text), "value": n.value, "low": n.low, "high": n.high,
                                      "qualifier": n.qualifier, "unit": n.unit}]
    return sorted((snap.compact(doc_id, c) for c in pkg.extract_claims(text, pub, lexicon=lexicon)),
                  key=snap.sort_key)


def run_docs(pkg, docs, lexicon=None, quick=False) -> dict[str, int]:
    """Set name -> number of changed claims over ``docs`` [(set, index)], against the baseline."""
    changed: dict[str, int] = {}
    for key in docs:
        name, i = key
        doc_id, text, pub = _SETS[name][i]
        try:
            got = outputs(pkg, name, doc_id, text, pub, lexicon)
        except Exception as exc:  # a disabled rule that breaks extraction is alive
            changed[name] = changed.get(name, 0) + max(1, len(_BASE[key]))
            _STATE.setdefault("errors", []).append(f"{doc_id}: {type(exc).__name__}: {exc}")
            if quick:
                break
            continue
        want = _BASE[key]
        if got == want:
            continue
        spans: dict[tuple[int, int], list[list[dict]]] = {}
        for side, recs in enumerate((want, got)):
            for r in recs:
                spans.setdefault((r["start"], r["end"]), [[], []])[side].append(r)
        n = sum(a != b for a, b in spans.values())
        changed[name] = changed.get(name, 0) + n
        if quick and n:
            break
    return changed


def _init(shared: bool) -> None:
    _SETS.update(snap.input_sets(shared=shared))
    _SETS[NUMBER_SPECS] = number_spec_cases()
    pkg, _ = fresh_package()
    for name, cases in _SETS.items():
        for i, (doc_id, text, pub) in enumerate(cases):
            _BASE[(name, i)] = outputs(pkg, name, doc_id, text, pub)
    _STATE["pkg"] = pkg
    _STATE["modules"] = {k: v for k, v in sys.modules.items() if k == PACKAGE or k.startswith(PACKAGE + ".")}
    _STATE["lower"] = {k: _SETS[k[0]][k[1]][1].lower() for k in _BASE}


def _task(args) -> dict:
    rule, quick = args
    t = time.perf_counter()
    _STATE["errors"] = []
    if len(rule) == 2:
        pkg, how = fresh_package(rule)
        changed = run_docs(pkg, list(_BASE), quick=quick)
        # back to the unchanged modules (functions of the package import some of them on first use)
        for k in [k for k in sys.modules if k == PACKAGE or k.startswith(PACKAGE + ".")]:
            del sys.modules[k]
        sys.modules.update(_STATE["modules"])
    else:
        pkg, how = _STATE["pkg"], "lexicon"
        m, k, i = rule
        lex = pkg.lexicon.Lexicon(lexicon_without(_ENTRIES, rule))
        entry = _ENTRIES[m][k][i]
        if k.startswith("regex_"):
            docs = [key for key in _BASE if key[0] != NUMBER_SPECS]
        else:
            words = phrase_words(entry)
            docs = [key for key in _BASE if key[0] != NUMBER_SPECS and all(w in _STATE["lower"][key] for w in words)]
        changed = run_docs(pkg, docs, lexicon=lex, quick=quick)
    return {"rule": rule_name(rule), "how": how, "changed": changed, "errors": _STATE["errors"][:3],
            "seconds": round(time.perf_counter() - t, 2)}


def report(results: list[dict], set_names: list[str], quick: bool, seconds: float,
           tests: list[str] | None = None) -> str:
    """Markdown report. ``tests``: the selection the output-dead regexes were run against (None: not run)."""
    dead = [r for r in results if not r["changed"] and not r.get("tests")]
    needed = [r for r in results if not r["changed"] and r.get("tests")]
    alive = [r for r in results if r["changed"]]
    n_regex = sum(not r["rule"].startswith("lexicon:") for r in results)
    dead_regex = sum(not r["rule"].startswith("lexicon:") for r in dead)
    lines = [f"# Rule ablation ({'quick: alive or dead only' if quick else 'changed claims per set'})", "",
             f"{len(results)} rules: {len(alive)} change some output, "
             + (f"{len(needed)} change none but are needed by tests, " if tests is not None else "")
             + f"{len(dead)} are dead ({dead_regex} of {n_regex} regexes) "
             f"({seconds / 60:.1f} min). Sets: " + ", ".join(f"{n} ({len(_SETS[n])} docs)" for n in set_names) + ".",
             ""]
    if tests is None and n_regex:
        lines += ["The regexes that change no output were not run against the behaviour tests (`--no-tests`).", ""]
    elif n_regex:
        lines += ["A regex that changes no output is alive when its removal fails one of: "
                  + ", ".join(f"`{t}`" for t in tests) + ".", ""]
    lines += ["## Dead rules (change nothing)", ""]
    lines += [f"- `{r['rule']}`" + (" (bindings only)" if r["how"] == "bindings" else "") for r in dead] or ["(none)"]
    if tests is not None:
        lines += ["", "## Rules that change no output but are needed by tests", ""]
        lines += [f"- `{r['rule']}` (needed by tests: {r['tests']})" for r in needed] or ["(none)"]
    lines += ["", "## Rules that change output", ""]
    if quick:  # (the counts stop at a rule's first changed document: only where it was seen)
        lines += [f"- `{r['rule']}` ({next(iter(r['changed']))})" for r in alive] or ["(none)"]
        return "\n".join(lines) + "\n"
    short = {n: n.replace("gold-", "").replace("frozen-news-", "frozen-") for n in set_names}
    lines += ["| rule | " + " | ".join(short[n] for n in set_names) + " |",
              "|---|" + "---:|" * len(set_names)]
    for r in sorted(alive, key=lambda r: r["rule"]):
        name = r["rule"].replace("|", "\\|")
        how = " (bindings only)" if r["how"] == "bindings" else ""
        lines.append(f"| `{name}`{how} | " + " | ".join(str(r["changed"].get(n, "")) for n in set_names) + " |")
    return "\n".join(lines) + "\n"


TEST_EXCLUDE = ("test_extract_scaling.py", "test_extract_snapshot.py", "test_extract_frozen.py")


def default_tests() -> list[str]:
    """The extraction behaviour tests a rule that changes no output may still be needed by."""
    files = sorted((ROOT / "tests").glob("test_extract*.py")) + [ROOT / "tests" / "test_lexicon_lint.py"]
    return [str(f.relative_to(ROOT)) for f in files if f.name not in TEST_EXCLUDE]


def pytest_verdict(rule: tuple[str, str] | None, pytest_args: list[str]) -> tuple[int, str]:
    """pytest ARGS in a child process with the regex ``rule`` disabled (None: unchanged).
    Returns (exit code, first failing test or "")."""
    import subprocess

    finder = "" if rule is None else f"sys.meta_path.insert(0, ablation._AblatingFinder(*{tuple(rule)!r})); "
    code = (f"import sys; sys.path.insert(0, {str(ROOT / 'bench')!r}); import ablation, pytest; {finder}"
            f"sys.exit(pytest.main(['-q', '-x', '-rfE', '-p', 'no:cacheprovider', *{pytest_args!r}]))")
    res = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    if res.returncode == 5:  # no tests collected: nothing says the rule is needed
        return 0, ""
    # "FAILED tests/x.py::test_y[a b] - AssertionError": the node id (its parameters may hold spaces)
    first = next((line.split(" ", 1)[1].split(" - ", 1)[0] for line in res.stdout.splitlines()
                  if line.startswith(("FAILED ", "ERROR "))), "")
    return res.returncode, first or (f"exit code {res.returncode}" if res.returncode else "")


def tests_needing(rules: list, pytest_args: list[str], jobs: int, progress: bool = True) -> dict:
    """Regex rule -> first failing test, for the rules whose removal fails ``pytest_args``."""
    from concurrent.futures import ThreadPoolExecutor

    needed = {}
    with ThreadPoolExecutor(max(1, jobs)) as pool:
        for n, (rule, (rc, first)) in enumerate(zip(rules, pool.map(lambda r: pytest_verdict(r, pytest_args), rules),
                                                    strict=True), 1):
            if rc:
                needed[rule] = first
            if progress:
                print(f"[tests {n}/{len(rules)}] {rule_name(rule)}: "
                      f"{'needed by tests: ' + first if rc else 'tests pass'}", file=sys.stderr, flush=True)
    return needed


def run_tests(rules: list, pytest_args: list[str], jobs: int) -> int:
    """Run pytest once per regex rule, that rule disabled (a child process each): which rules the tests need."""
    needed = tests_needing(rules, pytest_args, jobs)
    for rule in rules:
        print(f"{rule_name(rule)}: " + (f"tests fail: {needed[rule]}" if rule in needed else "tests pass"), flush=True)
    print(f"{len(needed)} of {len(rules)} rules are needed by these tests", file=sys.stderr)
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="alive or dead only: stop a rule at its first change")
    ap.add_argument("--only", action="append", default=[], metavar="GLOB",
                    help="only rules whose name matches (fnmatch; repeatable), e.g. 'numbers.*', 'lexicon:aid.*'")
    ap.add_argument("--kind", choices=("all", "regex", "lexicon"), default="all")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--no-shared", action="store_true", help="leave out ../shared/eval/dev-*.jsonl")
    ap.add_argument("--out", type=Path, help="also write the report (Markdown) here")
    ap.add_argument("--json", type=Path, help="write every rule's result as JSON here")
    ap.add_argument("--no-tests", action="store_true",
                    help="do not run the regexes that change no output against the behaviour tests")
    ap.add_argument("--pytest", nargs=argparse.REMAINDER, metavar="ARGS",
                    help="instead: for each selected regex rule, run pytest ARGS with it disabled "
                         "(e.g. --only 'numbers.*' --pytest tests/test_extract_numbers.py)")
    args = ap.parse_args()

    rules: list = []
    if args.kind in ("all", "regex"):
        rules += regex_rules()
    if args.kind in ("all", "lexicon"):
        rules += lexicon_rules(_ENTRIES)
    if args.only:
        rules = [r for r in rules if any(fnmatch.fnmatchcase(rule_name(r), g) for g in args.only)]
    if args.pytest is not None:
        return run_tests([r for r in rules if len(r) == 2], args.pytest, args.jobs)
    t0 = time.perf_counter()
    _init(not args.no_shared)
    set_names = list(_SETS)
    print(f"{len(rules)} rules over {sum(map(len, _SETS.values()))} documents ({', '.join(set_names)}), "
          f"{args.jobs} processes", file=sys.stderr)
    tasks = [(r, args.quick) for r in rules]
    results = []
    ctx = mp.get_context("fork")
    with ctx.Pool(args.jobs) as pool:
        for n, res in enumerate(pool.imap_unordered(_task, tasks), 1):
            results.append(res)
            state = "dead" if not res["changed"] else "changes " + ", ".join(f"{k} {v}" for k, v in res["changed"].items())
            print(f"[{n}/{len(tasks)}] {res['rule'][:100]}: {state} ({res['seconds']} s)", file=sys.stderr)
    order = {rule_name(r): i for i, r in enumerate(rules)}
    results.sort(key=lambda r: order[r["rule"]])
    tests = None if args.no_tests or args.kind == "lexicon" else default_tests()
    quiet = [r for r in rules if len(r) == 2 and not results[order[rule_name(r)]]["changed"]]
    if tests is not None and quiet:
        rc, first = pytest_verdict(None, tests)
        if rc:  # a failing selection would make every rule look needed
            print(f"the behaviour tests fail without any rule disabled ({first}): test pass skipped", file=sys.stderr)
            tests = None
        else:
            print(f"{len(quiet)} regexes change no output: running them against {len(tests)} test files",
                  file=sys.stderr)
            for rule, first in tests_needing(quiet, tests, args.jobs).items():
                results[order[rule_name(rule)]]["tests"] = first
    text = report(results, set_names, args.quick, time.perf_counter() - t0, tests)
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
