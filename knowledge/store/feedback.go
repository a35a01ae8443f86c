package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/briefbot/briefbot/knowledge"
)

// Votes a user can give an answer.
const (
	VoteUp   = "up"
	VoteDown = "down"
)

// Feedback is one user's vote on one answer, with the question and the
// answer as the user saw them.
type Feedback struct {
	At        time.Time            `json:"at"`
	UserID    string               `json:"user"`
	Vote      string               `json:"vote"` // VoteUp or VoteDown
	Question  string               `json:"question"`
	Answer    string               `json:"answer"`
	Citations []knowledge.Citation `json:"citations"`
}

// CitationsJSON checks the vote and returns its citations as a JSON array,
// as both stores keep them.
func (f Feedback) CitationsJSON() ([]byte, error) {
	if f.Vote != VoteUp && f.Vote != VoteDown {
		return nil, fmt.Errorf("vote %q is not %q or %q", f.Vote, VoteUp, VoteDown)
	}
	return json.Marshal(orNoCitations(f.Citations))
}

// AddFeedback stores a vote.
func (s *Store) AddFeedback(ctx context.Context, f Feedback) error {
	cites, err := f.CitationsJSON()
	if err != nil {
		return fmt.Errorf("add feedback: %w", err)
	}
	_, err = s.db.ExecContext(ctx,
		`INSERT INTO feedback (at, user_id, vote, question, answer, citations) VALUES (?, ?, ?, ?, ?, ?)`,
		f.At.UTC().Format(time.RFC3339Nano), f.UserID, f.Vote, f.Question, f.Answer, string(cites))
	if err != nil {
		return fmt.Errorf("add feedback: %w", err)
	}
	return nil
}

// Feedbacks returns every stored vote, oldest first.
func (s *Store) Feedbacks(ctx context.Context) ([]Feedback, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT at, user_id, vote, question, answer, citations FROM feedback ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("feedbacks: %w", err)
	}
	defer rows.Close()
	var out []Feedback
	for rows.Next() {
		var f Feedback
		var at, cites string
		if err := rows.Scan(&at, &f.UserID, &f.Vote, &f.Question, &f.Answer, &cites); err != nil {
			return nil, fmt.Errorf("feedbacks: %w", err)
		}
		if f.At, err = time.Parse(time.RFC3339Nano, at); err != nil {
			return nil, fmt.Errorf("feedbacks: time %q: %w", at, err)
		}
		if err := json.Unmarshal([]byte(cites), &f.Citations); err != nil {
			return nil, fmt.Errorf("feedbacks: citations: %w", err)
		}
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("feedbacks: %w", err)
	}
	return out, nil
}

func orNoCitations(c []knowledge.Citation) []knowledge.Citation {
	if c == nil {
		return []knowledge.Citation{}
	}
	return c
}
