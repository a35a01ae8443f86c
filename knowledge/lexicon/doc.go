// Package lexicon holds the English word tables that more than one part of
// briefbot reads, so that a briefing and a question are read the same way:
//   - the verbs that report speech or belief (cues.go), with their lemmas,
//     inflected forms and senses, partly counted from annotated news
//     (cues_polnear.go): extraction finds statements with them, answering
//     recognises questions about what someone said or thinks;
//   - how news prose names people and bodies by what they are (refs*.go):
//     title words and modifiers, words for the head of a body, abbreviations,
//     nicknames and acronyms a briefing spells out;
//   - WordNet 3.0 synonyms and inflections (paraphrase.go), from a table made
//     by `go generate` from Debian's wordnet-base and embedded with its licence.
package lexicon
