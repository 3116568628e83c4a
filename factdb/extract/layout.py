"""Document layout: the parts of a news page that are not running prose.

Wire copy and web pages put things before and around the story that must not be read as its
sentences: a headline line (a title without final punctuation), a dateline ("GAZA CITY, Oct. 23
(Xinhua) --", "KHAN YOUNIS, Gaza Strip (AP) —", "Gaza, MINA –"), bylines ("By Jane Doe"), photo
credits ("PHOTO: REUTERS", "(Photo by X/AFP)") and live-blog time stamps ("10:42 GMT", "Updated 2
hours ago"). Read as prose they become subjects ("people DEIR AL") and speakers ("Israel-Gaza Wa").

:func:`read_layout` finds them; :meth:`Layout.mask` blanks the dateline, byline, credit and stamp
spans with spaces, so every offset stays the offset in the original text, and the rest of the
extractor never sees them. The headline is kept (its figures are claims) and reported by its end
offset, so that its figures can take the meaning of the body figures they restate; the dateline's
date is the day of the lede's report.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from .attribution import SPEAKER_WORDS
from .dates import MONTH_DAY_RE_PART, MONTHS
from .days import parse_day
from .numbers import has_digit
from .sentences import FIGURE_LINE_RE, split_paragraphs

__all__ = ["Layout", "document_issuer", "read_layout"]


# A dateline opens the first paragraphs of a report: a place in capitals (or a capitalised place
# followed by an agency in capitals), optional region, optional date, optional agency in brackets,
# then a dash (or a colon after capitals). Place words are capitalised words of 1-25 letters.
_PLACE = r"[A-Z][A-Za-z'’.\-]{0,24}(?:[ \-][A-Z][A-Za-z'’.\-]{0,24}){0,3}"
_DATE = r"(?P<mon>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2})(?:,\s+(?P<year>\d{4}))?"
_DATE_AHEAD = r"[A-Z][a-z]{2,8}\.?\s+\d"
_DATELINE_RE = re.compile(
    rf"(?P<place>{_PLACE})(?:,\s+(?!{_DATE_AHEAD}){_PLACE}){{0,2}}(?:,?\s+{_DATE})?"
    r"(?:\s+\((?P<agency>[^()\n]{1,40})\))?"
    r"\s*(?P<sep>--|—|–|-|:)\s+(?=[\"“‘'A-Z0-9])")
# ... or its date first, the place in capitals in brackets: "June 6, 2019 (KHARTOUM) – More than 40 bodies ..."
_DATE_FIRST_DATELINE_RE = re.compile(rf"{_DATE}\s*\((?P<place>[A-Z][A-Z'’.\- ]{{1,30}})\)\s*(?P<sep>--|—|–|-)\s+(?=[\"“‘'A-Z0-9])")
# ... or only its date: "August 10, 2018 - Dozens of children ..." (a month's name, a day and a year)
_DATE_ONLY_DATELINE_RE = re.compile(rf"(?P<place>)(?P<agency>){_DATE}\s*(?P<sep>--|—|–|-)\s+(?=[\"“‘'A-Z])")
_CAPS_WORD_RE = re.compile(r"[A-Z][A-Z'’.\-]+\b")
_BYLINE_RE = re.compile(r"By\s+[A-Z][\w'’.\-]*(?:\s+(?:[A-Z][\w'’.\-]*|and|&|,|de|van|von|al|bin))*\s*$")
_CREDIT_LINE_RE = re.compile(
    r"(?:(?:FILE\s+)?PHOTO|Photo|PICTURE|Picture|IMAGE|Image|Caption|Credit|Video|VIDEO)\s*(?:credit)?\s*:\s*[^\n]{0,80}$")
_CREDIT_INLINE_RE = re.compile(
    r"\((?:(?:FILE\s+)?(?:Photo|PHOTO|Image|IMAGE|Picture)\b[^()\n]{0,80}|[^()\n]{0,60}/(?:[A-Z][\w ]{1,25})"
    r"(?:\s+via\s+[^()\n]{1,30})?)\)")
# a live-blog or update stamp: a clock time with its zone, perhaps a date ("10:40 GMT 20 January",
# "Updated 9:12 p.m. ET, January 19, 2025", "2023-12-26 | 07:36", "12/31/2024 5:09:38 AM")
_CLOCK = r"\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}|local\s+time)?|\d{1,2}\s*[ap]\.?m\.?\s*(?:[A-Z]{2,4})?"
def _stamp_date_rx(k: str) -> str:
    return (rf"(?P<sd{k}>\d{{1,2}})\s+(?P<sm{k}>[A-Z][a-z]{{2,8}})\.?(?:,?\s+(?P<sy{k}>\d{{4}}))?"
            rf"|(?P<tm{k}>[A-Z][a-z]{{2,8}})\.?\s+(?P<td{k}>\d{{1,2}})(?:,?\s+(?P<ty{k}>\d{{4}}))?"
            rf"|(?P<iy{k}>\d{{4}})-(?P<im{k}>\d{{2}})-(?P<id{k}>\d{{2}})|(?P<um{k}>\d{{1,2}})/(?P<ud{k}>\d{{1,2}})/(?P<uy{k}>\d{{4}})")


_STAMP_RE = re.compile(
    r"(?:(?:Updated|Published|Posted|Last\s+updated)\b[^\n]{0,60}"
    rf"|(?:{_stamp_date_rx('a')})\s*[,|]?\s*(?:{_CLOCK})"
    rf"|(?:{_CLOCK})(?:\s*[,|]?\s*(?:{_stamp_date_rx('b')}))?)$", re.I)
# (the quote mark first, its look-behind after it, so that re skips ahead to quote marks)
_SCARE_QUOTE_RE = re.compile(r"[\"“](?<![\w,.][\"“])(?=[A-Za-z])[\w'’-]+(?:[ -][\w'’-]+)?[\"”](?![\w])")
_GALLERY_COUNTER_RE = re.compile(r"(?m)^[ \t]*\d{1,3}\s+of\s+\d{1,3}\s*\|")
_BULLETS = "-•*▪◦–"
_BULLET_RE = re.compile(r"(?:^|(?<=\n))[ \t]*([-•*▪◦–]\s+)(?=\S)")
# a line that starts with a bullet, a space or a tab (one search, not one scan of the text per hint)
_BULLET_HINT_RE = re.compile("\n[" + re.escape(_BULLETS) + " \t]")
_END_PUNCT = ".!?\"”’'):;"


@dataclass
class Layout:
    """Where the non-prose parts of a document are."""

    headline_end: int = 0  # the headline lines are text[:headline_end]; 0 when there is none
    dateline: tuple[int, int] | None = None
    dateline_date: dt.date | None = None
    dateline_paragraph: int = -1
    blanks: list[tuple[int, int]] = field(default_factory=list)  # spans to blank (dateline included)
    # line breaks of hard-wrapped paragraphs (a feed that breaks lines at 70 characters): read as spaces
    joins: list[int] = field(default_factory=list)
    # (start, end) of the titles inside the body: a live page's entry titles, cross-heads
    titles: list[tuple[int, int]] = field(default_factory=list)
    # (offset, day) of each dated stamp: a live blog's entries are of their stamp's day
    stamps: list[tuple[int, dt.date]] = field(default_factory=list)
    stamp_lines: int = 0  # the stamp lines, dated or a clock time alone: more than one make a live page

    def day_at(self, pos: int) -> dt.date | None:
        """The day of the dated stamp ``pos`` stands under, if any."""
        k = bisect.bisect_right(self.stamps, (pos, dt.date.max)) - 1
        return self.stamps[k][1] if k >= 0 else None

    def mask(self, text: str) -> str:
        """``text`` with the blanked spans replaced by spaces and the soft line breaks of hard-wrapped
        paragraphs by spaces too (offsets unchanged)."""
        if self.joins:
            chars = list(text)
            for i in self.joins:
                chars[i] = " "
            text = "".join(chars)
        if not self.blanks:
            return text
        parts, pos = [], 0
        for a, b in sorted(self.blanks):
            if a < pos:
                a = pos
            if b <= a:
                continue
            parts.append(text[pos:a])
            # line breaks are kept, so paragraphs and lines stay where they were
            parts.append("".join(c if c == "\n" else " " for c in text[a:b]))
            pos = b
        parts.append(text[pos:])
        return "".join(parts)


def _date_of(m: re.Match, published: dt.date | None) -> dt.date | None:
    mon = MONTHS.get((m.group("mon") or "").lower().rstrip("."))
    if not mon or not m.group("day"):
        return None
    day = int(m.group("day"))
    year = int(m.group("year")) if m.group("year") else (published.year if published else None)
    if year is None:
        return None
    try:
        d = dt.date(year, mon, day)
    except ValueError:
        return None
    if published and not m.group("year") and d > published + dt.timedelta(days=2):
        try:  # "Dec. 31" in a report published on Jan. 1
            d = dt.date(year - 1, mon, day)
        except ValueError:
            return None
    return d


def _stamp_date(m: re.Match, published: dt.date | None) -> dt.date | None:
    """The day a stamp names, if any (never after the publication date)."""
    g = {k[:-1]: v for k, v in m.groupdict().items() if v is not None}
    if not g:
        g = {}
    try:
        if "iy" in g:
            d = dt.date(int(g["iy"]), int(g["im"]), int(g["id"]))
        elif "uy" in g:
            d = dt.date(int(g["uy"]), int(g["um"]), int(g["ud"]))
        else:
            mon = MONTHS.get((g.get("sm") or g.get("tm") or "").lower())
            day = g.get("sd") or g.get("td")
            year = g.get("sy") or g.get("ty") or (published.year if published else None)
            if not mon or not day or not year:
                return None
            d = dt.date(int(year), mon, int(day))
    except ValueError:
        return None
    return d if published is None or d <= published else None


_SPEAKER_HEADS = frozenset(SPEAKER_WORDS["speaker_heads"])


def _is_dateline(m: re.Match) -> bool:
    """A dash-separated prefix is a dateline when its place is in capitals or an agency names it;
    a colon only after capitals ("BEIRUT: ...")."""
    place = m.group("place")
    caps = _CAPS_WORD_RE.match(place) is not None and place.upper() == place
    if m.group("sep") == ":":
        # ("DEATHS: 42." is a factbox label, not a dateline; "PALESTINIAN MEDIA: ..." a live entry's source);
        # a capitalised place with a date before the colon is one too: "Jerusalem, Aug. 3: The army ..."
        dated = MONTHS.get((m.group("mon") or "").lower().rstrip(".")) is not None
        return (caps or dated) and not m.string[m.end():m.end() + 1].isdigit()
    if caps or m.group("agency"):
        return True
    # "Gaza, MINA –": a capitalised place and an agency written in capitals; "Kyiv, Ukraine —": a
    # place and its country or region; "Kyiv, March 3 —": a place and a date
    tail = m.group(0)[len(place):]
    return _CAPS_WORD_RE.search(tail) is not None or tail.lstrip().startswith(",") or m.group("mon") is not None


# a line that is only a date, its weekday and time perhaps: "09 June 2024", "Thursday, October 3, 2024"
_DATE_LINE_RE = re.compile(r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:" + MONTH_DAY_RE_PART + r")"
                           r"(?:\s*[,|-]?\s*(?:" + _CLOCK + r"))?", re.I)
# a page's short label beside it ("Powered By Pixels"): a few words, no figure, no sentence
_SHORT_LABEL_RE = re.compile(r"[A-Za-z][A-Za-z'’&-]*(?:\s+[A-Za-z][A-Za-z'’&-]*){0,3}")


_LABEL_MAX_WORDS = 2  # a page's label above its title: "Ads", "World", "BREAKING NEWS"
# ... or a masthead, a name of capitalised words above a title with a figure: "The Daily Manila Shimbun" above
# "174 confirmed dead in western Japan downpours, 86 still missing"
# (a name with its article: a title of capitalised words, "Ceasefire Talks Resume In Cairo", has none)
_MASTHEAD_RE = re.compile(r"The\s+[A-Z][\w'’.&-]*(?:\s+(?:(?:of|for|and|the|on|&)\s+)*[A-Z][\w'’.&-]*){1,5}")


def _title_after_label(para: str) -> bool:
    """Whether the paragraph under a short first line is a title the line labels ("Ads" above "Strike on shelter
    leaves 40 dead"), not a live page's stamp under its short title ("Ceasefire live" above "10:40 GMT 20 January")."""
    lines = para.split("\n")
    first = lines[0].strip()
    return _headline_lines(lines) and len(para.split()) > _LABEL_MAX_WORDS + 2 \
        and not _DATE_LINE_RE.fullmatch(first) and not (_may_be_stamp(first) and _STAMP_RE.fullmatch(first))


def _headline_lines(lines: list[str]) -> bool:
    """Lines a title is made of: at most three, short, none ending as a sentence does (an initialism's dot ends
    none: "At least 44 killed as air strike hits detention centre: U.N.")."""
    return len(lines) <= 3 and all(ln.strip() and len(ln) <= 250 and (ln.rstrip()[-1] not in _END_PUNCT
                                                                      or _INITIALISM_END_RE.search(ln.rstrip()))
                                   for ln in lines)


_INITIALISM_END_RE = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,}$")


def _line_spans(text: str, lo: int, hi: int) -> list[tuple[int, str]]:
    out, pos = [], lo
    for ln in text[lo:hi].split("\n"):
        out.append((pos, ln))
        pos += len(ln) + 1
    return out


def read_layout(text: str, published: dt.date | None = None,
                paragraphs: list[tuple[int, int]] | None = None) -> Layout:
    """The layout of ``text``: headline lines at the top, the dateline of the first body
    paragraphs, bylines, credits and time stamps."""
    out = Layout()
    paras = split_paragraphs(text) if paragraphs is None else paragraphs
    if not paras:
        return out
    body_from = 0
    # headline: the first paragraph's lines while they are short and end without sentence
    # punctuation (a kicker above the title is such a line too), when a body follows
    first_s, first_e = paras[0]
    lines = text[first_s:first_e].split("\n")
    wrap_from = first_s
    if len(paras) > 2 and len(lines) <= 3 and any(_DATE_LINE_RE.fullmatch(ln.strip()) for ln in lines) \
            and all(_DATE_LINE_RE.fullmatch(ln.strip()) or _SHORT_LABEL_RE.fullmatch(ln.strip()) for ln in lines) \
            and _headline_lines(text[paras[1][0]:paras[1][1]].split("\n")):
        # a date line (and a page's label) above the title: "Powered By X\n09 June 2024\n\nNearly 300 killed ..."
        # or "Thursday, October 3, 2024\n\n78 drown as boat capsizes ...": the title is the next paragraph
        for ln_start, ln in _line_spans(text, first_s, first_e):
            if _DATE_LINE_RE.fullmatch(ln.strip()):
                out.blanks.append((ln_start, ln_start + len(ln)))
        first_s, first_e = paras[1]
        lines = text[first_s:first_e].split("\n")
        wrap_from = first_s
        body_from = 1
    elif len(paras) > 2 and len(lines) == 1 and lines[0].strip() and not has_digit(lines[0]) \
            and (len(lines[0].split()) <= _LABEL_MAX_WORDS
                 or _MASTHEAD_RE.fullmatch(lines[0].strip()) and has_digit(text[paras[1][0]:paras[1][1]])) \
            and _title_after_label(text[paras[1][0]:paras[1][1]]):
        # a page's label above the title ("Ads", "World", "BREAKING NEWS", "Home>News>World"): a section, an ad
        # slot or a breadcrumb, not the title, which is the next paragraph
        first_s, first_e = paras[1]
        lines = text[first_s:first_e].split("\n")
        wrap_from = first_s
        body_from = 1
    if len(paras) > body_from + 1 and _headline_lines(lines):
        out.headline_end = first_e
        body_from += 1
    elif len(lines) > 2 and lines[0].strip() and len(lines[0]) <= 250 and lines[0].rstrip()[-1] not in _END_PUNCT \
            and len(lines[1]) <= 80 and _may_be_stamp(lines[1]) and _STAMP_RE.fullmatch(lines[1].strip()):
        # title, stamp and body in one block (wire copy without blank lines): the title is the first line
        out.headline_end = first_s + len(lines[0])
        stamp_start = out.headline_end + 1
        stamp_end = stamp_start + len(lines[1])
        d = _stamp_date(_STAMP_RE.fullmatch(lines[1].strip()), published)
        if d is not None:
            out.stamps.append((stamp_start, d))
        out.blanks.append((stamp_start, stamp_end))
        wrap_from = stamp_end + 1
    for k in range(body_from, len(paras)):
        ps, pe = max(paras[k][0], wrap_from), paras[k][1]
        nl = text.find("\n", ps, pe)
        if 0 < nl - ps <= 30 and FIGURE_LINE_RE.fullmatch(text, ps, nl):
            # a factbox: a figure alone on its line, its label on the next ("8,525\nPalestinians killed in Gaza")
            out.joins.append(nl)
        _soft_wraps(text, ps, pe, out.joins)
    entry_labels = False
    for k in range(body_from, len(paras)):
        ps, pe = paras[k]
        line_end = text.find("\n", ps, pe)
        line_end = pe if line_end < 0 else line_end
        line = text[ps:line_end]
        stamp = _STAMP_RE.fullmatch(line.strip()) if len(line) <= 80 and _may_be_stamp(line) else None
        if not stamp and line_end == pe and k + 1 < len(paras) and line.rstrip()[-1:] not in _END_PUNCT \
                and 3 <= len(line.split()) <= 16 and has_digit(line):
            out.titles.append((ps, pe))  # a one-line paragraph without final punctuation, over a body
        if stamp:
            out.stamp_lines += 1
            d = _stamp_date(stamp, published)
            if d is not None:
                out.stamps.append((ps, d))
        elif line_end == pe and len(line) <= 40 and _DATE_LINE_RE.fullmatch(line.strip()):
            # a day's heading on a page updated over several days ("April 18, 2016" above that day's entries):
            # what follows is of that day
            got = parse_day(line, published)
            if got is not None and (published is None or got[0] <= published):
                out.stamp_lines += 1
                out.stamps.append((ps, got[0]))
                out.blanks.append((ps, line_end))
                continue
        if stamp or (line.startswith("By") and _BYLINE_RE.fullmatch(line)) or (
                ":" in line[:30] and _CREDIT_LINE_RE.fullmatch(line)):
            out.blanks.append((ps, line_end))
            continue
        # a dateline opens one of the first two prose paragraphs (or a live-blog entry after a stamp)
        if out.dateline is None and k <= body_from + 3 and not entry_labels:
            m = _DATELINE_RE.match(text, ps, line_end) if _may_open_dateline(text, ps, line_end) else None
            if m is None and "(" in text[ps:ps + 40]:
                m = _DATE_FIRST_DATELINE_RE.match(text, ps, line_end)  # "June 6, 2019 (KHARTOUM) – ..."
            if m is None and text[ps:ps + 1].isupper():
                m = _DATE_ONLY_DATELINE_RE.match(text, ps, line_end)
                if m is not None and (not m.group("year") or MONTHS.get(m.group("mon").lower().rstrip(".")) is None):
                    m = None
            if m and m.group("sep") == ":" and m.group("place").split()[-1].lower() in _SPEAKER_HEADS:
                entry_labels = True  # entries headed by their sources ("PALESTINIAN MEDIA: ..."): none is a dateline
            elif m and m.end() - ps <= 90 and _is_dateline(m):
                out.dateline = (ps, m.end())
                out.dateline_date = _date_of(m, published)
                out.dateline_paragraph = k
                out.blanks.append((ps, m.end()))
    body = paras[body_from][0] if body_from < len(paras) else len(text)
    if '"' in text or "“" in text:
        # scare quotes around a word or two ('"catastrophic" hunger') are no quotation: the phrase reads on
        for m in _SCARE_QUOTE_RE.finditer(text, body):
            out.blanks.extend(((m.start(), m.start() + 1), (m.end() - 1, m.end())))
    if " of " in text and "|" in text:
        # a photo gallery's counter before its caption: "1 of 3 | Rescuers look for survivors ..."
        for m in _GALLERY_COUNTER_RE.finditer(text, body):
            out.blanks.append(m.span())
    if "(" in text:
        for m in _CREDIT_INLINE_RE.finditer(text, body):
            out.blanks.append(m.span())
    # list markers at line starts ("- On Saturday, Egypt said ...") are layout, not words
    if _BULLET_HINT_RE.search(text) or text[body:body + 1] in _BULLETS:
        for m in _BULLET_RE.finditer(text, body):
            out.blanks.append((m.start(1), m.end(1)))
    return out


def _may_open_dateline(text: str, ps: int, end: int) -> bool:
    """A cheap first test for a _DATELINE_RE match of at most 90 characters at ``ps``: it starts with a
    capital and its separator ("-", "--", a dash or ":") stands within those characters."""
    if not "A" <= text[ps:ps + 1] <= "Z":
        return False
    head = text[ps:min(end, ps + 90)]
    return "-" in head or ":" in head or "—" in head or "–" in head


def _may_be_stamp(line: str) -> bool:
    """A cheap first test for _STAMP_RE: a stamp starts with a digit, a month or an update word."""
    c = line.lstrip()[:1]
    return c.isdigit() or c in "UPLJFMASOND"


# an organisation's own document (a situation report, a flash update, a press release) speaks for it
# throughout: its unattributed figures are the issuer's, where a news story's are the outlet's own
_REPORT_KIND = (r"(?:Situation\s+Report|Sit\s*Rep|Flash\s+Update|Press\s+Release|News\s+Release|Humanitarian\s+"
                r"(?:Update|Bulletin)|Fact\s+Sheet|Epidemiological\s+(?:Update|Bulletin))")
_REPORT_KIND_RE = re.compile(r"\b" + _REPORT_KIND + r"\b", re.I)
_SOURCE_LINE_RE = re.compile(r"^Source:\s*(?P<org>[A-Z][^\n]{1,100}?)\s*$", re.M)
_ISSUER_TITLE_RE = re.compile(r"(?P<org>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,5})\s+" + _REPORT_KIND + r"\b")
_FROM_LINE_RE = re.compile(r"^(?:Report|(?:News\s+and\s+)?Press\s+Release|Situation\s+Report|Update|Statement)\s+from\s+"
                           r"(?:the\s+)?(?P<org>[A-Z][^\n]{1,100}?)\s*$", re.M)
_HEAD_CHARS = 600  # how far into a document its title and metadata lines are looked for
# a body's document reproduced below the line that introduces it: "The Ministry of Health has published
# yesterday's update: ..." (a repost of a bulletin speaks for its issuer throughout, like the issuer's own page)
_REPOSTED_DOCUMENT_RE = re.compile(
    r"(?:^|\n)(?P<org>(?:The\s+)?[A-Z][\w'’.-]*(?:\s+(?:of\s+(?:the\s+)?|for\s+|and\s+)?[A-Z][\w'’.-]*){0,7})\s+"
    r"(?:has\s+|have\s+)?(?:\w+ly\s+)?(?:published|released|issued|posted)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:update|bulletin|report|sitrep|statement|situation\s+report)\b[^\n.]{0,40}:")
_DETERMINER_START_RE = re.compile(r"^The\s+")


# every _REPORT_KIND_RE match holds one of the first and one of the second, lower-cased
_KIND_FIRST = ("sit", "flash", "press", "news", "humanitarian", "fact", "epidemiological")
_KIND_LAST = ("rep", "update", "release", "bulletin", "sheet")


def _may_name_kind(title: str) -> bool:
    """A cheap first test for _REPORT_KIND_RE (non-ASCII text folds under re.I: no shortcut for it)."""
    if not title.isascii():
        return True
    low = title.lower()
    return any(map(low.__contains__, _KIND_LAST)) and any(map(low.__contains__, _KIND_FIRST))


def document_issuer(text: str) -> str | None:
    """The organisation whose own report ``text`` is ("UNRWA Situation Report #14 ...", or a "Source: ..."
    line under a report's title), else None."""
    head = text[:_HEAD_CHARS]
    title_lines = "\n".join(head.split("\n")[:6])
    mf = _FROM_LINE_RE.search(title_lines) if "from" in title_lines else None
    if mf:
        return mf.group("org")  # a portal's metadata line: "Report from International Organization for Migration"
    # (the kind of document is named in its title lines, not in a story's lede: "..., it said in a press release")
    if ":" in head and any(verb in head for verb in ("published", "released", "issued", "posted")):
        mr = _REPOSTED_DOCUMENT_RE.search(head)
        if mr:
            return _DETERMINER_START_RE.sub("", mr.group("org"))
    title = "\n".join(head.split("\n")[:4])
    if not _may_name_kind(title) or not _REPORT_KIND_RE.search(title):
        return None
    ms = _SOURCE_LINE_RE.search(head)
    if ms:
        return ms.group("org")
    first = head.split("\n", 1)[0]
    mt = _ISSUER_TITLE_RE.match(first)
    return mt.group("org") if mt else None


_WRAP_MIN, _WRAP_MAX = 35, 100  # the line lengths of text wrapped at a fixed width


def _soft_wraps(text: str, ps: int, pe: int, joins: list[int]) -> None:
    """The line breaks of a hard-wrapped paragraph (most lines 35-100 characters long): each a space in the
    wrapped sentence, except before a list item."""
    if text.count("\n", ps, pe) < 2:
        return
    lines = text[ps:pe].split("\n")
    inner = lines[:-1]
    if sum(_WRAP_MIN <= len(ln.rstrip()) <= _WRAP_MAX for ln in inner) * 3 < len(inner) * 2:
        return
    pos = ps
    for ln, nxt in zip(inner, lines[1:], strict=False):
        pos += len(ln)
        if not nxt.lstrip()[:1] or nxt.lstrip()[:1] not in _BULLETS:
            joins.append(pos)
        pos += 1
