package retrieval

import (
	"context"
	"maps"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
)

// Words that keep company in the coverage. A reader names things as the
// story's world does, not as the answering sentence does: "the walkout"
// for a strike one outlet calls a walkout and another a strike, "money
// from Velsberg" for the national government's grant. No dictionary knows
// that Velsberg is where that government sits; the coverage does, because
// the two are written together. Associations learns it from the index's
// own text, by positive pointwise mutual information over sentences:
// words seen in the same sentences more often than chance would put them
// there.
//
// The statistics are kept per article, so that a sync that adds, changes
// or removes a few files reads only those; a search uses whichever
// snapshot is ready and never waits for one being made.

// Associate is a term that keeps company with another, and how strongly:
// Strength is in (0, 1], 1 for terms that only ever occur together.
type Associate struct {
	Term     string
	Strength float64
}

// Association thresholds. A small coverage (a handful of articles) has a
// few hundred sentences, where one shared sentence is chance, so a pair
// must share at least assocMinPair sentences, of at least assocMinArticles
// articles, and be written together at least assocMinLift times more
// often than chance. Two articles, because a pair one article writes
// together twice may be that article's phrase ("the walkout ended ... 5
// percent"); a pair two reports write together is the story's world ("a
// walkout" and "the strike" in the wire copy and in the local paper).
const (
	assocMinPair     = 2
	assocMinArticles = 2
	assocMinLift     = 2.0 // PMI of log(2): twice as often as chance
	assocTop         = 8   // associates kept per term
)

// Associations are the co-occurrence statistics of a coverage's
// sentences: which terms (as Terms gives them) share sentences. It is
// immutable once made and safe for concurrent use.
type Associations struct {
	id    map[string]int32
	terms []string
	df    []int32   // sentences holding each term
	post  [][]int32 // term -> the sentences holding it
	art   []int32   // sentence -> its article
	off   []int32   // sentence i's terms are ctx[off[i]:off[i+1]]
	ctx   []int32
	memo  sync.Map // term -> []Associate
}

// NewAssociations returns the associations of the articles given, each
// as its sentences, each sentence as its distinct terms.
func NewAssociations(articles ...[][]string) *Associations {
	var d termDict
	ids := make([][][]int32, len(articles))
	for i, art := range articles {
		ids[i] = d.ids(art)
	}
	return newAssociations(&d, ids)
}

// termDict numbers terms. An Index keeps one across remakings, so that an
// article's sentences are kept as numbers, read once; it only grows,
// by the words of the articles read since.
type termDict struct {
	id    map[string]int32
	terms []string
}

// ids returns sentences as term numbers, numbering new terms.
func (d *termDict) ids(sentences [][]string) [][]int32 {
	if d.id == nil {
		d.id = make(map[string]int32)
	}
	out := make([][]int32, len(sentences))
	for i, s := range sentences {
		out[i] = make([]int32, len(s))
		for j, t := range s {
			id, ok := d.id[t]
			if !ok {
				id = int32(len(d.terms))
				d.id[t] = id
				d.terms = append(d.terms, t)
			}
			out[i][j] = id
		}
	}
	return out
}

// newAssociations makes the statistics of articles of distinct term
// numbers of d; they keep a copy of d as it is now.
func newAssociations(d *termDict, articles [][][]int32) *Associations {
	a := &Associations{id: maps.Clone(d.id), terms: slices.Clip(d.terms), off: make([]int32, 1)}
	a.df = make([]int32, len(a.terms))
	for ai, sentences := range articles {
		for _, s := range sentences {
			for _, t := range s {
				a.df[t]++
			}
			a.ctx = append(a.ctx, s...)
			a.off = append(a.off, int32(len(a.ctx)))
			a.art = append(a.art, int32(ai))
		}
	}
	// Each term's sentences, in one array cut by term.
	flat := make([]int32, len(a.ctx))
	a.post = make([][]int32, len(a.terms))
	at := int32(0)
	for t, n := range a.df {
		a.post[t] = flat[at : at : at+n]
		at += n
	}
	for s := range len(a.off) - 1 {
		for _, t := range a.ctx[a.off[s]:a.off[s+1]] {
			a.post[t] = append(a.post[t], int32(s))
		}
	}
	return a
}

// Sentences returns how many sentences the statistics were made from.
func (a *Associations) Sentences() int {
	if a == nil {
		return 0
	}
	return len(a.off) - 1
}

// Of returns the terms that keep company with term, strongest first: those
// sharing at least assocMinPair sentences with it, assocMinLift times more
// often than chance. Numbers have no associates and are none: a figure is
// a fact to be met, never a word's company.
func (a *Associations) Of(term string) []Associate {
	if a == nil || isNumberTerm(term) {
		return nil
	}
	if v, ok := a.memo.Load(term); ok {
		return v.([]Associate)
	}
	out := a.compute(term)
	a.memo.Store(term, out)
	return out
}

func (a *Associations) compute(term string) []Associate {
	id, ok := a.id[term]
	if !ok || a.df[id] < assocMinPair {
		return nil
	}
	type pair struct {
		sentences, articles, last int32
	}
	count := make(map[int32]*pair)
	for _, s := range a.post[id] {
		for _, o := range a.ctx[a.off[s]:a.off[s+1]] {
			if o == id {
				continue
			}
			p := count[o]
			if p == nil {
				p = &pair{last: -1}
				count[o] = p
			}
			p.sentences++
			if p.last != a.art[s] {
				p.articles++
				p.last = a.art[s]
			}
		}
	}
	n := float64(a.Sentences())
	da := float64(a.df[id])
	var out []Associate
	for o, p := range count {
		c := p.sentences
		if c < assocMinPair || p.articles < assocMinArticles || isNumberTerm(a.terms[o]) {
			continue
		}
		db := float64(a.df[o])
		lift := float64(c) * n / (da * db)
		if lift < assocMinLift {
			continue
		}
		// Normalised PMI (Bouma 2009) is 1 for terms never apart and
		// falls to 0 at chance; it does not favour rare pairs the way
		// raw PMI does, which matters where every count is small.
		// Discounting the joint count by a half damps pairs seen only
		// twice.
		p := (float64(c) - 0.5) / n
		npmi := math.Log(p*n*n/(da*db)) / -math.Log(p)
		if npmi <= 0 {
			continue
		}
		// Shrunk by the evidence: two shared sentences say less than
		// twenty.
		conf := float64(c) / float64(c+1)
		out = append(out, Associate{Term: a.terms[o], Strength: min(npmi*conf, 1)})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Strength != out[j].Strength {
			return out[i].Strength > out[j].Strength
		}
		return out[i].Term < out[j].Term
	})
	if len(out) > assocTop {
		out = out[:assocTop]
	}
	return slices.Clip(out)
}

// Strength returns how strongly the terms x and y keep company: the
// strength of y among x's associates or of x among y's, whichever is
// more, 0 when neither is.
func (a *Associations) Strength(x, y string) float64 {
	var s float64
	for _, as := range a.Of(x) {
		if as.Term == y {
			s = as.Strength
		}
	}
	for _, as := range a.Of(y) {
		if as.Term == x {
			s = max(s, as.Strength)
		}
	}
	return s
}

// Expansion is a term a search adds to its keyword query because the
// query's terms keep company with it, and the weight of its BM25 score.
type Expansion struct {
	Term   string
	Weight float64
}

// Expansion weights: an added term counts for at most expandWeight of a
// term of the query, and only associates at least expandMin strong are
// added, at most expandPerTerm for each query term and expandMax in all.
const (
	expandWeight  = 0.3
	expandMin     = 0.35
	expandPerTerm = 2
	expandMax     = 6
)

// DefaultExpandMinSentences is the least coverage, in sentences (some
// hundred articles), whose associations a search uses by default. In a
// smaller one a word's company is the few sentences it is written in:
// the story's names and topic words ("chair" with the chair's name,
// "staff" with the county the company hires from), which the query
// reaches anyway, so that adding them only reshuffles passages the
// answerer weighs alike (on the team's sets of 5 to 8 articles, recall@1
// moved by a question either way on most sets).
const DefaultExpandMinSentences = 2000

// Expand returns the terms that keep company with the query's terms and
// are not among them, for a search to add at a fraction of their weight;
// none when the associations rest on fewer than minSentences sentences.
func (a *Associations) Expand(query []string, minSentences int) []Expansion {
	if a == nil || a.Sentences() < minSentences {
		return nil
	}
	best := make(map[string]float64)
	var order []string
	for _, t := range query {
		n := 0
		for _, as := range a.Of(t) {
			if n == expandPerTerm || as.Strength < expandMin {
				break
			}
			if slices.Contains(query, as.Term) {
				continue
			}
			n++
			if _, ok := best[as.Term]; !ok {
				order = append(order, as.Term)
			}
			best[as.Term] = max(best[as.Term], as.Strength)
		}
	}
	sort.SliceStable(order, func(i, j int) bool { return best[order[i]] > best[order[j]] })
	if len(order) > expandMax {
		order = order[:expandMax]
	}
	out := make([]Expansion, len(order))
	for i, t := range order {
		out[i] = Expansion{Term: t, Weight: expandWeight * best[t]}
	}
	return out
}

// isNumberTerm reports a term that is a figure ("2008", "43000").
func isNumberTerm(t string) bool {
	return t != "" && isASCIIDigit(t[0])
}

// sentenceTerms returns the distinct terms of each sentence of an article,
// its headline first.
func (an *Analyzer) sentenceTerms(a *Article) [][]string {
	var out [][]string
	add := func(text string) {
		ts := an.Terms(text)
		slices.Sort(ts)
		ts = slices.Compact(ts)
		if len(ts) > 1 {
			out = append(out, slices.Clip(ts))
		}
	}
	body := a.Text
	if a.Title != "" && !strings.HasPrefix(strings.TrimSpace(body), a.Title) {
		add(a.Title)
	}
	for _, sp := range SplitSentences(body) {
		add(body[sp.Start:sp.End])
	}
	return out
}

// assocCache keeps the sentence terms of each indexed article, by source
// and content hash, and the associations made from them at a store
// generation.
type assocCache struct {
	assocMu   sync.Mutex // held while the statistics are remade
	assocArt  map[string]assocArticle
	assocDict termDict
	assocGen  uint64
	assocNow  sync.Mutex // guards assoc, for readers that do not wait
	assoc     *Associations
	// A large coverage's statistics are remade in the background (see
	// Associations); Close stops that and waits for it.
	assocStop    context.CancelFunc
	assocClosed  bool
	assocPending bool // a remaking is waiting or running in the background
	assocBG      sync.WaitGroup
}

type assocArticle struct {
	hash      string
	sentences [][]int32 // distinct term numbers (assocDict) of each
}

// assocLazyPassages is the largest coverage, in passages, whose
// associations a question waits for when they are missing or stale (a
// few tens of milliseconds of reading); a larger one's are remade in the
// background, and its questions meanwhile use the last ones made, or
// none: reading all of a large coverage again would make a one-off `ask`
// take seconds. A sync that changed the index remakes them at once.
const assocLazyPassages = 3000

// assocDelay is how long after a question a large coverage's statistics
// begin to be remade in the background: a one-off `ask` has closed the
// index by then and pays nothing, a server has them for its next
// questions.
const assocDelay = 2 * time.Second

// Associations returns the co-occurrence statistics of the coverage as
// indexed now, remade after the index changed, reading only the
// articles added or changed since. Searches and answers call it for
// every question: it does not wait for a remaking in progress, and for a
// large coverage (see assocLazyPassages) it starts one in the background
// and returns the last statistics made, or nil.
func (ix *Index) Associations() *Associations {
	ctx, cancel := context.WithTimeout(context.Background(), statTimeout)
	defer cancel()
	if _, passages, err := ix.store.Counts(ctx, ix.model); err == nil && passages <= assocLazyPassages {
		if ix.assocMu.TryLock() {
			defer ix.assocMu.Unlock()
			return ix.refreshAssociations(ctx)
		}
		return ix.lastAssociations()
	}
	ix.assocNow.Lock()
	defer ix.assocNow.Unlock()
	if ix.assocClosed || ix.assocPending {
		return ix.assoc
	}
	// One remaking waits at a time, without the lock, so that a sync
	// meanwhile remakes them at once.
	bg, stop := context.WithCancel(context.Background())
	ix.assocStop, ix.assocPending = stop, true
	ix.assocBG.Add(1)
	go func() {
		defer ix.assocBG.Done()
		defer stop()
		select {
		case <-time.After(assocDelay):
			ix.UpdateAssociations(bg)
		case <-bg.Done():
		}
		ix.assocNow.Lock()
		ix.assocPending = false
		ix.assocNow.Unlock()
	}()
	return ix.assoc
}

// UpdateAssociations remakes the statistics now if the index changed
// since they were made, waiting for a remaking in progress, and returns
// them. A sync that changed the index calls it.
func (ix *Index) UpdateAssociations(ctx context.Context) *Associations {
	ix.assocMu.Lock()
	defer ix.assocMu.Unlock()
	return ix.refreshAssociations(ctx)
}

// lastAssociations returns the statistics as last made, or nil.
func (ix *Index) lastAssociations() *Associations {
	ix.assocNow.Lock()
	defer ix.assocNow.Unlock()
	return ix.assoc
}

// closeAssociations stops a remaking in the background and waits for it.
func (ix *Index) closeAssociations() {
	ix.assocNow.Lock()
	ix.assocClosed = true
	if ix.assocStop != nil {
		ix.assocStop()
	}
	ix.assocNow.Unlock()
	ix.assocBG.Wait()
}

// refreshAssociations brings the statistics up to date; the caller holds
// assocMu.
func (ix *Index) refreshAssociations(ctx context.Context) *Associations {
	gen, err := ix.store.Generation(ctx)
	if err != nil {
		ix.log.Warn("checking the index generation", "err", err)
		return ix.assoc
	}
	if ix.assoc != nil && gen == ix.assocGen {
		return ix.assoc
	}
	states, err := ix.store.Manifest(ctx)
	if err != nil {
		ix.log.Warn("reading the index for word associations", "err", err)
		return ix.assoc
	}
	corpus, _ := ix.corpus.Load().(string)
	var cdir *corpusDir
	if corpus != "" {
		if cdir, err = openCorpus(corpus); err != nil {
			ix.log.Warn("reading the corpus for word associations", "err", err)
			return ix.assoc
		}
		defer cdir.Close()
	}
	if ix.assocArt == nil {
		ix.assocArt = make(map[string]assocArticle)
	}
	live := make(map[string]bool, len(states))
	var stale []FileState
	for _, st := range states {
		if st.Model != ix.model {
			continue
		}
		live[st.Source] = true
		if ix.assocArt[st.Source].hash != st.Hash {
			stale = append(stale, st)
		}
	}
	for src := range ix.assocArt {
		if !live[src] {
			delete(ix.assocArt, src)
		}
	}
	fresh := make([][][]string, len(stale))
	if cdir != nil {
		parallel(len(stale), func(i int) {
			if ctx.Err() != nil {
				return
			}
			data, err := cdir.ReadFile(stale[i].Source)
			if err != nil {
				return // gone since: the next sync removes it
			}
			art, err := ParseArticle(stale[i].Source, data)
			if err != nil {
				return
			}
			fresh[i] = ix.terms.sentenceTerms(art)
		})
	}
	if ctx.Err() != nil {
		return ix.assoc // stopped: what was read is not kept
	}
	for i, st := range stale {
		a := assocArticle{sentences: ix.assocDict.ids(fresh[i])}
		if fresh[i] != nil {
			a.hash = st.Hash // else unread: read again next time
		}
		ix.assocArt[st.Source] = a
	}
	sources := make([]string, 0, len(ix.assocArt))
	for src := range ix.assocArt {
		sources = append(sources, src)
	}
	slices.Sort(sources) // the same statistics whatever the map's order
	all := make([][][]int32, len(sources))
	for i, src := range sources {
		all[i] = ix.assocArt[src].sentences
	}
	as := newAssociations(&ix.assocDict, all)
	ix.assocNow.Lock()
	ix.assoc, ix.assocGen = as, gen
	ix.assocNow.Unlock()
	return as
}
