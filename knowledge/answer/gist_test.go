package answer

import "testing"

// TestGist checks that a search answer says what its sentence says about the
// question without repeating the sentence word for word.
func TestGist(t *testing.T) {
	e := New(nil)
	for _, tc := range []struct {
		text, question string
		want           answerType
		gist           string
	}{
		{`"Builders cannot buy their way past the safety inspectors in any town," said Maria Kestrel, deputy state labour secretary.`,
			"what did the labour secretary say about inspectors", ansNone,
			"Maria Kestrel, deputy state labour secretary said: Builders cannot buy their way past the safety inspectors in any town."},
		{"The council should reopen the bus depot and pay back the drivers who lost their shifts, the Steel Workers union has said.",
			"what does the steel workers union want", ansNone,
			"The Steel Workers union said: The council should reopen the bus depot and pay back the drivers who lost their shifts."},
		{"But the Finance Ministry said the fuel tax would stay as it is until spring.",
			"what did the finance ministry say", ansNone,
			"The Finance Ministry said the fuel tax would stay as it is until spring."},
		{"Shares fell sharply in early trading; the company said its profits would rise by 12% next year.",
			"how much will profits rise", ansNumber,
			"The company said its profits would rise by 12% next year."},
		{"He said it was fine, he said.", "what", ansNone, "He said it was fine, he said."},
		{"Shares fell sharply; analysts blamed the strike at the port.", "why did shares fall", ansReason,
			"Shares fell sharply; analysts blamed the strike at the port."},
		{"At a rally on Sunday morning, Jane Doyle backed the plan to close the mine.",
			"did doyle back the mine plan", ansNone,
			"Jane Doyle backed the plan to close the mine."},
		{"At a rally on Sunday morning, Jane Doyle backed the plan.",
			"when did doyle back the plan", ansTime,
			"At a rally on Sunday morning, Jane Doyle backed the plan."},
		{"All six sailors held in the port of Veska will be flown home within days, Transport Minister Ruth Alder told the assembly on Monday.",
			"where are the sailors going", ansPlace,
			"Transport Minister Ruth Alder told the assembly on Monday: All six sailors held in the port of Veska will be flown home within days."},
	} {
		got := gist(tc.text, e.termGroups(contentWords(words(tc.question))), tc.want)
		if got != tc.gist {
			t.Errorf("gist(%q)\n got %q\nwant %q", tc.text, got, tc.gist)
		}
		if sameText(got, tc.text) && tc.gist != tc.text {
			t.Errorf("gist(%q) repeats the sentence", tc.text)
		}
	}
}

// TestAppositive checks what a sentence says a person is, from the phrase set
// off after their name.
func TestAppositive(t *testing.T) {
	for _, tc := range []struct{ text, name, want string }{
		{"Hilda Brand, head of the academy, said: \"It is right.\"", "Hilda Brand", "is head of the academy"},
		{"Omar Reyes, who is on the union's national executive, accepted the members' anger.", "Omar Reyes", "is on the union's national executive"},
		{"Piet Alder said he would go to court.", "Piet Alder", ""},
		{"Carl Moss, 57, spoke.", "Carl Moss", ""},
		{"Ben Tull, who spoke on Monday, said so.", "Ben Tull", ""},
	} {
		got, _ := appositive(tc.text, tc.name)
		if got != tc.want {
			t.Errorf("appositive(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestPreNominal checks what the words before a person's name say they are.
func TestPreNominal(t *testing.T) {
	for _, tc := range []struct{ text, name, want string }{
		{"The plan was opposed by residents, among them Green councillor Rosa Finch, who says so.", "Rosa Finch", "is a Green councillor"},
		{"The report was written by chief economist Jane Smith.", "Jane Smith", "is a chief economist"},
		{"It was said by Jane Smith.", "Jane Smith", ""},
		{"Jane Smith spoke.", "Jane Smith", ""},
	} {
		got, _ := preNominal(tc.text, tc.name)
		if got != tc.want {
			t.Errorf("preNominal(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}
