"""Code articles: one spaCy pass per article, then actors and events read the parsed Doc.

>>> coder = get_coder()                       # loads the model and the tables once per process
>>> coded = coder.code_text("Russia accused Ukraine of shelling the plant.", published=None)
>>> [(e.source.actor.code, e.cameo, e.target.actor.code) for e in coded.events]
[('RUS', '112', 'UKR')]
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from .actors.resolve import ActorResolver
from .actors.tables import ActorTables, load_tables
from .batching import batched
from .events.extract import EventExtractor
from .events.lexicon import load_lexicon
from .ingest import make_article
from .learn import SecondOpinion, load_second_opinion
from .nlp import load_pipeline, set_published
from .ontology import load_ontology
from .places import locate_events
from .quotes import extract_quotes
from .records import Article, CodedArticle, Event, Rejection
from .settings import Settings
from .timex import date_events, find_times
from .timex.dateline import dateline_day

__all__ = ["Coder", "EventsComponent", "code_article", "get_coder"]

for _name in ("detente_events", "detente_quotes", "detente_times"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class Coder:
    """Holds the loaded pipeline and tables; codes batches of articles with ``nlp.pipe``."""

    def __init__(
        self, settings: Settings | None = None, *, second_opinion: SecondOpinion | None = None
    ) -> None:
        self.settings = settings or Settings.from_env()
        self.nlp = load_pipeline(self.settings.spacy_model)
        self.tables = load_tables(
            extra_files=self.settings.actor_files, petrarch_dirs=self.settings.petrarch_dirs
        )
        self.resolver, self.extractor = coding_stages(
            self.tables, self.nlp.vocab, second_opinion=second_opinion or load_second_opinion(self.settings)
        )

    def code(self, items: Iterable[Article | Rejection]) -> Iterator[CodedArticle]:
        """Code articles in input order; a Rejection passes through as a CodedArticle with its error."""
        for batch in batched(items, self.settings.batch_size):
            yield from self._code_batch(batch)

    def code_text(
        self, text: str, *, published: dt.date | None = None, id: str | None = None, title: str | None = None
    ) -> CodedArticle:
        """Clean and code one text (raises :class:`detente.errors.InputError` for unusable text)."""
        article = make_article(text, id=id, title=title, published=published, origin="<text>")
        return next(iter(self.code([article])))

    def code_doc(self, doc: Doc, article: Article) -> CodedArticle:
        """Code an article whose Doc has been parsed already."""
        return code_article(self.resolver, self.extractor, doc, article)

    def _code_batch(self, batch: list[Article | Rejection]) -> Iterator[CodedArticle]:
        checked = [self._check_length(item) if isinstance(item, Article) else item for item in batch]
        articles = [item for item in checked if isinstance(item, Article)]
        docs = []
        for article in articles:
            doc = self.nlp.make_doc(article.text)
            set_published(doc, article.published)
            docs.append(doc)
        parsed = iter(zip(articles, self.nlp.pipe(docs, batch_size=self.settings.batch_size), strict=True))
        for item in checked:
            if isinstance(item, Rejection):
                yield CodedArticle(article=None, error=item)
            else:
                article, doc = next(parsed)
                yield self._code_safely(doc, article)

    def _check_length(self, article: Article) -> Article | Rejection:
        """spaCy parses at most ``nlp.max_length`` characters at once: a longer article is rejected, alone."""
        if len(article.text) <= self.nlp.max_length:
            return article
        message = (
            f"{len(article.text):,} characters: longer than the {self.nlp.max_length:,} the spaCy pipeline "
            "parses at once; split it into several articles"
        )
        return Rejection("too_large", message, article.origin or article.id, article.id)

    def _code_safely(self, doc: Doc, article: Article) -> CodedArticle:
        """One article's failure is that article's error record; the batch goes on."""
        try:
            return self.code_doc(doc, article)
        except (ValueError, KeyError, IndexError, RecursionError, AttributeError, TypeError) as exc:
            message = f"detente could not code this article ({type(exc).__name__}: {exc}); please report it"
            return CodedArticle(
                article=None,
                error=Rejection("coding_failed", message, article.origin or article.id, article.id),
            )


def coding_stages(
    tables: ActorTables, vocab: Vocab, *, second_opinion: SecondOpinion | None = None
) -> tuple[ActorResolver, EventExtractor]:
    """The actor resolver and event extractor over one set of tables and the shipped lexicons; the
    extractor asks ``second_opinion`` (the classifier, :mod:`detente.learn`) for proposals and confidence."""
    lexicon = load_lexicon()
    resolver = ActorResolver(tables, vocab, event_nouns=lexicon.nouns, speech_verbs=lexicon.speech_verbs)
    return resolver, EventExtractor(lexicon, load_ontology(), second_opinion)


def code_article(
    resolver: ActorResolver, extractor: EventExtractor, doc: Doc, article: Article
) -> CodedArticle:
    """Every stage over one parsed article: actors, events, times and event dates, places, quotes.

    An article without a publication date is dated by its dateline, when it has one: times and event dates
    are resolved against that day, and events dated by it say ``date_source: "dateline"`` (the article
    itself keeps no publication date).
    """
    dated = article
    if article.published is None:
        day = dateline_day(article.text)
        if day is not None:
            dated = dataclasses.replace(article, published=day)
    actors = resolver.resolve(doc, published=dated.published)
    events: tuple[Event, ...] = tuple(extractor.extract(doc, actors, dated))
    times = find_times(doc, dated.published)
    events = date_events(events, doc, times, dated)
    if dated is not article:
        events = tuple(
            dataclasses.replace(event, date_source="dateline") if event.date_source == "published" else event
            for event in events
        )
    events = locate_events(events, doc, actors, article)
    quotes = extract_quotes(doc, actors, article)
    return CodedArticle(article=article, events=events, quotes=quotes, times=times)


@lru_cache(maxsize=4)
def get_coder(settings: Settings | None = None) -> Coder:
    """One Coder per process and settings (Dask workers call this too)."""
    return Coder(settings)


class EventsComponent:
    """detente as a spaCy pipeline step: ``nlp.add_pipe("detente_events")`` after the parser and NER.

    It sets ``doc._.detente_events``, ``doc._.detente_quotes`` and ``doc._.detente_times`` (tuples of
    :class:`detente.records.Event`, ``Quote`` and ``TimeExpression``) from the Doc's text, using
    ``doc._.detente_published`` (see :func:`detente.nlp.set_published`) for date-bounded actors and for
    resolving relative dates.
    """

    def __init__(self, nlp: Language, name: str = "detente_events") -> None:
        self.name = name
        self.resolver, self.extractor = coding_stages(
            load_tables(), nlp.vocab, second_opinion=load_second_opinion(Settings.from_env())
        )

    def __call__(self, doc: Doc) -> Doc:
        from .nlp import get_published

        article = Article(id="doc", text=doc.text, published=get_published(doc))
        coded = code_article(self.resolver, self.extractor, doc, article)
        doc._.detente_events = coded.events
        doc._.detente_quotes = coded.quotes
        doc._.detente_times = coded.times
        return doc


@Language.factory(
    "detente_events",
    requires=["token.dep", "token.lemma", "doc.ents"],
    assigns=["doc._.detente_events", "doc._.detente_quotes", "doc._.detente_times"],
)
def make_events_component(nlp: Language, name: str) -> EventsComponent:
    return EventsComponent(nlp, name)
