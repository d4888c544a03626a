"""Keyword search: the one function every list page uses (listings, resources).

On PostgreSQL it is full-text search with weights and ranking, accent-insensitive
(`unaccent` on both sides), plus trigram word similarity so that a misspelt word
("shelterr", "inmigration") still finds what was meant. Elsewhere (SQLite in
development) it is a plain case-insensitive substring match on every word.
Views never branch on the database: they call `keyword_search` and order by the
`relevance` annotation it adds.
"""

import operator
import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import reduce

from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    TrigramWordSimilarity,
)
from django.db import connections
from django.db.models import (
    Aggregate,
    Case,
    Exists,
    F,
    FloatField,
    Func,
    Q,
    QuerySet,
    TextField,
    Value,
    When,
)
from django.db.models.expressions import Combinable
from django.db.models.functions import Greatest

# Longer queries are cut: nobody types more, and the cost of a query grows with it.
MAX_QUERY_LENGTH = 200
# English stemming ("shelters" finds "shelter"); Spanish words pass through as they are.
SEARCH_CONFIG = "english"
# word_similarity() at or above this counts as a match when it is computed on
# the fly; pg_trgm's own default for indexed searches is 0.6.
FUZZY_THRESHOLD = 0.6
WEIGHTS = {"A": 1.0, "B": 0.4, "C": 0.2, "D": 0.1}

_SPACE = re.compile(r"\s+")


class Unaccent(Func):
    function = "unaccent"
    output_field = TextField()


class JoinedText(Aggregate):
    """Text joined with spaces, to search many related names as one field."""

    function = "GROUP_CONCAT"
    template = "%(function)s(%(expressions)s, ' ')"
    output_field = TextField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, function="STRING_AGG", **extra_context)


def clean_query(text: str | None) -> str:
    """The query as searched: single spaces, no control characters, bounded length."""
    text = "".join(ch for ch in (text or "") if unicodedata.category(ch)[0] != "C" or ch == " ")
    return _SPACE.sub(" ", text).strip()[:MAX_QUERY_LENGTH]


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def weighted_vector(fields: Mapping[str, str]) -> SearchVector:
    """One weighted, accent-free document from `fields` (name -> weight "A" to "D")."""
    return reduce(
        operator.add,
        (
            SearchVector(Unaccent(F(name)), weight=weight, config=SEARCH_CONFIG)
            for name, weight in fields.items()
        ),
    )


def keyword_search(
    queryset: QuerySet,
    query: str | None,
    *,
    fields: Mapping[str, str],
    fuzzy: Iterable[str] = (),
    document: str | None = None,
    names: str | None = None,
) -> QuerySet:
    """Rows of `queryset` that match `query`, annotated with a float `relevance`.

    `fields` maps field paths (or annotations already on the queryset) to a
    weight, "A" (most important) to "D". `fuzzy` names the short fields, such
    as names, where a misspelt query should still match. Large tables store
    both on PostgreSQL: `document` names a stored `weighted_vector(fields)` and
    `names` a stored text of the fuzzy fields, each with a GIN index.
    Close spellings are tried only when the query as typed matches nothing;
    the database makes that choice within the query, so nothing runs until
    the QuerySet is evaluated.
    A blank query matches everything with relevance 0.
    """
    text = clean_query(query)
    if not text:
        return queryset.annotate(relevance=Value(0.0, output_field=FloatField()))
    if connections[queryset.db].vendor != "postgresql":
        return _substring(queryset, text, fields)
    text = strip_accents(text)
    search_query = SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)
    if document is None:
        # alias(), not annotate(): the document is only compared, never sent back.
        queryset = queryset.alias(_search_document=weighted_vector(fields))
        document = "_search_document"
    exact = Q(**{document: search_query})
    rank = SearchRank(F(document), search_query)
    # TrigramWordSimilarity wraps the plain string in Value() itself.
    similarity: Combinable
    if names is not None:
        # The %> operator uses the trigram index and pg_trgm's word-similarity
        # threshold (0.6 by default): "shelterr" scores 0.78 against "shelter".
        close = Q(**{f"{names}__trigram_word_similar": text})
        similarity = TrigramWordSimilarity(text, F(names))
    elif fuzzy := list(fuzzy):
        similarities = [TrigramWordSimilarity(text, Unaccent(F(name))) for name in fuzzy]
        similarity = similarities[0] if len(similarities) == 1 else Greatest(*similarities)
        queryset = queryset.alias(_similarity=similarity)
        similarity = F("_similarity")
        close = Q(_similarity__gte=FUZZY_THRESHOLD)
    else:
        return queryset.filter(exact).annotate(relevance=rank)
    # Close spellings only when the words as typed match nothing: "legal help"
    # must not also compare every row with look-alikes. The database decides,
    # inside the one query that uses this QuerySet: the uncorrelated NOT EXISTS
    # is computed once and gates the close-spelling branch of a UNION, whose
    # index scan then never runs. Building the QuerySet runs no query.
    as_typed = queryset.filter(exact)
    look_alikes = queryset.filter(close).filter(~Exists(as_typed))
    matching = as_typed.order_by().values("pk").union(look_alikes.order_by().values("pk"), all=True)
    return queryset.filter(pk__in=matching).annotate(
        relevance=rank + Case(When(exact, then=Value(0.0)), default=similarity)
    )


def _substring(queryset, text, fields):
    words = text.split(" ")
    for word in words:
        queryset = queryset.filter(
            reduce(operator.or_, (Q(**{f"{name}__icontains": word}) for name in fields))
        )
    relevance = reduce(
        operator.add,
        (
            Case(
                When(Q(**{f"{name}__icontains": text}), then=Value(WEIGHTS[weight])),
                default=Value(0.0),
                output_field=FloatField(),
            )
            for name, weight in fields.items()
        ),
    )
    return queryset.annotate(relevance=relevance)
