// Package lexicon holds the English word tables that more than one part of
// briefbot reads: the verbs that report speech or belief (cues), with their
// lemmas, inflected forms and senses. Extraction finds statements with them;
// answering recognises questions about what someone said or thinks.
package lexicon
