package pgstore

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/briefbot/briefbot/knowledge/store"
)

// AddFeedback stores a vote (see store.Store.AddFeedback).
func (s *Store) AddFeedback(ctx context.Context, f store.Feedback) error {
	cites, err := f.CitationsJSON()
	if err != nil {
		return fmt.Errorf("add feedback: %w", err)
	}
	_, err = s.pool.Exec(ctx,
		`INSERT INTO feedback (at, user_id, vote, question, answer, citations) VALUES ($1, $2, $3, $4, $5, $6)`,
		f.At.UTC(), f.UserID, f.Vote, f.Question, f.Answer, string(cites))
	if err != nil {
		return fmt.Errorf("add feedback: %w", err)
	}
	return nil
}

// Feedbacks returns every stored vote, oldest first.
func (s *Store) Feedbacks(ctx context.Context) ([]store.Feedback, error) {
	var out []store.Feedback
	err := s.each(ctx, `SELECT at, user_id, vote, question, answer, citations::text FROM feedback ORDER BY id`, nil,
		func(r pgx.Rows) error {
			var f store.Feedback
			var cites string
			if err := r.Scan(&f.At, &f.UserID, &f.Vote, &f.Question, &f.Answer, &cites); err != nil {
				return err
			}
			f.At = f.At.UTC()
			if err := json.Unmarshal([]byte(cites), &f.Citations); err != nil {
				return fmt.Errorf("citations: %w", err)
			}
			out = append(out, f)
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("feedbacks: %w", err)
	}
	return out, nil
}
