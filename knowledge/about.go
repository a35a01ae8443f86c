package knowledge

// ActorRef names an actor an answer is about, for follow-up questions.
type ActorRef struct {
	// Name is the actor's display name ("Mark Rutte", "Russia").
	Name string
	Kind ActorKind
	// Title is the actor's role as written ("NATO Secretary-General"), or "".
	Title string
	// Phrase is the words of the question that named the actor, lower-case as
	// the question parser reads them ("the russian ambassador"), or "" when the
	// actor comes from the answer's sentences rather than the question.
	Phrase string
}
