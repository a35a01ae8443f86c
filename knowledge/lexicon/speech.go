package lexicon

// speech.go holds the speech-verb vocabularies that the answer package reads
// from questions and writes into answers. They are named tables rather than
// derived from cueLemmas because their members differ from the cue lexicon's
// ("react", "mean", "ask" ask for a statement but are not cues).

// QuestionSpeechVerbs are the forms of a question's verb that ask what an
// actor said or thinks: "what did the minister say?", "what does she want?".
var QuestionSpeechVerbs = set("say", "said", "says", "saying", "think", "thinks", "thought",
	"want", "wants", "wanted", "argue", "argued", "argues", "arguing", "claim",
	"claimed", "claims", "warn", "warned", "warns", "urge", "urged", "urges",
	"propose", "proposed", "proposes", "proposing", "predict", "predicted",
	"predicts", "predicting", "forecast", "forecasting", "forecasts", "suggest",
	"suggested", "suggests", "believe", "believes", "believed", "announce",
	"announced", "respond", "responded", "react", "reacted", "reply", "replied",
	"mean", "meant", "feel", "felt", "hope", "hoped", "hopes", "demand", "demanded",
	"demands", "tell", "told", "note", "noted", "insist", "insisted", "deny",
	"denied", "confirm", "confirmed", "emphasize", "emphasized", "emphasise",
	"emphasised", "stress", "stressed", "allege", "alleged", "accuse", "accused",
	"criticise", "criticised", "criticize", "criticized", "recommend",
	"recommended", "caution", "cautioned", "fear", "feared", "expect", "expected",
	"state", "stated", "comment", "commented", "add", "added", "ask", "asked",
	"announcing", "declare", "declared", "propose", "reveal", "revealed", "admit",
	"admitted", "explain", "explained", "write", "wrote", "written", "call", "called",
	"indicate", "indicated", "acknowledge", "acknowledged", "dismiss", "dismissed",
	"condemn", "condemned", "express", "expressed", "seek", "sought", "calling", "urging",
	"demanding", "warning", "claiming", "insisting", "suggesting", "hoping", "asking",
	"seeking", "pushing", "pressing", "telling", "denying", "blaming", "blame", "blamed")

// SettlingVerbs are the speech acts a yes/no question asks about that a
// statement settles by itself ("did they confirm?", "has she said anything?"),
// unlike opinions ("does he think?"), which its content must settle.
var SettlingVerbs = set("confirm", "confirmed", "deny", "denied", "say", "said",
	"comment", "commented", "admit", "admitted", "acknowledge", "acknowledged",
	"announce", "announced", "reveal", "revealed", "respond", "responded", "reply",
	"replied", "react", "reacted", "accept", "accepted", "condemn", "condemned")

// PlainSpeechVerbs are question verbs that ask for anything said: no cue is
// preferred ("what did she say?" takes a warning as well as a statement).
var PlainSpeechVerbs = set("say", "said", "says", "saying", "tell", "told", "state", "stated",
	"comment", "commented", "speak", "spoke", "add", "added")
