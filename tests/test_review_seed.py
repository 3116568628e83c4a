"""The editor's walk through the seed article, end to end through the CLI.

Ingest with the real extractor; correct one claim, reject one, verify the
rest; re-ingest the article and ingest an edited version of it; nothing of
the review is undone, and history, --as-recorded-at and --status show it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time

from .conftest import SEEDS

SEED = SEEDS / "000_0ac5cb94f4c3a24b.txt"


def ok(result):
    assert result.exit_code == 0, (result.output, getattr(result, "stderr", ""))
    return result


def rows(run, *args) -> list[dict]:
    return json.loads(ok(run(*args, "--format", "json")).stdout)


def review_everything(run) -> tuple[dict, int, int, set[int]]:
    """Correct the "over 27,000" killed claim, reject another, verify the rest."""
    claims = rows(run, "review", "queue")
    assert len(claims) >= 3, claims
    by_id = {c["id"]: c for c in claims}
    killed = next(c for c in claims if c["metric"] == "killed" and c["value"] == 27000)
    rejected = next(c["id"] for c in claims if c["id"] != killed["id"])
    ok(run("review", "correct", str(killed["id"]), "--value", "27585", "--qualifier", "exact", "--low", "-",
           "--note", "Gaza Health Ministry bulletin of 7 Feb gives 27,585", "--expect-version",
           str(killed["version"]), "--reviewer", "alice"))
    ok(run("review", "reject", str(rejected), "--note", "not a figure we track", "--reviewer", "alice"))
    rest = sorted(set(by_id) - {killed["id"], rejected})
    ok(run("review", "verify", *map(str, rest), "--reviewer", "bob"))
    return killed, killed["id"], rejected, set(rest)


def snapshot(run) -> dict[int, tuple]:
    return {c["id"]: (c["status"], c["value"], c["low"], c["high"], c["qualifier"], c["metric"])
            for c in rows(run, "claims", "--include-removed")}


def test_review_the_seed_article_and_reingest(run):
    ok(run("ingest", str(SEED)))
    time.sleep(0.01)
    before_review = dt.datetime.now(dt.UTC).isoformat()
    time.sleep(0.01)
    killed, killed_id, rejected, verified = review_everything(run)
    reviewed = snapshot(run)
    assert reviewed[killed_id][:5] == ("corrected", 27585, None, None, "exact")
    assert reviewed[rejected][0] == "rejected"
    assert {i for i, s in reviewed.items() if s[0] == "verified"} == verified

    # the same article again: a no-op
    r = ok(run("ingest", str(SEED)))
    assert "0 new, 0 updated, 1 unchanged" in r.stderr
    assert snapshot(run) == reviewed
    assert rows(run, "review", "queue") == []
    # running the extractor again over the stored article changes no review either
    ok(run("reextract"))
    assert snapshot(run) == reviewed
    assert rows(run, "review", "queue") == []

    # history: extraction, then the correction with reviewer and note
    hist = rows(run, "history", str(killed_id))
    assert [h["action"] for h in hist] == ["extract", "correct"]
    assert hist[-1]["actor"] == "alice" and "27,585" in hist[-1]["note"]
    assert set(hist[-1]["changed"]) >= {"value", "low", "qualifier", "status"}
    text = ok(run("history", str(killed_id))).stdout
    assert "*value" in text

    # the database as it stood before the review
    then = rows(run, "claims", "--as-recorded-at", before_review)
    assert {c["status"] for c in then} == {"unreviewed"}
    assert {c["id"]: c["value"] for c in then}[killed_id] == 27000
    # exactly the verified ones
    assert {c["id"] for c in rows(run, "claims", "--status", "verified")} == verified
    assert {c["id"] for c in rows(run, "claims", "--status", "corrected")} == {killed_id}

    stats = json.loads(ok(run("review", "stats", "--format", "json")).stdout)
    assert stats["by_status"]["unreviewed"] == 0
    assert stats["by_reviewer"]["bob"]["verify"] == len(verified)
    assert stats["oldest_unreviewed"] is None


def _header_article(path, body: str) -> None:
    path.write_text(f"Date: 2024-02-07\nURL: https://example.org/a\nSource: Harbour Post\n\n{body}\n",
                    encoding="utf-8")


def test_an_edited_version_does_not_undo_the_review(run, tmp_path):
    body = re.sub(r"^\s*date \d{4}-\d{2}-\d{2}\s*", "", SEED.read_text(encoding="utf-8"))
    assert "over 27,000 Palestinians" in body
    article = tmp_path / "a.txt"
    _header_article(article, body)
    ok(run("ingest", str(article)))
    killed, killed_id, rejected, verified = review_everything(run)
    reviewed = snapshot(run)
    time.sleep(0.01)
    after_review = dt.datetime.now(dt.UTC).isoformat()
    time.sleep(0.01)

    # re-ingesting the same content is a no-op
    assert "1 unchanged" in ok(run("ingest", str(article))).stderr
    assert snapshot(run) == reviewed

    # the outlet edits the figure: a new version of the same article
    edited = tmp_path / "a-edited.txt"
    _header_article(edited, body.replace("over 27,000 Palestinians", "over 28,000 Palestinians"))
    r = ok(run("ingest", str(edited)))
    assert "0 new, 1 updated" in r.stderr
    after = snapshot(run)
    assert after == reviewed  # statuses and reviewed values all kept, no new claims
    k = next(c for c in rows(run, "claims") if c["id"] == killed_id)
    assert k["needs_review"] is True and k["value"] == 27585
    assert "28,000" in k["sentence"]
    hist = rows(run, "history", str(killed_id))
    assert hist[-1]["proposed"]["value"] == 28000 and hist[-1]["status"] == "corrected"
    assert [c["id"] for c in rows(run, "review", "queue")] == [killed_id]
    assert {c["id"] for c in rows(run, "claims", "--status", "verified")} == verified
    # the claims as they stood right after the review: not yet marked
    then = {c["id"]: c for c in rows(run, "claims", "--as-recorded-at", after_review)}
    assert then[killed_id]["needs_review"] is False and then[killed_id]["status"] == "corrected"

    # the editor looks again and takes the new figure
    ok(run("review", "correct", str(killed_id), "--value", "28000", "--low", "28000", "--qualifier", "more_than",
           "--note", "outlet updated the toll", "--expect-version", str(k["version"]), "--reviewer", "alice"))
    assert rows(run, "review", "queue") == []
