package answer

import (
	"strings"

	"github.com/briefbot/briefbot/knowledge/stem"
)

// irregularVerbs lists English verbs whose past forms the stemmer does not bring
// back to the base: a question asks "when did it begin?", the sentence says
// "it began". Each line is base, past, past participle (and variants).
var irregularVerbs = []string{
	"arise arose arisen", "awake awoke awoken", "beat beat beaten", "become became become", "begin began begun", "bend bent bent",
	"bet bet bet", "bid bid bid", "bite bit bitten", "bleed bled bled",
	"blow blew blown", "break broke broken", "breed bred bred", "bring brought brought",
	"build built built", "burn burnt burnt", "buy bought bought", "catch caught caught",
	"choose chose chosen", "cling clung clung", "come came come", "creep crept crept",
	"deal dealt dealt", "dig dug dug", "draw drew drawn",
	"dream dreamt dreamt", "drink drank drunk", "drive drove driven", "eat ate eaten",
	"fall fell fallen", "feed fed fed", "feel felt felt", "fight fought fought",
	"find found found", "flee fled fled", "fly flew flown", "forbid forbade forbidden",
	"forget forgot forgotten", "forgive forgave forgiven", "freeze froze frozen",
	"give gave given", "go went gone", "grow grew grown", "hang hung hung", "hear heard heard",
	"hide hid hidden", "hold held held", "keep kept kept", "kneel knelt knelt",
	"know knew known", "lead led led", "lean leant leant",
	"leap leapt leapt", "learn learnt learnt", "leave left left", "lend lent lent",
	"lose lost lost", "make made made", "mean meant meant",
	"meet met met", "overcome overcame overcome", "overtake overtook overtaken",
	"pay paid paid", "prove proved proven", "ride rode ridden", "run ran run", "say said said", "see saw seen", "seek sought sought",
	"sell sold sold", "send sent sent", "set set set", "shake shook shaken",
	"shine shone shone", "shoot shot shot", "show showed shown", "shrink shrank shrunk",
	"sing sang sung", "sink sank sunk", "sit sat sat", "sleep slept slept",
	"slide slid slid", "speak spoke spoken", "speed sped sped", "spend spent spent",
	"spin spun spun", "spread spread spread", "stand stood stood",
	"steal stole stolen", "stick stuck stuck", "sting stung stung", "strike struck struck",
	"strive strove striven", "swear swore sworn", "sweep swept swept", "swim swam swum",
	"swing swung swung", "take took taken", "teach taught taught", "tell told told", "think thought thought", "throw threw thrown", "tread trod trodden",
	"undergo underwent undergone", "understand understood understood",
	"undertake undertook undertaken", "wake woke woken", "wear wore worn",
	"weave wove woven", "weep wept wept", "win won won", "withdraw withdrew withdrawn", "write wrote written",
}

// Verbs whose forms are also common nouns or other words ("bear", "lie", "rose",
// "wound", "ground") are left out, as are auxiliaries.

// irregularPast maps the base of each irregular verb to its past tense ("see":
// "saw"), for writing a stored cue in the past; "forecast" is a cue whose
// past is itself.
var irregularPast = func() map[string]string {
	m := map[string]string{"forecast": "forecast"}
	for _, line := range irregularVerbs {
		forms := strings.Fields(line)
		m[forms[0]] = forms[1]
	}
	return m
}()

// verbForms maps each form of an irregular verb to the stems of its other forms.
var verbForms = func() map[string][]string {
	m := map[string][]string{}
	for _, line := range irregularVerbs {
		forms := strings.Fields(line)
		var stems []string
		for _, f := range forms {
			for _, t := range stem.Terms(f) {
				if !stem.Stop(t) && !contains(stems, t) {
					stems = append(stems, t)
				}
			}
		}
		for _, f := range forms {
			own := stem.Terms(f)
			for _, t := range stems {
				if !contains(own, t) && !contains(m[f], t) {
					m[f] = append(m[f], t)
				}
			}
		}
	}
	return m
}()
