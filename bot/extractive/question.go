package extractive

// This file reads a question: what it asks for, its key terms and
// the verb its answer must state.

import (
	"slices"
	"strings"

	"github.com/newsbot/newsbot/retrieval"
	"github.com/newsbot/newsbot/retrieval/thesaurus"
)

// synonymGroups are words a question may use for a word of the coverage.
// Kept small and news-specific: each group is a paraphrase seen in real
// questions, not a thesaurus.
func synonymGroups() [][]string {
	return [][]string{
		{"head", "heads", "leads", "leader", "chief", "boss", "secretary", "runs"},
		{"soldier", "troop", "force", "forces", "contingent"},
		{"lose", "lost", "losses", "killed", "died", "deaths", "casualties", "toll"},
		{"size", "strong", "strength", "large", "big"},
		{"end", "ending", "finish", "leave", "withdraw", "withdrawal", "pull", "stop", "quit"},
		{"country", "countries", "nation", "nations", "ally", "allies"},
		{"meet", "meeting", "talks", "summit", "conference", "gather", "gathering"},
		// News calls NATO "the alliance".
		{"nato", "alliance"},
		{"say", "said", "tell", "told", "state", "comment", "remark", "remarks", "quoted"},
		{"want", "wants", "ask", "urge", "persuade", "wish"},
		{"help", "support", "assist", "aid", "reinforce"},
		{"extend", "prolong", "prolonging", "continue", "remain", "stay", "staying", "maintain"},
		{"send", "deploy", "deployment", "dispatch", "provide", "sending"},
		{"vote", "motion"},
		{"decide", "decision", "choice", "choose"},
		{"canada", "canadian", "ottawa"},
		{"france", "french", "paris"},
		{"britain", "british", "london"},
		{"germany", "german", "berlin"},
		{"states", "american", "washington"},
		{"mission", "tour", "role"},
		{"spokesperson", "spokesman", "spokeswoman"},
		{"earthquake", "quake", "tremor"},
		{"hit", "strike", "struck"},
		{"report", "reported", "say", "said"},
		// Paraphrases of phrases: a question seldom uses the article's words.
		{"head of government", "prime minister", "premier"},
		{"head of state", "president", "monarch"},
		{"last word", "final say", "final decision"},
		{"reconsider", "rethink", "change mind", "reverse"},
		{"restate", "reiterate", "repeat", "reaffirm"},
		{"carry", "carries", "shoulder", "shouldering", "bear", "bearing"},
		{"fight", "fighting", "combat", "battle"},
		{"speak", "speaking", "spoke", "say", "said"},
		{"picture", "photo", "photograph", "image"},
		{"adopt", "pass", "passed", "approve", "endorse"},
		{"keep", "extend", "maintain", "stay"},
		{"press", "push", "urge", "want", "persuade"},
		{"past", "beyond"},
		{"pullout", "withdrawal", "withdraw", "pull"},
		{"cabinet", "minister"},
		{"programme", "program", "show"},
		// The verbs and nouns of everyday news: a user asks with one
		// word, the story uses another.
		{"start", "begin", "launch", "commence", "kick off", "get under way"},
		{"open", "opening", "launch", "inaugurate"},
		{"end", "finish", "conclude", "close", "wrap up"},
		{"raise", "increase", "hike", "rise", "gain", "boost", "jump", "climb"},
		{"cut", "reduce", "lower", "decrease", "drop", "decline", "slash", "fall"},
		{"cost", "price", "spend", "spending", "worth", "expense", "bill"},
		{"oppose", "opposition", "opponent", "opponents", "critic", "critics", "objector"},
		{"win", "won", "beat", "defeat", "victory", "triumph"},
		{"lose", "loss", "defeat", "beaten"},
		{"die", "death", "dead", "kill", "killed", "fatal", "fatality", "toll"},
		{"hurt", "injure", "injured", "injury", "injuries", "wound", "wounded"},
		{"arrest", "detain", "detention", "custody", "charged"},
		{"say", "said", "tell", "state", "announce", "comment"},
		{"buy", "acquire", "acquisition", "purchase", "takeover"},
		{"sell", "sale", "sold", "divest"},
		{"sales", "revenue", "turnover"},
		{"profit", "earnings", "income"},
		{"court", "judge", "judges", "justice", "justices", "tribunal"},
		{"ruling", "decision", "verdict", "judgment", "judgement"},
		{"fan", "fans", "crowd", "spectator", "audience", "attendance"},
		{"goalie", "goaltender", "keeper"},
		{"electricity", "power"},
		{"factory", "plant", "facility", "mill"},
		{"hire", "employ", "hiring", "jobs"},
		{"wage", "wages", "pay", "salary", "salaries", "compensation"},
		{"strike", "walkout", "stoppage"},
		{"deal", "agreement", "contract", "accord", "pact"},
		{"storm", "hurricane", "cyclone", "typhoon"},
		{"flood", "floods", "flooding", "deluge", "inundation"},
		{"rain", "rainfall", "downpour"},
		{"child", "children", "kid", "kids"},
		{"company", "firm", "business"},
		{"seat", "seats", "riding", "ridings", "constituency"},
		{"share", "stock"},
	}
}

// stemGroups maps the stem of every word of groups to the stems of the
// other words of its group.
func (e *Answerer) stemGroups(groups [][]string) map[string][]string {
	syn := make(map[string][]string)
	for _, g := range groups {
		var stems []string
		for _, w := range g {
			ws := e.terms.Terms(w)
			if strings.Contains(w, " ") && len(ws) > 1 {
				ws = []string{strings.Join(ws, " ")} // a phrase: all its stems at once
			}
			for _, s := range ws {
				if !slices.Contains(stems, s) {
					stems = append(stems, s)
				}
			}
		}
		for _, s := range stems {
			for _, o := range stems {
				if o != s && !slices.Contains(syn[s], o) {
					syn[s] = append(syn[s], o)
				}
			}
		}
	}
	return syn
}

// synonymsOf returns the stems that may stand for stem: its synonyms and
// those of its other forms ("paid" is "pay", and so "wage").
func (e *Answerer) synonymsOf(stem string, forms []string) []string {
	syn := slices.Clone(e.synonyms[stem])
	for _, f := range forms {
		for _, o := range e.synonyms[f] {
			if o != stem && !slices.Contains(syn, o) {
				syn = append(syn, o)
			}
		}
	}
	return syn
}

// relations returns the stems of the words a question's word (or
// phrase) may stand for in the coverage: its other forms ("sent" for
// "send"), which count in full, and the words derived from it ("decision"
// for "decide", "Afghanistan" for "Afghan"), which count as
// SynonymCredit, both from the thesaurus (WordNet); and its synonyms of
// synonymGroups.
func (e *Answerer) relations(word string) (forms, syn []string) {
	e.relMu.Lock()
	r, ok := e.rel[word]
	e.relMu.Unlock()
	if ok {
		return r[0], r[1]
	}
	own := map[string]bool{}
	if ts := e.terms.Terms(word); strings.Contains(word, " ") {
		own[strings.Join(ts, " ")] = true // a phrase is one term
	} else {
		for _, st := range ts {
			own[st] = true
		}
	}
	stemOf := func(w string) string {
		ts := e.terms.Terms(w)
		if len(ts) == 0 {
			return ""
		}
		return strings.Join(ts, " ")
	}
	add := func(list []string, w string) []string {
		st := stemOf(w)
		if st == "" || own[st] || slices.Contains(list, st) {
			return list
		}
		return append(list, st)
	}
	if e.th != nil {
		lemmas := e.th.Lemmas(word)
		for _, l := range lemmas {
			forms = add(forms, l)
			for _, f := range e.th.Related(l, thesaurus.Form) {
				forms = add(forms, f)
			}
		}
		for _, l := range lemmas {
			for _, o := range e.th.Related(l, thesaurus.Derived) {
				if st := stemOf(o); st != "" && !slices.Contains(forms, st) {
					syn = add(syn, o)
				}
			}
		}
	}
	for st := range own {
		for _, o := range e.synonymsOf(st, forms) {
			if !own[o] && !slices.Contains(syn, o) && !slices.Contains(forms, o) {
				syn = append(syn, o)
			}
		}
	}
	e.relMu.Lock()
	e.rel[word] = [2][]string{forms, syn}
	e.relMu.Unlock()
	return forms, syn
}

// isDocumentWord reports nouns by which a question asks for a document of
// the coverage ("which address proposed ...", "what story reported ..."):
// the text need not name itself.
func isDocumentWord(w string) bool {
	switch w {
	case "address", "addresses", "message", "messages", "speech", "speeches", "article", "articles",
		"story", "stories", "report", "reports", "document", "documents", "statement", "letter":
		return true
	}
	return false
}

// isPictureWord reports the words, or their stems, of a question about a
// picture.
func isPictureWord(w string) bool {
	switch w {
	case "photo", "photos", "photograph", "photographs", "photographer", "picture", "pictures",
		"pictur", "pictured", "image", "images", "imag", "caption", "photographed":
		return true
	}
	return false
}

// asksAuthor reports whether a question with words asks who wrote or
// edited the story: "which reporter wrote", "who reported the story".
func asksAuthor(words map[string]bool) bool {
	for _, w := range []string{"wrote", "write", "written", "writer", "author", "authored", "byline",
		"reporter", "reporters", "journalist", "journalists", "correspondent", "editor", "edited"} {
		if words[w] {
			return true
		}
	}
	story := words["story"] || words["article"] || words["piece"] || words["report"] || words["dispatch"]
	return story && (words["reported"] || words["filed"])
}

// isAuthorWord reports the words of a question about the author that name
// the writing, not its subject.
func isAuthorWord(w string) bool {
	switch w {
	case "wrote", "write", "written", "writer", "author", "authored", "byline", "reporter",
		"reporters", "journalist", "journalists", "correspondent", "editor", "edited", "reported",
		"filed", "story", "article", "piece", "report", "dispatch", "wire":
		return true
	}
	return false
}

// focus returns the index in q.terms of the term the answer must stand
// next to: the counted noun of "how many", the verb of "when" and
// "where" ("when did France decide"); -1 for none.
func (q questionInfo) focus() int {
	switch q.kind {
	case kindNumber:
		for j, t := range q.terms {
			if t.head {
				return j
			}
		}
	case kindDate, kindPlace:
		return q.verb
	}
	return -1
}

// asksDuration reports whether the question asks for a span of time: "how
// long", "how much time", "how many years".
func asksDuration(toks []textWord) bool {
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].lower != "how" {
			continue
		}
		switch next := toks[i+1].lower; {
		case next == "long":
			return true
		case (next == "much" || next == "many") && i+2 < len(toks) && isTimeUnit(toks[i+2].lower):
			return true
		}
	}
	return false
}

// asksHowMuch reports whether the question asks "how much".
func asksHowMuch(toks []textWord) bool {
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].lower == "how" && toks[i+1].lower == "much" {
			return true
		}
	}
	return false
}

// isMoneyWord reports question words that ask for an amount of money.
func isMoneyWord(w string) bool {
	switch w {
	case "cost", "costs", "costing", "spend", "spent", "spending", "price", "budget", "pay",
		"paid", "worth", "money", "dollars", "funding", "fund", "expensive":
		return true
	}
	return false
}

// isCostWord reports the words of "how much" questions that a sum of
// money answers by itself ("how much will the bridge cost"); "paid" is
// not one, since who is paid matters.
func isCostWord(w string) bool {
	switch w {
	case "cost", "costs", "costing", "price", "priced", "worth", "spend", "spent", "spending", "budget", "expensive":
		return true
	}
	return false
}

// answerKind is what a question asks for.
type answerKind int

const (
	kindAny answerKind = iota
	kindPerson
	kindNumber
	kindDate
	kindPlace
	kindReason
)

func (k answerKind) String() string {
	return [...]string{"any", "person", "number", "date", "place", "reason"}[k]
}

// questionInfo is a question reduced to what it asks for and its key terms.
type questionInfo struct {
	kind   answerKind
	money  bool // a number question about money ("how much does it cost")
	author bool // asks who wrote or reported the story
	photo  bool // asks about a picture: captions answer it
	// duration is set for "how long" and "how much time": a span of time,
	// or since when, answers it, not any figure.
	duration bool
	// verb is the index in terms of the question's main verb ("did France
	// decide", "have been wounded"), or -1; passive, past and negated
	// ("had not decided") describe it.
	verb                   int
	passive, past, negated bool
	// asked is the index in terms of the noun right after "what" or
	// "which" ("what raise did the dockworkers get"), or -1: a sentence
	// holding it, in an article holding the rest, is on the question.
	asked int
	words map[string]bool // its words, lower-cased: a name it holds is not the answer
	// whoVerb is set for "who VERB ...?" ("who directed X"): the answer
	// must say who did it.
	whoVerb bool
	yesno   bool // "Did Canada agree ...?": the evidence for and against answers it
	terms   []qterm
}

// qterm is a key term of a question.
type qterm struct {
	stem   string   // as retrieval.Terms gives it
	prefix string   // the stem as it begins the written word ("februari" -> "februar")
	forms  []string // stems of its irregular forms
	syn    []string // stems of synonyms
	name   bool     // from a proper noun: the passages must hold it
	head   bool     // the noun the question asks about: the passages must hold it or a synonym
	// complement is set on the words of the head's "of" phrase ("the
	// president of Afghanistan"): a sentence must hold one of them with
	// the head to answer.
	complement bool
	weight     float64 // 1, or contextWeight for the setting of the question ("in Afghanistan")
	role       bool    // names the kind of person asked for ("which official"): any title stands for it
	// title is set on an office the question is about ("what did the
	// premier say"): like a name, the answering article must hold it, or
	// a synonym; a premier's words are not anyone's.
	title bool
	// figure is set on a year or number the question states ("in 2018"):
	// the passages must hold it as written.
	figure bool
	// acronym is set on a word written in capitals ("NDP"): the words
	// it abbreviates ("New Democratic Party") stand for it.
	acronym bool
	// amount is set on a word of "how much ... cost" ("cost", "pay"): a
	// sum of money stands for it.
	amount bool
	// when is set on the verb of "when ... start" ("start", "open"): a
	// date stands for it, since it is what the date is of.
	when bool
}

// lightWeight is the weight of a verb that says little ("go", "take"):
// sentences hold such verbs in any sense.
const lightWeight = 0.3

// contextWeight is the weight of the question's terms that only set the
// scene ("What number of troops does France have in Afghanistan?"): the
// answer must be about France; Afghanistan is where most sentences are.
const contextWeight = 0.6

func (e *Answerer) parseQuestion(text string) questionInfo {
	toks := splitWords(text)
	q := questionInfo{kind: questionKind(toks), words: make(map[string]bool)}
	q.money = asksHowMuch(toks) && slices.ContainsFunc(toks, func(w textWord) bool { return isMoneyWord(w.lower) })
	for _, tk := range toks {
		q.words[tk.lower] = true
	}
	q.author = q.kind == kindPerson && asksAuthor(q.words)
	q.duration = asksDuration(toks)
	q.photo = slices.ContainsFunc(toks, func(tk textWord) bool { return isPictureWord(tk.lower) })
	head, of := headNoun(toks)
	complement := make([]bool, len(toks)) // the words of "of Toronto"
	if of >= 0 {
		for k := of; k < len(toks) && !endsNounPhrase(toks[k].lower); k++ {
			complement[k] = true
		}
	}
	index := make(map[string]int) // stem -> position in q.terms
	context := setting(toks)
	verb, passive, past := predicate(toks)
	if head < 0 && verb >= 0 && isLeadVerb(toks[verb].lower) {
		// "Who leads the Canadian army?" asks for the leader of the army:
		// the verb and the noun of its object must go together. A named
		// object ("Who leads Acme?") is what its story is about.
		if obj := lastOfPhrase(toks, verb+1); obj > verb && !toks[obj].upper {
			head = verb
			complement[obj] = true
		}
	}
	q.verb, q.passive, q.past = -1, passive, past
	q.whoVerb = verb == 1 && toks[0].lower == "who"
	q.yesno = isYesNo(toks)
	if q.yesno {
		// "Has France decided where to send its troops?" asks whether,
		// not where: the evidence either way answers it.
		q.kind = kindAny
	}
	q.asked = -1
	asked := askedNoun(toks)
	q.negated = verb >= 0 && negatedAt(toks, verb)
	for i := 0; i < len(toks); i++ {
		tk := toks[i]
		stems, n := e.phraseAt(toks, i)
		surface := ""
		if n > 0 {
			surface = phraseText(toks[i : i+n])
		} else {
			if tk.letters+tk.digits < 2 || questionWord(tk.lower) || markerWord(tk.lower) || q.author && isAuthorWord(tk.lower) ||
				i > 0 && isDocumentWord(tk.lower) && (toks[i-1].lower == "which" || toks[i-1].lower == "what") {
				continue
			}
			stems, n, surface = e.terms.Terms(tk.text), 1, tk.lower
			if w, ok := strings.CutSuffix(tk.lower, "ly"); ok && len(w) > 2 {
				stems = append(stems, e.terms.Terms(w)...) // "newly" is also "new"
			}
		}
		name := isName(toks, i)
		weight := 1.0
		switch {
		case context[i]:
			weight = contextWeight
		case n == 1 && isLightVerb(tk.lower):
			weight = lightWeight // "where French troops go"
		}
		if n > 1 {
			i += n - 1 // the phrase's other words
		}
		for _, st := range stems {
			j, ok := index[st]
			if !ok {
				j = len(q.terms)
				index[st] = j
				prefix := strings.TrimSuffix(st, "i")
				if n > 1 {
					prefix = "" // a phrase is found by its stems, not inside words
				}
				forms, syn := e.relations(surface)
				q.terms = append(q.terms, qterm{
					stem: st, prefix: prefix,
					forms: forms, syn: syn, weight: weight,
				})
			}
			q.terms[j].weight = max(q.terms[j].weight, weight)
			q.terms[j].name = q.terms[j].name || name
			q.terms[j].role = q.terms[j].role || n == 1 && i != head && q.kind == kindPerson && answerNoun(tk.lower) == kindPerson
			q.terms[j].title = q.terms[j].title || slices.ContainsFunc(toks[i-n+1:i+1], func(w textWord) bool { return isOfficeTitle(w.lower) })
			q.terms[j].figure = q.terms[j].figure || n == 1 && tk.digits > 0 && tk.letters == 0
			q.terms[j].acronym = q.terms[j].acronym || n == 1 && tk.allCaps && tk.letters >= 2 && tk.letters <= 6
			q.terms[j].amount = q.terms[j].amount || n == 1 && q.money && isCostWord(tk.lower)
			q.terms[j].when = q.terms[j].when || n == 1 && q.kind == kindDate && isEventVerb(tk.lower)
			for k := i - n + 1; k <= i; k++ {
				q.terms[j].head = q.terms[j].head || k == head
				q.terms[j].complement = q.terms[j].complement || complement[k]
				if k == verb && q.verb < 0 {
					q.verb = j
				}
				if k == asked && q.asked < 0 {
					q.asked = j
				}
			}
		}
	}
	return q
}

// askedNoun returns the index of the noun of "what raise did", "which
// bridge will": a single word between "what" or "which" and the
// auxiliary; -1 for none.
func askedNoun(toks []textWord) int {
	for i := 0; i+2 < len(toks); i++ {
		if w := toks[i].lower; w != "what" && w != "which" {
			continue
		}
		n := toks[i+1]
		if isAuxiliary(toks[i+2].lower) && !isAuxiliary(n.lower) && !questionWord(n.lower) && !markerWord(n.lower) && n.letters >= 3 {
			return i + 1
		}
		return -1
	}
	return -1
}

// predicate finds the main verb of a question, the word that says what
// happened: after "did", "will" and the like the last word of the subject
// and verb ("did France decide to", "will alliance leaders gather in"),
// after "is", "has" and the like the first participle ("have been
// wounded", "is the government planning"). It is -1 for questions with
// none, or with a verb that says little ("did Ottawa say", "has it had").
// passive is set for "were wounded", past for "did", "was" and "has".
func predicate(toks []textWord) (verb int, passive, past bool) {
	aux := -1
	for i, tk := range toks {
		if i > 0 && isAuxiliary(tk.lower) {
			aux = i
			break
		}
	}
	if len(toks) > 1 && toks[0].lower == "who" && !isAuxiliary(toks[1].lower) && !toks[1].upper {
		// "Who leads the army?": the verb follows "who".
		if isLightVerb(toks[1].lower) {
			return -1, false, false
		}
		return 1, false, strings.HasSuffix(toks[1].lower, "ed")
	}
	if aux < 0 {
		return -1, false, false
	}
	a := toks[aux].lower
	past = a == "did" || a == "was" || a == "were" || a == "has" || a == "have" || a == "had"
	verb = -1
	// After "did", "will" and the like the verb is a base form after the
	// subject; after "is" and "has" a participle.
	doSupport := !isCopula(a) && a != "has" && a != "have" && a != "had"
	started := false // past the determiners that open the subject
	for k := aux + 1; k < len(toks); k++ {
		w := toks[k].lower
		if w == "been" || w == "being" || w == "be" {
			passive = passive || !isModal(a) // "might be shifted" is no fact to count
			doSupport, verb = false, -1      // "will the summit be held"
			continue
		}
		if !started && (isDeterminer(w) || isPossessive(w)) {
			continue // "did the US ask", "is the government planning"
		}
		started = true
		if w == "of" && doSupport || toks[k].upper {
			continue // "does a barrel of oil cost", "did the US ask"
		}
		if doSupport && isLightVerb(w) {
			verb = k // "did the alliance chief say"
			break
		}
		if endsNounPhrase(w) || isDeterminer(w) || isQuantifier(w) || w == "but" || questionWord(w) && !isParticiple(w) {
			break
		}
		if toks[k].upper || toks[k].letters < 2 {
			continue
		}
		if doSupport {
			// The last word of the subject and verb that does not look
			// like a noun: "did Canadian lawmakers adopt", "did Ottawa
			// dispatch senior officials", "will alliance leaders gather".
			next := ""
			if k+1 < len(toks) {
				next = toks[k+1].lower
			}
			lastOfRun := next == "" || endsNounPhrase(next) || isDeterminer(next) || isQuantifier(next)
			if !looksLikeNoun(w, lastOfRun) && !isParticiple(w) {
				verb = k
			}
			continue
		}
		if isParticiple(w) || isIrregularParticiple(w) {
			if !isLightVerb(w) {
				verb = k
			}
			break
		}
	}
	if verb < 0 || isLightVerb(toks[verb].lower) {
		return -1, false, past
	}
	w := toks[verb].lower
	// "were wounded", "have been wounded": a participle after "be".
	passive = (passive || isCopula(a)) && !doSupport && !isModal(a) && !strings.HasSuffix(w, "ing") && (isParticiple(w) || isIrregularParticiple(w))
	return verb, passive, past
}

// isQuantifier reports words that end a question's subject and verb:
// "cost each year".
// isOfficeTitle reports the titles of offices a question may ask about
// ("the premier", "the mayor"): one held by nobody in the coverage means
// the coverage does not hold the answer.
func isOfficeTitle(w string) bool {
	switch strings.TrimSuffix(w, "s") {
	case "premier", "mayor", "president", "minister", "chancellor", "governor", "senator",
		"king", "queen", "ambassador", "commander", "councillor", "councilor", "coach", "pope",
		"prince", "princes", "sheriff", "judge", "ceo", "spokesperson", "spokesman", "spokeswoman":
		return true
	}
	return false
}

// isEventVerb reports the verbs of "when" questions whose answer is the
// date itself: "when will construction start" is answered by
// "construction in 2026".
func isEventVerb(w string) bool {
	switch w {
	case "start", "starts", "started", "begin", "begins", "began", "open", "opens", "opened",
		"launch", "launches", "launched", "end", "ends", "ended", "finish", "finishes", "finished",
		"close", "closes", "closed", "conclude", "concludes", "concluded", "happen", "happens",
		"occur", "occurs", "occurred", "resume", "resumes", "resumed":
		return true
	}
	return false
}

// isLeadVerb reports verbs that ask for the leader of something: "who
// leads", "who heads", "who runs".
func isLeadVerb(w string) bool {
	switch w {
	case "lead", "leads", "led", "head", "heads", "headed", "run", "runs", "ran", "command",
		"commands", "commanded", "chair", "chairs", "chaired", "govern", "governs", "rule", "rules":
		return true
	}
	return false
}

func isModal(w string) bool {
	switch w {
	case "will", "would", "can", "could", "should", "might", "may", "must", "shall":
		return true
	}
	return false
}

func isQuantifier(w string) bool {
	switch w {
	case "each", "every", "per", "any", "all":
		return true
	}
	return false
}

// looksLikeNoun guesses from its ending whether w, in a question's
// subject, is a noun or adjective rather than the verb that follows: a
// plural ("lawmakers"), a noun suffix ("mission", "government"), or -er
// and -or unless last before the object ("minister say" but "leaders
// gather in").
func looksLikeNoun(w string, lastOfRun bool) bool {
	if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		return true
	}
	for _, suf := range []string{"tion", "sion", "ment", "ness", "ity", "ship", "ence", "ance", "ism", "ist", "ian", "ese", "ary", "ory", "al", "ic", "ive", "ous", "ful"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	if (strings.HasSuffix(w, "er") || strings.HasSuffix(w, "or")) && !lastOfRun {
		return true
	}
	switch w {
	case "still", "also", "now", "ever", "already", "just", "even", "only", "again", "first",
		"finally", "elsewhere", "really", "actually", "each", "every", "all", "both", "most",
		"not", "never", "some", "any", "many", "few", "several", "more", "other", "new":
		return true
	}
	return false
}

func isPossessive(w string) bool {
	switch w {
	case "its", "his", "her", "their", "our", "your", "my", "this", "these", "those", "that":
		return true
	}
	return false
}

func isAuxiliary(w string) bool {
	switch w {
	case "did", "does", "do", "has", "have", "had", "is", "are", "was", "were", "will", "would",
		"can", "could", "should", "might", "may", "must", "shall":
		return true
	}
	return false
}

// isIrregularParticiple reports participles without -ed ("sent", "lost").
func isIrregularParticiple(w string) bool {
	switch w {
	case "sent", "lost", "held", "made", "taken", "left", "gone", "given", "paid", "brought",
		"fought", "spoken", "begun", "known", "sought", "struck", "fallen", "risen", "chosen",
		"kept", "seen", "built", "bought", "caught", "found", "heard", "shot", "written",
		"driven", "flown", "grown", "meant", "sold", "spent", "thrown", "withdrawn", "hit",
		"hurt", "cut", "put", "set", "won", "led", "met", "told", "said", "done", "had", "been":
		return true
	}
	return false
}

// isLightVerb reports verbs that say too little to be required of an
// answer: "when did Ottawa say", "since when has Canada had".
func isLightVerb(w string) bool {
	switch w {
	case "be", "is", "are", "was", "were", "been", "being", "have", "has", "had", "having",
		"do", "does", "did", "done", "doing", "say", "says", "said", "saying", "tell", "told",
		"get", "got", "gotten", "getting", "make", "made", "making", "take", "took", "taken",
		"taking", "go", "went", "gone", "going", "come", "came", "coming", "happen", "happened",
		"happening", "give", "gave", "given", "put", "let", "become", "became", "hold", "held",
		"holding", "expected", "planned", "scheduled", "due", "set", "see", "seen", "mean", "meant",
		"report", "reported":
		return true
	}
	return false
}

// isPresenceVerb reports participles that only place what is counted
// ("how many troops are deployed", "were stationed"): a head count "in
// Kandahar" answers them without the verb.
func isPresenceVerb(w string) bool {
	for _, p := range []string{"deploy", "station", "base", "post", "sent", "assign", "serv", "locat", "house", "keep", "kept", "remain", "stay", "involv", "employ", "regist", "enrol", "count", "expect", "estimat", "report", "believ", "thought"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// phraseAt returns the stems of the phrase the thesaurus knows that
// starts at toks[i] ("head of state", "prime minister"), as one term, and
// how many words it takes; n is 0 when none starts there.
func (e *Answerer) phraseAt(toks []textWord, i int) (stems []string, n int) {
	for n := min(4, len(toks)-i); n >= 2; n-- {
		phrase := phraseText(toks[i : i+n])
		key := strings.Join(e.terms.Terms(phrase), " ")
		if strings.Contains(key, " ") && e.synonyms[key] != nil {
			return []string{key}, n
		}
	}
	return nil, 0
}

// phraseText is the lower-cased words of toks, space-separated.
func phraseText(toks []textWord) string {
	ws := make([]string, len(toks))
	for i, tk := range toks {
		ws[i] = tk.lower
	}
	return strings.Join(ws, " ")
}

// setting marks the words of the question's place and time phrases: "in
// southern Afghanistan", "in Kandahar", "according to the 2009 report". Such
// a phrase ends with the question, at a word that ends a noun phrase, or
// after a name ("in Kandahar end").
func setting(toks []textWord) []bool {
	marks := make([]bool, len(toks))
	for i := 0; i < len(toks); i++ {
		switch toks[i].lower {
		case "in", "at", "on", "during", "near", "inside", "within", "across", "since", "according":
		default:
			continue
		}
		start := i
		for k := i + 1; k < len(toks); k++ {
			w := toks[k]
			if w.lower == "to" && toks[i].lower == "according" {
				continue
			}
			if endsNounPhrase(w.lower) || questionWord(w.lower) && w.lower != "the" && w.lower != "a" && w.lower != "an" {
				break
			}
			if k > start+1 && !w.upper && toks[k-1].upper {
				if isDeterminer(toks[start+1].lower) {
					// "in the Acme fire": a name that tells which
					// event, not where.
					for m := start + 1; m < k; m++ {
						marks[m] = false
					}
				}
				break
			}
			marks[k] = true
			i = k
		}
	}
	return marks
}

// headNoun returns the index in toks of the noun the question asks about
// ("the population of Toronto", "how many soldiers", "who is the NATO
// spokesperson"), or -1 when it has none that the passages must hold: a
// marker ("what year"), a vague noun ("what is France's position"), or a
// noun that only names the kind of answer ("which official spoke", "what
// danger did he see"), which the text need not spell out. of is the index
// of the first word of its "of" complement ("of Toronto"), or -1.
func headNoun(toks []textWord) (head, of int) {
	head = -1
	for i, tk := range toks {
		next := ""
		if i+1 < len(toks) {
			next = toks[i+1].lower
		}
		switch {
		case tk.lower == "how" && (next == "many" || next == "much"):
			head = lastOfPhrase(toks, i+2)
		case tk.lower == "how" && (next == "large" || next == "big" || next == "strong") && i+2 < len(toks) && isCopula(toks[i+2].lower):
			head = lastOfPhrase(toks, i+3)
		case (tk.lower == "what" || tk.lower == "which" || tk.lower == "who") && isCopula(next):
			if i+2 < len(toks) && isParticiple(toks[i+2].lower) {
				return -1, -1 // "who is credited with", "what is expected": a verb
			}
			head = lastOfPhrase(toks, i+2)
		case tk.lower == "name" || tk.lower == "identify":
			head = lastOfPhrase(toks, i+1)
		case tk.lower == "what" || tk.lower == "which" || tk.lower == "who" || tk.lower == "how":
			return -1, -1
		default:
			continue
		}
		break
	}
	if head > 0 && len(retrieval.Terms(toks[head].text)) == 0 && toks[head-1].end == toks[head].start-1 {
		head-- // "runner-up": the particle of a compound is no noun
	}
	if head < 0 || markerWord(toks[head].lower) || vagueNoun(toks[head].lower) || toks[head].letters < 2 {
		return -1, -1
	}
	of = -1
	if head+2 < len(toks) && toks[head+1].lower == "of" {
		of = head + 2
		for of < len(toks)-1 && isDeterminer(toks[of].lower) {
			of++
		}
	}
	return head, of
}

// lastOfPhrase returns the last word of the noun phrase starting at
// toks[i], or -1 when none starts there.
func lastOfPhrase(toks []textWord, i int) int {
	last := -1
	for k := i; k < len(toks) && !endsNounPhrase(toks[k].lower); k++ {
		w := toks[k]
		// A verb after a plural noun ends the phrase: "how many
		// ministers attended the talks".
		if last >= 0 && !w.upper && strings.HasSuffix(toks[last].lower, "s") && !looksLikeNoun(w.lower, true) {
			break
		}
		switch {
		case w.letters+w.digits < 2, isDeterminer(w.lower):
		default:
			last = k
		}
	}
	return last
}

// isParticiple guesses whether w is a verb form ("credited", "leading")
// rather than a noun; nouns in -ing/-ed that questions ask about are rare.
func isParticiple(w string) bool {
	return len(w) > 4 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing"))
}

func isDeterminer(w string) bool {
	return w == "the" || w == "a" || w == "an"
}

func isCopula(w string) bool {
	return w == "is" || w == "are" || w == "was" || w == "were"
}

// vagueNoun reports nouns a question may ask about that the coverage
// seldom spells out ("France's position", "the latest").
func vagueNoun(w string) bool {
	switch w {
	case "position", "positions", "view", "views", "stance", "role", "plan", "plans",
		"reaction", "response", "status", "situation", "opinion", "latest", "news",
		"story", "issue", "problem", "point", "thing", "things", "deal", "outcome",
		"result", "idea", "message", "goal", "aim", "policy", "difference", "state":
		return true
	}
	return false
}

// endsNounPhrase reports whether w ends the noun phrase a question asks
// about: a preposition, an auxiliary or a wh-word.
func endsNounPhrase(w string) bool {
	switch w {
	case "of", "in", "on", "at", "to", "for", "by", "with", "about", "from", "like", "as",
		"and", "or", "that", "who", "whom", "which", "what", "when", "where", "why", "how",
		"is", "are", "was", "were", "will", "would", "can", "could", "should", "has", "have",
		"had", "do", "does", "did", "might", "may", "must", "according", "since", "during",
		"per", "after", "before", "under", "over", "into", "than", "be", "been", "there":
		return true
	}
	return false
}

// isName reports whether toks[i] is a proper noun the coverage must
// mention for the question to be answerable: a capitalised word inside the
// question, or an acronym anywhere. Short acronyms (PM, US) are too often
// spelled out in the text to be required, as are titles (Mr, Dr).
func isName(toks []textWord, i int) bool {
	tk := toks[i]
	if !tk.upper || tk.letters < 3 || isHonorific(tk.lower) || answerNoun(tk.lower) != kindAny {
		return false
	}
	if i == 0 {
		return tk.allCaps
	}
	return true
}

func isHonorific(w string) bool {
	switch w {
	case "mr", "mrs", "ms", "dr", "sir", "gen", "lt", "col", "sgt", "prof", "rev", "st":
		return true
	}
	return false
}

// questionWord reports whether w only shapes the question and says nothing
// about its subject.
func questionWord(w string) bool {
	switch w {
	case "who", "whom", "whose", "what", "which", "when", "where", "why", "how", "whereabouts",
		"many", "much", "name", "according", "tell", "me", "us", "please", "list", "identify",
		"give", "describe", "explain", "does", "did", "do", "is", "are", "was", "were", "will",
		"would", "can", "could", "should", "has", "have", "had", "the", "a", "an", "of", "in",
		"on", "at", "to", "for", "by", "with", "about", "from", "as", "and", "or", "that",
		"this", "these", "those", "there", "it", "its", "be", "been", "being", "so", "far",
		"exactly", "currently", "now", "say", "says", "said", "happen", "happened":
		return true
	}
	return false
}

// markerWord reports whether w only names the kind of answer wanted
// ("what year", "which city", "the number of") and so need not occur in
// the passages.
func markerWord(w string) bool {
	switch w {
	case "number", "amount", "count", "total", "figure", "percentage", "numerous", "long",
		"year", "date", "day", "month", "time", "week", "place", "location", "venue", "site",
		"city", "country", "town", "region", "province", "reason", "reasons", "cause",
		"purpose", "motive", "next", "last", "upcoming", "previous", "size", "strength", "name",
		"names":
		return true
	}
	return false
}

// answerNoun returns what a question asks for when it names it with w
// ("which official", "what year", "the size of").
func answerNoun(w string) answerKind {
	switch w {
	case "official", "officials", "minister", "person", "people", "leader", "spokesperson",
		"spokesman", "spokeswoman", "diplomat", "president", "chancellor", "secretary",
		"politician", "reporter", "journalist", "man", "woman", "commander", "ambassador",
		"author", "boss", "chief", "head", "cabinet", "representative", "envoy", "negotiator",
		"lawmaker", "general", "name":
		return kindPerson
	case "city", "country", "place", "town", "region", "province", "capital", "location",
		"venue", "area", "site":
		return kindPlace
	case "year", "date", "day", "month", "time", "deadline", "week":
		return kindDate
	case "number", "amount", "size", "count", "total", "figure", "percentage", "strength",
		"population", "large", "big", "long", "strong", "numerous":
		return kindNumber
	case "reason", "reasons", "cause", "purpose", "motive", "why":
		return kindReason
	}
	return kindAny
}

// questionKind finds what the question asks for: the first wh-word
// decides, and "what"/"which"/"name" look at the noun that follows.
func questionKind(toks []textWord) answerKind {
	for i, tk := range toks {
		switch tk.lower {
		case "who", "whom", "whose":
			return kindPerson
		case "when":
			return kindDate
		case "where", "whereabouts":
			return kindPlace
		case "why":
			return kindReason
		case "how":
			if i+1 < len(toks) {
				switch toks[i+1].lower {
				case "many", "much", "large", "big", "strong", "long", "far", "few", "numerous", "old", "often":
					return kindNumber
				case "soon", "late", "early":
					return kindDate
				}
			}
			return kindAny
		case "what", "which", "name", "identify":
			// The noun phrase right after: "what year", "which Canadian
			// defence minister", "what is the size"; "what did X say"
			// names no kind.
			k := i + 1
			if k < len(toks) && isCopula(toks[k].lower) {
				k++
			}
			for ; k < min(len(toks), i+7) && !endsNounPhrase(toks[k].lower); k++ {
				if kind := answerNoun(toks[k].lower); kind != kindAny {
					return kind
				}
			}
			return kindAny
		}
	}
	// No wh-word ("Tell me the size of ..."): the first answer noun decides.
	for _, tk := range toks {
		if k := answerNoun(tk.lower); k != kindAny {
			return k
		}
	}
	return kindAny
}
