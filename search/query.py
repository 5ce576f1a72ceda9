"""Answering a search: a fixed number of queries on the search table, whatever its size.

One query finds and ranks the candidates (keys and scores only), one reads the texts of
the page shown. PostgreSQL adds full-text search in the language's configuration and
trigram similarity; every database matches the folded words (search.text.fold), so both
find the same results for names, umlauts and words inside documents.
"""

import re
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db import IntegrityError, connection, transaction
from django.db.models import F, Q
from django.utils import timezone
from rapidfuzz import fuzz

from core.languages import SOURCE_LANGUAGE

from .index import text_search_config
from .models import Kind, MissedQuery, SearchEntry
from .text import passage, query_words

PER_PAGE = 20
MAX_CANDIDATES = 400
# rapidfuzz's partial ratio (0–100) from which a name counts as a typo of the query.
NAME_TYPO_CUTOFF = 85
TRIGRAM_THRESHOLD = 0.55
KIND_ORDER = list(Kind.values)


@dataclass
class Hit:
    kind: str
    title: str
    path: str
    language: str
    german: bool
    title_html: str = ""
    passage_html: str = ""


@dataclass
class Group:
    kind: str
    label: str
    hits: list = field(default_factory=list)


@dataclass
class Results:
    words: list
    count: int = 0
    page: object = None
    groups: list = field(default_factory=list)


def _like_words(words):
    longer = [word for word in words if len(word) > 1]
    return longer or words


def _words_condition(words):
    condition = Q()
    for word in _like_words(words):
        condition &= Q(folded__contains=word)
    return condition


def _tsquery(text):
    """A raw tsquery from the typed words only: each word as a quoted prefix, all required."""
    words = re.findall(r"\w+", text.casefold())[:8]
    return " & ".join(f"'{word}':*" for word in words)


def _candidates(text, words, language):
    languages = {language, SOURCE_LANGUAGE}
    entries = SearchEntry.objects.public().filter(language__in=languages)
    fields = ("pk", "kind", "source", "object_id", "language", "folded_title")
    if connection.vendor == "postgresql":
        return _postgresql_candidates(entries, text, words, language, fields)
    rows = list(entries.filter(_words_condition(words)).values_list(*fields)[:MAX_CANDIDATES])
    if not rows:
        rows = _name_typos(entries, words, fields)
    return [(*row[:5], _score(row[5], words)) for row in rows]


def _postgresql_candidates(entries, text, words, language, fields):
    from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramWordSimilarity
    from django.db.models import Case, FloatField, Value, When
    from django.db.models.functions import Greatest

    raw = _tsquery(text)
    condition = _words_condition(words)
    similarity = TrigramWordSimilarity(Value(" ".join(words)), "folded_title")
    rank = Value(0.0)
    if raw:
        own = SearchQuery(raw, config=text_search_config(language), search_type="raw")
        german = SearchQuery(raw, config=text_search_config(SOURCE_LANGUAGE), search_type="raw")
        condition |= Q(language=language, vector=own) | Q(language=SOURCE_LANGUAGE, vector=german)
        rank = Case(
            When(language=language, then=SearchRank(F("vector"), own)),
            default=SearchRank(F("vector"), german),
            output_field=FloatField(),
        )
    rows = (
        entries.annotate(similarity=similarity, rank=rank)
        .filter(condition | Q(similarity__gte=TRIGRAM_THRESHOLD))
        .annotate(score=Greatest(F("rank") * 10, F("similarity") * 3))
        .order_by("-score", "pk")
        .values_list(*fields, "score")[:MAX_CANDIDATES]
    )
    return [(*row[:5], row[6] + _score(row[5], words)) for row in rows]


def _name_typos(entries, words, fields):
    """SQLite only, when nothing matched: names of people that are close to the query."""
    typed = " ".join(words)
    if len(typed) < 4:
        return []
    people = entries.filter(kind=Kind.PERSON).values_list(*fields)
    return [
        row for row in people if fuzz.partial_ratio(typed, row[5], score_cutoff=NAME_TYPO_CUTOFF)
    ][:MAX_CANDIDATES]


def _score(folded_title, words):
    """Matches in the title count more; the whole query in the title counts most."""
    score = sum(3 if word in folded_title else 1 for word in words)
    if " ".join(words) in folded_title:
        score += 3
    return score


def search(text, language, *, page_number=1):
    words = query_words(text)
    results = Results(words=words)
    if not words:
        return results
    best = {}
    for pk, kind, source, object_id, entry_language, score in _candidates(text, words, language):
        key = (source, object_id)
        own = entry_language == language
        known = best.get(key)
        if known is None or (own and not known["own"]):
            best[key] = {"pk": pk, "kind": kind, "own": own, "score": score}
    by_kind = {}
    for item in best.values():
        by_kind.setdefault(item["kind"], []).append(item)
    for items in by_kind.values():
        # The reader's language first, then German; better matches first within each.
        items.sort(key=lambda item: (not item["own"], -item["score"], item["pk"]))
    kinds = sorted(
        by_kind, key=lambda kind: (-max(i["score"] for i in by_kind[kind]), KIND_ORDER.index(kind))
    )
    ordered = [item for kind in kinds for item in by_kind[kind]]
    results.count = len(ordered)
    page = Paginator(ordered, PER_PAGE).get_page(page_number)
    results.page = page
    entries = SearchEntry.objects.only("kind", "language", "title", "body", "path").in_bulk(
        [item["pk"] for item in page.object_list]
    )
    labels = dict(Kind.choices)
    for item in page.object_list:
        entry = entries[item["pk"]]
        if not results.groups or results.groups[-1].kind != entry.kind:
            results.groups.append(Group(kind=entry.kind, label=labels[entry.kind]))
        results.groups[-1].hits.append(_hit(entry, words, language))
    return results


def _hit(entry, words, language):
    from .text import highlight

    return Hit(
        kind=entry.kind,
        title=entry.title,
        path=f"/{language}/{entry.path}",
        language=entry.language,
        german=entry.language != language,
        title_html=highlight(entry.title, words),
        passage_html=passage(entry.body, words) if entry.body else "",
    )


def count_missed(text, language):
    """One more reader found nothing for this query today (no reader, no time of day)."""
    query = " ".join(text.casefold().split())[:200]
    if not query:
        return
    day = timezone.localdate()
    counted = MissedQuery.objects.filter(language=language, query=query, day=day)
    if counted.update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            MissedQuery.objects.create(language=language, query=query, day=day, count=1)
    except IntegrityError:
        counted.update(count=F("count") + 1)
