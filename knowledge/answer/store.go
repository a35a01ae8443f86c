package answer

import (
	"context"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/store"
)

// Store is what the engine reads: the embedded SQLite store (store.Store) or the
// shared PostgreSQL one (pgstore.Store). Every method reads the knowledge as of
// one generation; an engine notices a new generation and rebuilds its indexes.
type Store interface {
	// Generation counts the ingests committed; it changes with the knowledge.
	Generation(ctx context.Context) (int64, error)
	// Actors returns every stored actor with its aliases, in document order.
	Actors(ctx context.Context) ([]store.ActorRow, error)
	// Corpus returns every sentence in document order with the generation
	// they belong to.
	Corpus(ctx context.Context) ([]store.CorpusSentence, int64, error)
	// Statements returns up to limit statements of the given speakers, newest
	// briefing first, in document order.
	Statements(ctx context.Context, actorIDs []int64, limit int) ([]store.StatementRow, error)
	// Quantities returns the figures claimed by the given actors.
	Quantities(ctx context.Context, claimantIDs []int64) ([]store.QuantityHit, error)
	// Facts returns the figures, times and mentions of the given sentences.
	Facts(ctx context.Context, sentenceIDs []int64) (store.SentenceFacts, error)
	// ActorSentences returns the sentences mentioning the given actors.
	ActorSentences(ctx context.Context, actorIDs []int64, limit int) ([]store.Hit, error)
	// StatementsIn returns the statements made in the given sentences.
	StatementsIn(ctx context.Context, sentenceIDs []int64) ([]store.StatementRow, error)
	// Search returns up to limit sentences matching a full-text query of
	// stemmed terms (store.Terms), best first.
	Search(ctx context.Context, match string, limit int) ([]store.Hit, error)
	// Documents lists the briefings, newest first.
	Documents(ctx context.Context) ([]store.DocInfo, error)
	// Briefing returns one briefing, its sentences and facts, by path.
	Briefing(ctx context.Context, path string) (*knowledge.Briefing, error)
	// DocFreq returns how many sentences hold each stemmed term, and how many
	// sentences there are.
	DocFreq(ctx context.Context, terms []string) (map[string]int, int, error)
}

var _ Store = (*store.Store)(nil)

// The stores that can give each question its candidates.
var _ CandidateStore = (*store.Store)(nil)
