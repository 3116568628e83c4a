"""Ingest service: read documents, extract claims, store each document whole.

One transaction per document: a document and all its claims and history rows
are committed together or not at all, so a crash or a bad document never
leaves partial rows and never undoes documents stored before it.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DataError
from sqlmodel import Session

from . import normalize, store
from .db import run_write
from .errors import FactdbError, InputError
from .models import MACHINE_STATUSES, Claim, ClaimVersion, Document, IngestRun, utcnow
from .readers import SourceDocument, read_documents

MAX_STORED_ERRORS = 1000


@dataclass
class DocResult:
    kind: str  # new | updated | unchanged
    document_id: int
    identity: str
    version: int
    claims_added: int = 0
    claims_changed: int = 0
    claims_removed: int = 0


@dataclass
class IngestSummary:
    run_id: int | None = None
    files: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    claims_added: int = 0
    claims_changed: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, r: DocResult) -> None:
        setattr(self, r.kind, getattr(self, r.kind) + 1)
        self.claims_added += r.claims_added
        self.claims_changed += r.claims_changed

    def line(self) -> str:
        return (
            f"{self.new} new, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.failed} failed documents; {self.claims_added} claims added"
            + (f", {self.claims_changed} changed" if self.claims_changed else "")
        )


def candidate_fields(c, published: dt.date) -> dict:
    """An extractor result as claim column values."""
    return {
        "value": c.value, "low": c.low, "high": c.high, "qualifier": c.qualifier, "unit": c.unit,
        "metric": c.metric or "other", "subject": c.subject, "location": c.location,
        "period": c.period or "unknown", "speaker": c.speaker, "attribution": c.attribution or "outlet",
        "as_of": c.as_of or published, "since": c.since, "start": c.start, "end": c.end,
        "surface": c.text, "sentence": c.sentence, "sentence_index": c.sentence_index,
        "confidence": c.confidence, "extractor": c.extractor,
    }


def open_lexicon(paths: list[str] | None):
    """The default lexicon plus ``paths``; a bad file is a one-line error."""
    if not paths:
        return None
    from .extract import load_lexicon

    try:
        return load_lexicon(paths)
    except (ValueError, OSError) as exc:
        raise FactdbError(f"lexicon: {exc}") from None


class Candidates(Sequence):
    """The claims extracted from one document, read as claim column values (dicts).

    The extractor's compact objects are held and each dict is made when read, so a large
    document's claims cost a fraction of what a list of dicts would; code that needs the same
    dict objects twice (matching versions) takes ``list(candidates)``.
    """

    __slots__ = ("claims", "published")

    def __init__(self, claims: list, published: dt.date | None) -> None:
        self.claims = claims
        self.published = published

    def __len__(self) -> int:
        return len(self.claims)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [candidate_fields(c, self.published) for c in self.claims[i]]
        return candidate_fields(self.claims[i], self.published)

    def in_text_order(self) -> Candidates:
        """The same claims sorted by start (stable), as new claims are numbered."""
        return Candidates(sorted(self.claims, key=lambda c: c.start), self.published)


def extract_for(doc: SourceDocument, lexicon=None) -> Candidates:
    """Run the extractor on one document; claim column values, in text order."""
    from .extract import extract_claims

    return Candidates(extract_claims(doc.text, doc.published, lexicon=lexicon), doc.published)


def _cannot_extract(exc: Exception) -> str:
    return f"cannot extract claims ({type(exc).__name__}: {str(exc)[:200]}); document skipped"


def extract_or_reason(doc: SourceDocument, lexicon=None) -> Candidates | str:
    """The candidates of one document, or why it could not be read.

    Whatever the extractor trips on in one hostile document (a relative date
    before year 1, a figure no float can hold) becomes that document's
    one-line error, never the end of the batch.  A string, not an exception
    object, so it crosses the ``--jobs`` process boundary intact.
    """
    try:
        return extract_for(doc, lexicon)
    except Exception as exc:  # noqa: BLE001 - one document's failure, reported as such
        return _cannot_extract(exc)


# a document at least this long (characters) is extracted while it is stored, its claims written as they
# come: a figure-dense text's claims take about three times its size, and a large one's are never all held
STREAM_FROM = 1_000_000


class Streamed:
    """The claims of one large document, extracted only when they are stored (inside its transaction).

    A document whose text is unchanged is then never extracted at all.  Whatever the extractor trips
    on is that document's :class:`InputError`, which rolls its transaction back.
    """

    __slots__ = ("doc", "lexicon")

    def __init__(self, doc: SourceDocument, lexicon=None) -> None:
        self.doc = doc
        self.lexicon = lexicon

    def claims(self, changed_later: list | None = None) -> Iterator:
        """The extractor's claims as they come; ``changed_later`` receives those changed when the text
        ends (a headline's or a title's, see :func:`factdb.extract.iter_claims`)."""
        from .extract import iter_claims

        try:
            yield from iter_claims(self.doc.text, self.doc.published, lexicon=self.lexicon,
                                   headline=changed_later)
        except Exception as exc:  # noqa: BLE001 - one document's failure, reported as such
            raise InputError(self.doc.where, _cannot_extract(exc)) from None

    def collected(self) -> Candidates:
        return Candidates(list(self.claims()), self.doc.published)


# --- matching claims across versions of an article ---------------------------

_COMPARED = ("value", "low", "high", "qualifier", "unit", "metric", "subject", "location",
             "period", "speaker", "attribution", "as_of", "since")


def _similarity(a: str, b: str) -> float:
    if a == b:
        return 1.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def match_claims(old: list[Claim], new: list[dict]) -> list[tuple[Claim | None, dict | None]]:
    """Pair the claims of the previous version with the new candidates.

    Same metric is required; then the same subject, the same figure, the same
    sentence position and a similar sentence all count.  Greedy on the best
    score, so an edited figure in an otherwise similar sentence stays one
    claim, while a claim whose sentence vanished is reported removed.  A
    reviewed claim may carry an editor's metric the extractor does not read:
    it still matches the same figure in a near-identical sentence, after
    every same-metric pair.
    """
    scored = []
    for i, c in enumerate(old):
        for j, n in enumerate(new):
            same_metric = c.metric == n["metric"]
            if not same_metric and c.status == "unreviewed":
                continue
            sim = _similarity(c.sentence, n["sentence"])
            if not same_metric:
                same_figure = (c.value, c.low, c.high) == (n["value"], n["low"], n["high"])
                if not (sim >= 0.9 or (sim >= 0.6 and same_figure)):
                    continue
            score = sim - (0 if same_metric else 2.5)  # below every same-metric pair
            score += 0.5 if c.subject_key == normalize.subject_key(n["subject"], n["location"]) else 0
            score += 0.5 if (c.value, c.low, c.high) == (n["value"], n["low"], n["high"]) else 0
            score += 0.3 if c.sentence_index == n["sentence_index"] else 0
            score += 0.2 if c.surface == n["surface"] else 0
            if sim >= 0.5 or score >= 1.2:
                scored.append((score, i, j))
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_old, used_new, pairs = set(), set(), []
    for _, i, j in scored:
        if i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        pairs.append((old[i], new[j]))
    pairs += [(old[i], None) for i in range(len(old)) if i not in used_old]
    pairs += [(None, new[j]) for j in range(len(new)) if j not in used_new]
    return pairs


_MACHINE_ACTIONS = ("extract", "reextract", "carried")


def _same(a, b) -> bool:
    # readings from history come back through JSON: dates as ISO strings
    return a == b or (a is not None and b is not None and str(a) == str(b))


def _new_reading(session: Session, claim_id: int, cand: dict) -> bool:
    """True if ``cand`` differs from the extractor's last recorded reading of the claim.

    That reading is the latest machine snapshot overlaid with its ``proposed``
    values (the fields where the machine disagreed with the reviewed ones).
    """
    last = session.execute(
        select(ClaimVersion).where(ClaimVersion.claim_id == claim_id, ClaimVersion.action.in_(_MACHINE_ACTIONS))
        .order_by(ClaimVersion.version.desc()).limit(1)
    ).scalars().first()
    if last is None:
        return True
    seen = {f: getattr(last, f) for f in store.REVIEWED_FIELDS}
    if last.proposed:
        seen.update(json.loads(last.proposed))
    return any(not _same(cand[f], seen[f]) for f in store.REVIEWED_FIELDS)


def merge_candidate(session: Session, claim: Claim, cand: dict, document_id: int, actor: str,
                    *, action: str = "reextract", carried: bool = False) -> bool:
    """Bring an existing claim up to a new machine reading; True if values changed.

    Unreviewed claims take the new reading.  Reviewed claims keep the editor's
    values: only the position in the new text follows, and a disagreeing
    reading is recorded in history as ``proposed``.  ``needs_review`` is set
    when that reading is new: one the reviewer has already decided against
    (the reading before a correction, say) does not put the claim back in
    the review queue each time the article or the extractor is run again.
    ``carried``: the claim's sentence was reworded and its decision is
    carried to ``cand`` by figure role (see :func:`carry_decisions`); an
    editor must confirm it, so ``needs_review`` is always set.
    """
    differing = [f for f in _COMPARED if getattr(claim, f) != cand[f]]
    moved = [f for f in store.POSITION_FIELDS if getattr(claim, f) != cand[f]]
    reviewed = claim.status not in MACHINE_STATUSES
    proposed = None
    note = None
    flagged = False
    if reviewed:
        human = [f for f in differing if f in store.REVIEWED_FIELDS]
        if human:
            proposed = {f: cand[f] for f in human}
            note = "extractor reads differently; reviewed values kept"
            flagged = _new_reading(session, claim.id, cand) and not claim.needs_review
            claim.needs_review = claim.needs_review or flagged
        if carried:
            note = ("sentence reworded in the new version; the decision is carried to the same figure "
                    "here: check it" + ("; extractor reads differently" if human else ""))
            flagged = not claim.needs_review
            claim.needs_review = True
        for f in differing + moved:  # the position in the new text follows
            if f not in store.REVIEWED_FIELDS:
                setattr(claim, f, cand[f])
        changed = [f for f in differing if f not in store.REVIEWED_FIELDS] + moved
        if flagged:
            changed.append("needs_review")
    else:
        for f in differing + moved:
            setattr(claim, f, cand[f])
        changed = differing + moved
    if "speaker" in changed:
        claim.speaker_id = store.get_or_create_speaker(session, claim.speaker)
    # a newer extractor's reading is a change too, recorded like any other
    for f in ("confidence", "extractor"):
        if getattr(claim, f) != cand[f]:
            setattr(claim, f, cand[f])
            changed.append(f)
    if not claim.present:
        claim.present = True
        changed.append("present")
    if claim.document_id != document_id:
        claim.document_id = document_id
        changed.append("document_id")
    if not changed:
        return False
    store.apply_keys(claim)
    claim.version += 1
    kind = action if differing else "carried"
    store.record_version(session, claim, kind, actor, changed=changed, note=note, proposed=proposed)
    return bool(differing)


# new claims are written this many at a time: a large document's rows are never all built at once
INSERT_BATCH = 2000


def store_document(session: Session, doc: SourceDocument, candidates: Sequence[dict], *,
                   run_id: int | None = None, actor: str = "") -> DocResult:
    """Store one document version and its claims inside the caller's transaction."""
    source_id = store.get_or_create_source(session, doc.source)
    row, prev, created = store.add_document_version(
        session, doc.identity, doc.content_hash, title=doc.title, author=doc.author, url=doc.url,
        path=doc.path, source_id=source_id, published_at=doc.published, text=doc.text, ingest_run_id=run_id)
    if not created:
        return DocResult("unchanged", row.id, doc.identity, row.version)
    result = DocResult("updated" if prev else "new", row.id, doc.identity, row.version)
    old: list[Claim] = []
    if prev:
        old = list(session.execute(
            select(Claim).where(Claim.document_id == prev.id, Claim.present.is_(True)).order_by(Claim.id)
        ).scalars())
    if isinstance(candidates, Streamed):
        if not old:
            result.claims_added = _insert_streamed(session, row, candidates, actor or _extractor_name())
            return result
        candidates = candidates.collected()  # matched against the version before: all at once
    actor = actor or (candidates[0]["extractor"] if candidates else "ingest")
    if not old:  # nothing to match: every candidate is a new claim, numbered in text order
        fresh = candidates.in_text_order() if isinstance(candidates, Candidates) else \
            sorted(candidates, key=lambda c: c["start"])
        for i in range(0, len(fresh), INSERT_BATCH):
            result.claims_added += store.insert_new_claims(session, row, fresh[i:i + INSERT_BATCH], actor, i)
        return result
    sync_claims(session, row, old, candidates, actor, result)
    return result


def _extractor_name() -> str:
    from .extract import EXTRACTOR

    return EXTRACTOR


def _insert_streamed(session: Session, row: Document, streamed: Streamed, actor: str) -> int:
    """Store a new document's claims as the extractor yields them, numbered (and given ids) in text order.

    Claims come sentence by sentence in text order (within a sentence, in any order).  Those of a
    headline or title are changed when the text ends: they are written as first read and restated then.
    """
    published = streamed.doc.published
    later: list = []
    first_read: list[tuple[int, object, dict]] = []  # (ordinal, claim, its values as written)
    batch: list[dict] = []
    ordinals: list[int] = []
    sentence: list = []
    added = 0

    def number(claims: list) -> None:
        for c, changed_later in sorted(claims, key=lambda cl: cl[0].start):
            batch.append(candidate_fields(c, published))
            ordinals.append(len(ordinals) + added + 1)
            if changed_later:
                first_read.append((ordinals[-1], c, batch[-1]))

    def write() -> int:
        done = store.insert_new_claims(session, row, batch, actor, ordinals=ordinals)
        batch.clear()
        ordinals.clear()
        return done

    for c in streamed.claims(later):
        if sentence and c.sentence_index != sentence[0][0].sentence_index:
            number(sentence)
            sentence = []
            if len(batch) >= INSERT_BATCH:
                added += write()
        # (a claim changed later joins that list just before it is yielded: it is the list's last)
        sentence.append((c, bool(later) and later[-1] is c))
    number(sentence)
    added += write()
    changed = [(n, now) for n, c, then in first_read if (now := candidate_fields(c, published)) != then]
    if changed:
        store.restate_new_claims(session, row, changed)
    return added


def sync_claims(session: Session, row: Document, old: list[Claim], candidates: Sequence[dict], actor: str,
                result: DocResult, first_ordinal: int = 0) -> None:
    """Make the claims of document ``row`` follow ``candidates``.

    ``old`` are the claims the text carried before (the previous version's, or
    this version's own when re-extracting): matched ones are updated through
    :func:`merge_candidate`, unmatched ones marked removed, and the remaining
    candidates become new claims born in ``row``.
    """
    fresh: list[dict] = []
    candidates = list(candidates)  # (the same dict objects throughout: pairs are told apart by identity)
    pairs = match_claims(old, candidates)
    carried = carry_decisions(pairs)
    taken = {id(c) for c in carried.values()}
    for claim, cand in pairs:
        if claim is None:
            if id(cand) not in taken:
                fresh.append(cand)
        elif cand is None and claim.id in carried:
            claim.source_id = row.source_id
            merge_candidate(session, claim, carried[claim.id], row.id, actor, carried=True)
            result.claims_changed += 1
        elif cand is None:
            note = f"no longer found in version {row.version} of the article"
            if claim.status != "unreviewed":  # an editor's decision never vanishes unseen
                claim.needs_review = True
                note += "; it was reviewed: check the new version"
            store.mark_removed(session, claim, row, actor, note)
            result.claims_removed += 1
        else:
            claim.source_id = row.source_id
            if merge_candidate(session, claim, cand, row.id, actor):
                result.claims_changed += 1
    fresh.sort(key=lambda c: c["start"])
    session.flush()  # matched and removed claims first: their rows are ORM-managed
    result.claims_added = store.insert_new_claims(session, row, fresh, actor, first_ordinal)


def carry_decisions(pairs: list[tuple[Claim | None, dict | None]]) -> dict[int, dict]:
    """Reviewed claims left unmatched (their sentence reworded), each paired
    with an unmatched new candidate playing the same figure role.

    The role is the metric, then (preferred) the same subject and the same
    figure, the nearest sentence position breaking ties; each candidate
    takes at most one decision.  Returns claim id -> candidate.
    """
    orphans = [c for c, n in pairs if n is None and c is not None and c.status != "unreviewed"]
    spare = [n for c, n in pairs if c is None]
    if not orphans or not spare:
        return {}
    scored = []
    for i, c in enumerate(orphans):
        for j, n in enumerate(spare):
            if n["metric"] != c.metric:
                continue
            same_subject = c.subject_key == normalize.subject_key(n["subject"], n["location"])
            same_figure = (c.value, c.low, c.high) == (n["value"], n["low"], n["high"])
            scored.append((-(same_subject + same_figure), abs(c.sentence_index - n["sentence_index"]), i, j))
    scored.sort()
    out: dict[int, dict] = {}
    used: set[int] = set()
    for *_, i, j in scored:
        if orphans[i].id in out or j in used:
            continue
        out[orphans[i].id] = spare[j]
        used.add(j)
    return out


def reextract_document(session: Session, document_id: int, lexicon=None) -> DocResult:
    """Run the current extractor again on a stored (latest) document version.

    Reviewed claims keep their reviewed values (see :func:`merge_candidate`).
    """
    row = session.get(Document, document_id)
    text_doc = SourceDocument(identity=row.identity, text=row.text, published=row.published_at, where=row.identity)
    candidates = extract_for(text_doc, lexicon)
    old = list(session.execute(
        select(Claim).where(Claim.document_id == row.id, Claim.present.is_(True)).order_by(Claim.id)
    ).scalars())
    top = session.execute(select(func.max(Claim.ordinal)).where(Claim.origin_document_id == row.id)).scalar() or 0
    actor = candidates[0]["extractor"] if candidates else "reextract"
    result = DocResult("updated", row.id, row.identity, row.version)
    sync_claims(session, row, old, candidates, actor, result, first_ordinal=top)
    return result


def reextract(engine: Engine, document: str | None = None, lexicon_paths=None,
              on_document: Callable[[DocResult], None] = lambda r: None) -> IngestSummary:
    """Re-extract the latest version of every article (or of one)."""
    from .queries import document_ids

    lexicon = open_lexicon(lexicon_paths)
    with Session(engine) as s:
        latest = (select(Document.identity, func.max(Document.version).label("v"))
                  .group_by(Document.identity).subquery())
        q = select(Document.id).join(latest, (latest.c.identity == Document.identity) & (latest.c.v == Document.version))
        if document:
            q = q.where(Document.id.in_(document_ids(s, document)))
        ids = list(s.execute(q.order_by(Document.id)).scalars())
    summary = IngestSummary()
    for doc_id in ids:
        r = run_write(engine, lambda sess, d=doc_id: reextract_document(sess, d, lexicon))
        summary.claims_added += r.claims_added
        summary.claims_changed += r.claims_changed
        summary.updated += 1 if (r.claims_added or r.claims_changed or r.claims_removed) else 0
        summary.unchanged += 0 if (r.claims_added or r.claims_changed or r.claims_removed) else 1
        on_document(r)
    return summary


# --- runs --------------------------------------------------------------------


def _start_run(engine: Engine, paths: list[str]) -> int:
    def work(session: Session) -> int:
        run = IngestRun(paths=json.dumps(paths), started_at=utcnow())
        session.add(run)
        session.flush()
        return run.id

    return run_write(engine, work)


def _finish_run(engine: Engine, summary: IngestSummary) -> None:
    def work(session: Session) -> None:
        run = session.get(IngestRun, summary.run_id)
        run.finished_at = utcnow()
        run.files = summary.files
        run.documents_new = summary.new
        run.documents_updated = summary.updated
        run.documents_unchanged = summary.unchanged
        run.documents_failed = summary.failed
        run.claims_added = summary.claims_added
        run.errors = json.dumps(summary.errors[:MAX_STORED_ERRORS])
        run.status = "failed" if summary.failed else "ok"

    run_write(engine, work)


def _extracted(docs: Iterable[SourceDocument | InputError], lexicon_paths, jobs: int
               ) -> Iterator[tuple[SourceDocument | InputError, Candidates | Streamed | None]]:
    """Pair each document with its candidates; extraction may run in N processes, and a large
    document's is left to storing (:class:`Streamed`)."""
    def paired(d, found):
        return (InputError(d.where, found), None) if isinstance(found, str) else (d, found)

    def _done(d, pending):
        return (d, pending) if pending is None or isinstance(pending, Streamed) else paired(d, pending.result())

    lexicon = open_lexicon(lexicon_paths)
    if jobs <= 1:
        for d in docs:
            if isinstance(d, InputError):
                yield d, None
            elif len(d.text) >= STREAM_FROM:
                yield d, Streamed(d, lexicon)
            else:
                yield paired(d, extract_or_reason(d, lexicon))
        return
    from concurrent.futures import ProcessPoolExecutor

    from . import _workers

    with ProcessPoolExecutor(jobs, initializer=_workers.init, initargs=(lexicon_paths,)) as pool:
        pending = []
        for d in docs:
            if isinstance(d, InputError):
                pending.append((d, None))
            elif len(d.text) >= STREAM_FROM:  # (its claims would cross the process boundary all at once)
                pending.append((d, Streamed(d, lexicon)))
            else:
                pending.append((d, pool.submit(_workers.extract, d)))
            if len(pending) >= jobs * 8:  # bounded look-ahead keeps memory flat
                yield _done(*pending.pop(0))
        for d0, fut in pending:
            yield _done(d0, fut)


def ingest(
    engine: Engine,
    paths: list[str],
    *,
    fmt: str = "auto",
    source: str | None = None,
    published: dt.date | None = None,
    encoding: str | None = None,
    lexicon_paths: list[str] | None = None,
    jobs: int = 1,
    max_bytes: int | None = None,
    stdin=None,
    on_error: Callable[[str], None] = lambda msg: None,
    on_document: Callable[[str], None] = lambda where: None,
    documents: Iterable[SourceDocument | InputError] | None = None,
) -> IngestSummary:
    """Ingest every document under ``paths``; bad documents are reported and skipped.

    ``documents`` replaces the file readers (web pages and feeds, see factdb.web_read).
    """
    open_lexicon(lexicon_paths)  # a bad lexicon fails before anything is recorded
    summary = IngestSummary(run_id=_start_run(engine, paths))
    files = set()
    docs = documents if documents is not None else read_documents(
        paths, fmt=fmt, source=source, published=published, encoding=encoding, stdin=stdin, max_bytes=max_bytes)
    for item, candidates in _extracted(docs, lexicon_paths, jobs):
        if isinstance(item, InputError):
            summary.failed += 1
            summary.errors.append(str(item))
            on_error(str(item))
            on_document(item.where)
            continue
        files.add(item.path or item.where)
        try:
            result = run_write(engine, lambda s, d=item, c=candidates: store_document(
                s, d, c, run_id=summary.run_id))
        except (InputError, ArithmeticError, ValueError, DataError) as exc:
            # a value this document carries that the database cannot hold: its own error
            msg = str(exc) if isinstance(exc, InputError) else \
                f"{item.where}: cannot store ({type(exc).__name__}: {str(exc).splitlines()[0][:200]}); document skipped"
            summary.failed += 1
            summary.errors.append(msg)
            on_error(msg)
            on_document(item.where)
            continue
        summary.add(result)
        on_document(item.where)
    summary.files = len(files)
    _finish_run(engine, summary)
    return summary
