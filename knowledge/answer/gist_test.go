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
		{`"Companies cannot bribe their way into favourable treatment by foreign officials," said Christopher Wray, assistant US attorney general.`,
			"what did the attorney general say about bribes", ansNone,
			"Christopher Wray, assistant US attorney general said: Companies cannot bribe their way into favourable treatment by foreign officials."},
		{"The government should change the law to give more protection to employees who raise safety concerns, the TUC has said.",
			"what does the tuc want", ansNone,
			"The TUC said: The government should change the law to give more protection to employees who raise safety concerns."},
		{"But the Treasury said there would be no relaxation of economic discipline.",
			"what did the treasury say", ansNone,
			"The Treasury said there would be no relaxation of economic discipline."},
		{"Shares fell sharply in early trading; the company said its profits would rise by 12% next year.",
			"how much will profits rise", ansNumber,
			"The company said its profits would rise by 12% next year."},
		{"He said it was fine, he said.", "what", ansNone, "He said it was fine, he said."},
		{"Shares fell sharply; analysts blamed the strike at the port.", "why did shares fall", ansReason,
			"Shares fell sharply; analysts blamed the strike at the port."},
		{"At a dinner on Friday night, Nelson Mandela backed the plan to write off debt.",
			"did mandela back the debt plan", ansNone,
			"Nelson Mandela backed the plan to write off debt."},
		{"At a dinner on Friday night, Nelson Mandela backed the plan.",
			"when did mandela back the plan", ansTime,
			"At a dinner on Friday night, Nelson Mandela backed the plan."},
		{"All four Britons held in Guantanamo Bay will be returned within weeks, Foreign Secretary Jack Straw told the Commons on Tuesday.",
			"where are the britons going", ansPlace,
			"Foreign Secretary Jack Straw told the Commons on Tuesday: All four Britons held in Guantanamo Bay will be returned within weeks."},
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
		{"Joyce Johnston, principal of the college, said: \"It is fitting.\"", "Joyce Johnston", "is principal of the college"},
		{"Shahid Malik, who is on Labour's ruling NEC, accepted people's frustration.", "Shahid Malik", "is on Labour's ruling NEC"},
		{"Herve Gaymard said he would seek action.", "Herve Gaymard", ""},
		{"Mark Rutte, 57, spoke.", "Mark Rutte", ""},
		{"Tony Blair, who spoke on Monday, said so.", "Tony Blair", ""},
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
		{"These were criticised by campaigners, including Labour backbencher Gwyneth Dunwoody, who says so.", "Gwyneth Dunwoody", "is a Labour backbencher"},
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
