package bot

import (
	"slices"
	"strings"
)

// RoleNouns knows the nouns that name a kind of person by role or trade
// ("analyst", "executive", "official"); *extractive.Answerer is one
// (through its thesaurus).
type RoleNouns interface {
	RoleNoun(word string) bool
}

// askedRoles reads the roles a question about who is quoted asks for:
// the noun phrase it asks "which" of, when it ends in a role ("Which
// executives and analysts are quoted?", "Which government officials
// were interviewed?"). It returns the roles (the role nouns of the
// phrase) and the phrase's words, which name kinds of people, not a
// topic; none when the question asks "who".
func askedRoles(question string, roles RoleNouns) (asked, phrase []string) {
	if roles == nil {
		return nil, nil
	}
	words := questionWords(question)
	i := slices.IndexFunc(words, func(w string) bool { return w == "which" || w == "what" })
	if i < 0 {
		return nil, nil
	}
	var np []string
	for _, w := range words[i+1:] {
		if isAuxiliary(w) || strings.HasPrefix(w, "quot") || w == "spoke" || w == "talked" || w == "said" {
			break
		}
		np = append(np, w)
	}
	// "Which articles quote farmers?" asks for articles.
	if len(np) == 0 || !roles.RoleNoun(np[len(np)-1]) || slices.ContainsFunc(np, func(w string) bool { return coverageWord(w) && w != "and" }) {
		return nil, nil
	}
	for _, w := range np {
		if w != "and" && w != "or" && roles.RoleNoun(w) {
			asked = append(asked, w)
		}
	}
	return asked, np
}

// isAuxiliary reports the verbs that end the noun phrase a question asks
// "which" of: a closed class of English grammar.
func isAuxiliary(w string) bool {
	switch w {
	case "is", "are", "was", "were", "has", "have", "had", "do", "does", "did", "got", "get", "gets", "can", "could", "will", "would":
		return true
	}
	return false
}

// withoutWords returns topic without the words of drop.
func withoutWords(topic string, drop []string) string {
	var out []string
	for _, w := range strings.Fields(topic) {
		if !slices.Contains(drop, w) {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}
