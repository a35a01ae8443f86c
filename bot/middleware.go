package bot

import (
	"context"
	"fmt"
	"log/slog"
	"runtime/debug"
	"time"
)

// Handler answers one request, as arikawa's cmdroute handlers do; an error
// is logged and shown to the user as a plain apology.
type Handler func(ctx context.Context, req Request) (Reply, error)

// Middleware wraps a handler: it may answer instead of it, or change the
// request or the reply on their way.
type Middleware func(next Handler) Handler

// Recover turns a panic in a handler into a logged error, so that one bad
// question never takes the bot down.
func Recover(log *slog.Logger) Middleware {
	return func(next Handler) Handler {
		return func(ctx context.Context, req Request) (rep Reply, err error) {
			defer func() {
				if p := recover(); p != nil {
					log.Error("panic in handler", "command", req.Command, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
					rep, err = Reply{Text: "Sorry, something went wrong on my side. Please try again.", Failed: true}, nil
				}
			}()
			return next(ctx, req)
		}
	}
}

// Log logs each request's outcome: command, user, how long it took, and the
// error of a failed one.
func Log(log *slog.Logger) Middleware {
	return func(next Handler) Handler {
		return func(ctx context.Context, req Request) (Reply, error) {
			start := time.Now()
			rep, err := next(ctx, req)
			attrs := []any{"command", req.Command, "user", req.UserID, "took", time.Since(start)}
			switch {
			case err != nil:
				log.Error("handler failed", append(attrs, "err", err)...)
			case rep.Throttled:
				log.Info("rate limited", append(attrs, "wait", rep.RetryAfter, "notified", rep.Notify)...)
			default:
				log.Debug("handled", append(attrs, "citations", len(rep.Citations), "failed", rep.Failed)...)
			}
			return rep, err
		}
	}
}

// throttledCommands are the commands that cost the engine work and so
// count against the rate limits.
var throttledCommands = map[string]bool{CmdAsk: true, CmdActor: true, CmdBrief: true}

// RateLimit refuses questions from a user or in a channel past their rate
// (per user and per channel token buckets). Admins are never throttled.
func RateLimit(user, channel Rate) Middleware {
	l := newLimiter(user, channel)
	return func(next Handler) Handler {
		return func(ctx context.Context, req Request) (Reply, error) {
			if !throttledCommands[req.Command] || req.Admin {
				return next(ctx, req)
			}
			if v := l.allow(req.UserID, req.ChannelID); !v.OK {
				return Reply{Text: coolDownText(v.Wait), Private: true, Throttled: true, RetryAfter: v.Wait, Notify: v.Notify}, nil
			}
			return next(ctx, req)
		}
	}
}
