package bot

// This file widens what coverageQuestion takes for a question about where
// the reports disagree beyond its cue words, through WordNet, and keeps
// out the questions that only use an article's word for a thing of the
// story. People ask whether reports "match", "tally" or "correspond" as
// often as whether they "agree", and call them "at odds" as often as
// "conflicting": WordNet gives "differ" as the opposite of the first and
// "conflicting" as a synonym of the second. "Pieces of the wreck" and
// "parts of the plan" are things the story is about, not articles.

import (
	"slices"
	"strings"

	"github.com/newsbot/newsbot/retrieval/thesaurus"
)

// WordRelations gives WordNet's relations between words:
// *thesaurus.Thesaurus has them, and *extractive.Answerer through its
// thesaurus.
type WordRelations interface {
	Related(word string, kinds ...byte) []string
	Lemmas(word string) []string
}

// disagreeCue reports the words by which people ask where reports
// disagree: a closed set of stems, like the question words.
func disagreeCue(w string) bool {
	for _, p := range []string{"disagree", "differ", "contradict", "conflict", "inconsisten", "discrepan"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// clashAt reports how many words at words[i] make a phrase that WordNet
// gives as a synonym of a word of disagreement ("at odds": conflicting,
// "at variance"), 0 for none. A single word is no such phrase: "the ferry
// dispute" is what the story is about.
func clashAt(wr WordRelations, words []string, i int) int {
	if wr == nil || i+2 > len(words) {
		return 0
	}
	w := strings.Join(words[i:i+2], " ")
	if slices.ContainsFunc(wr.Related(w, thesaurus.Synonym), disagreeCue) {
		return 2
	}
	return 0
}

// agreesAt reports whether words[i] is a verb of agreeing: a word whose
// opposite in WordNet is a word of disagreement ("match", "tally",
// "correspond": differ), as is that of one of its synonyms, not after a
// determiner or a preposition, where it is a noun ("the match").
// coverageQuestion asks that the question be about the reports.
func agreesAt(wr WordRelations, words []string, i int) bool {
	if wr == nil || i == 0 || disagreeCue(words[i]) {
		return false
	}
	switch words[i-1] {
	case "the", "a", "an", "this", "that", "its", "their", "his", "her", "our", "of", "for", "in", "on", "at", "to", "with", "by":
		return false // "the match", "for a match": a noun
	}
	// The opposite of differing: contradicting's opposites are proving
	// and showing.
	opposesDisagreeing := func(w string) bool {
		return slices.ContainsFunc(wr.Related(w, thesaurus.Antonym), func(o string) bool { return o == "differ" || o == "disagree" })
	}
	for _, l := range append(wr.Lemmas(words[i]), words[i]) {
		// Its synonyms agree too ("match": correspond, tally): a verb
		// whose opposite only its broader verb gives ("cover": equal,
		// differ) is no word of agreeing.
		if opposesDisagreeing(l) && slices.ContainsFunc(wr.Related(l, thesaurus.Synonym), opposesDisagreeing) {
			return true
		}
	}
	return false
}

// coverageNoun reports the plural nouns for a body of articles or what
// they give: "reports", "accounts", "figures".
func coverageNoun(w string) bool {
	switch w {
	case "coverage", "articles", "stories", "sources", "reports", "outlets", "pieces", "documents", "accounts",
		"versions", "figures", "numbers", "facts", "dates", "papers", "newspapers":
		return true
	}
	return false
}

// reciprocalYesNo reports a yes/no question on how the reports stand to
// one another, with nothing of the story after them: "Do the stories line
// up?", "Do the accounts hang together?", "Do the reports square with
// each other?". What articles do to each other, asked so, is agree. It
// returns the index of the reports' noun, -1 for none.
func reciprocalYesNo(words []string) int {
	if len(words) < 3 || !isAuxiliary(words[0]) {
		return -1
	}
	k := 1
	for k < len(words) && (words[k] == "the" || words[k] == "these" || words[k] == "all" || words[k] == "two" || words[k] == "both") {
		k++
	}
	if k >= len(words) || !coverageNoun(words[k]) {
		return -1
	}
	rest := words[k+1:]
	ended := len(rest) > 1 && (phrase(rest[len(rest)-2:], "each", "other") || phrase(rest[len(rest)-2:], "one", "another"))
	rest = dropPhrase(rest, "with", "each", "other")
	rest = dropPhrase(rest, "with", "one", "another")
	for len(rest) > 1 && slices.Contains([]string{"up", "together", "really", "actually", "fully", "all"}, rest[len(rest)-1]) {
		rest, ended = rest[:len(rest)-1], true
	}
	switch {
	case len(rest) == 1: // the verb alone: "do the stories line up"
		return k
	case ended && slices.Contains([]string{"about", "on", "of", "from", "in"}, rest[0]):
		// "Do the stories about the vote line up?": a topic, then the
		// verb and its particle or "each other".
		return k
	}
	return -1
}

// partNoun reports the nouns for articles or what they give that also
// name a part or a feature of a thing ("pieces of the wreck", "the
// dates of the festival"), unlike "reports" or "accounts", whose "of"
// says what they are about ("accounts of the flood").
func partNoun(w string) bool {
	switch w {
	case "pieces", "piece", "parts", "part", "versions", "figures", "numbers", "facts", "dates":
		return true
	}
	return false
}

// dropPartOf drops from words an article's noun followed by "of" and a
// thing that is no body of articles: "pieces of the wreck", "parts of
// the plan", "versions of the bill" are of the story; "pieces of the
// coverage" are articles.
func dropPartOf(words []string) []string {
	out := slices.Clone(words)
	for i := len(out) - 3; i >= 0; i-- {
		if out[i+1] != "of" || !partNoun(out[i]) {
			continue
		}
		k := i + 2
		for k < len(out) && (out[k] == "the" || out[k] == "a" || out[k] == "an" || out[k] == "this" || out[k] == "that" || out[k] == "these" || out[k] == "its" || out[k] == "their") {
			k++
		}
		if k < len(out) && !coverageNoun(out[k]) && out[k] != "news" && out[k] != "reporting" && out[k] != "press" && out[k] != "media" {
			out = slices.Delete(out, i, i+1)
		}
	}
	return out
}

// readDisagreement reports whether words ask where the reports disagree
// beyond the cue words coverageQuestion reads: by a synonym of
// disagreement, a verb of agreeing said of the reports, or a yes/no
// question on how they stand to each other; and returns words without
// those cues, which are no topic.
func readDisagreement(wr WordRelations, words []string) (bool, []string) {
	if k := reciprocalYesNo(words); k >= 0 {
		// The topic between the reports and the verb: "about the vote".
		end := len(words) - 1
		for end > k && slices.Contains([]string{"up", "together", "really", "actually", "fully", "all", "each", "other", "one", "another", "with"}, words[end]) {
			end--
		}
		return true, words[:end] // without the verb
	}
	found := false
	var rest []string
	for i := 0; i < len(words); i++ {
		if n := clashAt(wr, words, i); n > 0 {
			found = true
			i += n - 1
			continue
		}
		if agreesAt(wr, words, i) {
			found = true
			continue
		}
		rest = append(rest, words[i])
	}
	return found, rest
}

// words returns the bot's WordRelations: its dictionary's, when it has
// them (the extractive answerer's thesaurus), else nil.
func (b *Bot) words() WordRelations {
	wr, _ := b.dict.(WordRelations)
	return wr
}
