"""The index's vocabulary: plain letters and "Mente du …?".

Every term the index holds is kept in SearchTerm with the number of pages that
have it, updated whenever a page is indexed (whatever the backend), so a query
can be checked against what the index actually contains:

- a word typed without æ, ø and å ("forlob", "bostotte", "parorende") is also
  read as the indexed terms it spells plainly (plain()), when the index does
  not know it as typed, or knows it from fewer pages;
- a word the index does not know at all gets the nearest known written words
  (an edit distance of one or two, the most common first) as "Mente du …?".
"""

from django.db import connection, transaction
from django.db.models import F

from .analysis import TOKEN, Token, analyzer, fold
from .models import SearchPageTerms, SearchTerm

MAX_TERM = 100  # longer terms are not kept: nobody types them (and the column holds 100)
PLAIN_PAIRS = (("aa", "a"), ("oe", "o"), ("ae", "a"))


def plain(term):
    """A folded term as it reads typed without æ, ø and å: "forloeb" -> "forlob",
    "paaroer" -> "paror", "laeg" -> "lag"."""
    for pair, letter in PLAIN_PAIRS:
        term = term.replace(pair, letter)
    return term


def page_terms(units):
    """{term: written word} of a page's units; compound parts have no word of their own."""
    found = {}
    for unit in units:
        an = analyzer(unit.language)
        for text in (unit.title, unit.lead, unit.body):
            for match in TOKEN.finditer(text or ""):
                token = an.word(match.group())
                if token is None or len(token.term) > MAX_TERM:
                    continue
                word = an.normalise(match.group())
                word = word if len(word) <= MAX_TERM else ""
                known = found.get(token.term)
                if not known or len(word) < len(known):
                    found[token.term] = word
                for part in token.parts:
                    found.setdefault(part, "")
    return found


def update(page_id, units):
    """Count the terms of a page's new units in place of its old ones."""
    language = units[0].language if units else "da"
    new = page_terms(units)
    with transaction.atomic():
        record = SearchPageTerms.objects.filter(page_id=page_id).first()
        old = set(record.terms.split()) if record else set()
        old_language = record.language if record else language
        if old_language != language:
            _forget(old_language, old)
            old = set()
        _forget(language, old - new.keys())
        _count(language, {term: word for term, word in new.items() if term not in old})
        # A part seen before may now have a written word to show.
        missing_words = [term for term, word in new.items() if word and term in old]
        for chunk in _chunks(missing_words):
            for row in SearchTerm.objects.filter(language=language, term__in=chunk, word=""):
                _set_word(row, new[row.term])
                row.save(update_fields=["word", "head", "size"])
        if units:
            SearchPageTerms.objects.update_or_create(
                page_id=page_id, defaults={"language": language, "terms": " ".join(sorted(new))}
            )
        elif record:
            record.delete()


def remove(page_ids):
    """Forget the terms of pages that left the index."""
    with transaction.atomic():
        for record in SearchPageTerms.objects.filter(page_id__in=list(page_ids)):
            _forget(record.language, set(record.terms.split()))
            record.delete()


def clear():
    SearchPageTerms.objects.all().delete()
    SearchTerm.objects.all().delete()


def _set_word(row, word):
    row.word, row.head, row.size = word, word[:1], len(word)


def _chunks(items, size=900):
    """Lists of at most `size` items: one SQL statement's worth of parameters."""
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _count(language, terms):
    if not terms:
        return
    existing = set()
    for chunk in _chunks(terms):
        rows = SearchTerm.objects.filter(language=language, term__in=chunk)
        found = list(rows.values_list("term", flat=True))
        existing.update(found)
        SearchTerm.objects.filter(language=language, term__in=found).update(pages=F("pages") + 1)
    rows = [
        (language, term, plain(term), word, word[:1], len(word), 1)
        for term, word in terms.items()
        if term not in existing
    ]
    # Plain INSERTs: a long page brings tens of thousands of new terms, and
    # building a model instance for each costs more than the write.
    table = SearchTerm._meta.db_table
    sql = (
        f"INSERT INTO {table} (language, term, plain, word, head, size, pages) "
        "VALUES (%s, %s, %s, %s, %s, %s, %s)"
    )
    with connection.cursor() as cursor:
        for chunk in _chunks(rows, 2000):
            cursor.executemany(sql, chunk)


def _forget(language, terms):
    for chunk in _chunks(terms):
        rows = SearchTerm.objects.filter(language=language, term__in=chunk)
        rows.update(pages=F("pages") - 1)
        rows.filter(pages__lte=0).delete()


# --- Reading a query ----------------------------------------------------------


def plain_readings(language, typed):
    """{typed term: [Token, ...]} for [(word as typed, its readings)]: the indexed
    terms each word spells plainly ("forlob" -> "forloeb"), by its terms or by
    the word as typed ("aben" -> "aaben"), when the index does not know the
    term, or when the word has no æ, ø, å (nor ae, oe, aa) and the index knows
    it from fewer pages than the other: "aben" is a word too (the ape), but a
    reader who types "aben dialog" means "åben"."""
    an = analyzer(language)
    keys, plainly = {}, set()
    for word, readings in typed:
        folded = fold(an.normalise(word))
        for token in readings:
            keys.setdefault(token.term, set()).update({plain(token.term), plain(folded)})
            if plain(folded) == folded:
                plainly.add(token.term)
    if not keys:
        return {}
    rows = SearchTerm.objects.filter(language=language, plain__in=set().union(*keys.values()))
    pages = dict(rows.values_list("term", "pages"))
    known = dict(
        SearchTerm.objects.filter(language=language, term__in=list(keys)).values_list(
            "term", "pages"
        )
    )
    by_key = {}
    for term, count in pages.items():
        by_key.setdefault(plain(term), []).append((term, count))
    found = {}
    for typed_term, term_keys in keys.items():
        own = known.get(typed_term, 0)
        if own and typed_term not in plainly:
            continue
        for key in sorted(term_keys):
            for term, count in by_key.get(key, ()):
                if term != typed_term and count > own:
                    parts = an.lexicon.split(term) if an.lexicon else ()
                    found.setdefault(typed_term, []).append(Token(term, parts))
    return found


def is_known(language, term):
    return SearchTerm.objects.filter(language=language, term=term).exists()


def distance(a, b, limit):
    """Edit distance (insert, delete, replace, swap two neighbours) between two
    words, or limit + 1 once it is certain to exceed `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2, previous = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def nearest_word(language, typed):
    """The known written word nearest to a typed one (the most common of the
    nearest), or None. One letter off for short words, two for longer ones."""
    word = analyzer(language).normalise(typed)
    if len(word) < 4:
        return None
    limit = 1 if len(word) < 8 else 2
    candidates = SearchTerm.objects.filter(
        language=language,
        head=word[0],
        size__gte=len(word) - limit,
        size__lte=len(word) + limit,
    ).values_list("word", "pages")
    best = None
    for candidate, pages in candidates.iterator(chunk_size=2000):
        if candidate == word:
            return None
        found = distance(word, candidate, limit)
        if found <= limit and (best is None or (found, -pages) < best[:2]):
            best = (found, -pages, candidate)
    return best[2] if best else None


def correction(text, language):
    """`text` with each word the index does not know, in any reading, replaced by
    the nearest known word ("indsatplan" -> "indsatsplan"); None when no word
    needs it or none is near. Quotes and the words around are kept."""
    an = analyzer(language)
    changed = False

    def fix(match):
        nonlocal changed
        raw = match.group()
        readings = an.query_word(raw)
        if not readings or raw[0].isdigit():
            return raw
        terms = [token.term for token in readings]
        known = SearchTerm.objects.filter(language=language, term__in=terms).exists()
        if known or plain_readings(language, [(raw, readings)]):
            return raw
        near = nearest_word(language, raw)
        if near is None:
            return raw
        changed = True
        return near

    corrected = TOKEN.sub(fix, text)
    return corrected if changed else None
