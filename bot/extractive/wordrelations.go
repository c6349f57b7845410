package extractive

// Related gives the words in a relation of one of kinds (thesaurus.Synonym,
// thesaurus.Antonym, ...) with the lower-cased word or phrase in WordNet:
// with Lemmas, the bot's bot.WordRelations ("do the reports match?").
func (e *Answerer) Related(word string, kinds ...byte) []string {
	if e.lexicon.th == nil {
		return nil
	}
	return e.lexicon.th.Related(word, kinds...)
}

// Lemmas gives the base forms WordNet knows of a lower-cased word
// ("tallied": tally).
func (e *Answerer) Lemmas(word string) []string {
	if e.lexicon.th == nil {
		return nil
	}
	return e.lexicon.th.Lemmas(word)
}
