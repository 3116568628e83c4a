"""The claim card: one claim in full, as text for a terminal.

``factdb show`` and ``factdb review next`` print the same card, so an editor
reviewing a claim sees exactly what a later ``show`` of it prints: the figure
and its fields, the flag the series checks gave it, where it comes from, the
sentence, what the extractor now reads if it disagrees, and every version.
"""

from __future__ import annotations

from .output import _highlight, cell, describe_number, visible


def machine_now_reads(data: dict) -> dict | None:
    """The latest extractor reading that disagreed with reviewed values, while the claim needs review."""
    if not data.get("needs_review"):
        return None
    return next((h["proposed"] for h in reversed(data.get("history") or []) if h.get("proposed")), None)


def claim_card(data: dict, *, color: bool = False) -> str:
    """The card of ``data`` (as ``queries.show_claim`` returns it).

    Stored text is shown with control characters escaped; with ``color`` the
    figure is highlighted in its sentence, the only colour the card carries.
    """
    doc = data["document"]
    lines = [
        f"claim {data['id']} (version {data['version']}, {data['status']}"
        + (", NEEDS REVIEW" if data["needs_review"] else "") + ("" if data["present"] else ", removed from article") + ")",
    ]
    if data.get("flag"):
        lines.append(f"  FLAGGED {data['flag']}: {data.get('flag_note') or ''}".rstrip())
    lines += [
        f"  figure:      {describe_number(data)}  [{data['qualifier']}, {data['unit'] or 'count'}]",
        f"  metric:      {data['metric']}   subject: {data['subject'] or '-'}   location: {data['location'] or '-'}",
        f"  period:      {data['period']}   as of: {cell(data['as_of'])}"
        + (f"   since: {cell(data['since'])}" if data["since"] else ""),
        f"  attribution: {data['speaker'] or '(the outlet itself)'} [{data['attribution']}]",
        f"  source:      {data['source'] or '-'}",
        f"  document:    {doc['id']} {doc['identity']} v{doc['version']}, published {cell(doc['published_at'])}"
        + (f" — {doc['title']}" if doc["title"] else ""),
    ]
    lines = [visible(line) for line in lines]
    # escaped first, then highlighted: only our own colour codes reach the terminal
    lines.append("  sentence:    " + _highlight(visible(data["sentence"]), data.get("surface"), color))
    tail = [f"  surface:     {data['surface']!r} at {data['start']}–{data['end']}   extractor: {data['extractor']}"]
    proposed = machine_now_reads(data)
    if proposed:
        tail.append("  machine now reads: " + ", ".join(f"{k}={cell(v)}" for k, v in proposed.items()))
    tail.append("  history:")
    for h in data["history"]:
        tail.append(
            f"    v{h['version']} {cell(h['recorded_at'])} {h['action']:<9} by {h['actor'] or '-'}: "
            f"{describe_number(h)} [{h['status']}]"
            + (f" changed {', '.join(h['changed'])}" if h["changed"] and h["action"] != "extract" else "")
            + (f" — {h['note']}" if h["note"] else "")
            + (f" (machine now reads {h['proposed']})" if h["proposed"] else "")
        )
    return "\n".join(lines + [visible(line) for line in tail])
