package retrieval

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/sashabaranov/go-openai"
)

// Embedder turns texts into vectors. Implementations must be safe for
// concurrent use and return one L2-normalised vector per text, all of the
// same dimension.
type Embedder interface {
	// ID names the embedder, its model and its dimension, e.g.
	// "builtin:hash-v1:384" or "openai:text-embedding-3-small". An index built
	// by one ID is never mixed with vectors from another.
	ID() string
	Embed(ctx context.Context, texts []string) ([][]float32, error)
}

// DefaultHashDim is the dimension of a HashEmbedder made with dim 0.
const DefaultHashDim = 384

// Relative weights of the HashEmbedder's features. Whole words carry the
// topic; bigrams add a little phrase order ("prime minister"); character
// n-grams let inflections and run-together words ("peacekeepingmission")
// meet their parts without dominating exact word matches.
const (
	hashUnigramWeight = 1.0
	hashBigramWeight  = 0.5
	hashCharWeight    = 1.0
	hashMinGram       = 3
	hashMaxGram       = 5
)

// HashEmbedder is the built-in, offline Embedder: it needs no model and no
// corpus statistics. A text becomes a feature-hashed bag of its stemmed words
// (see Terms), word bigrams and character 3- to 5-grams of each word, with
// sublinear term frequency, L2-normalised. Equal texts always give equal
// vectors, across runs and machines.
//
// It captures shared vocabulary and spelling, not meaning: "troops" meets
// "troop" and "peacekeeping mission" meets "peacekeepingmission", but "car"
// does not meet "automobile".
type HashEmbedder struct {
	dim      int
	analyzer *Analyzer
	common   map[string]bool // stems of very common content words; read-only
}

// NewHashEmbedder returns a HashEmbedder of dimension dim; dim <= 0 means
// DefaultHashDim.
func NewHashEmbedder(dim int) *HashEmbedder {
	if dim <= 0 {
		dim = DefaultHashDim
	}
	e := &HashEmbedder{dim: dim, analyzer: NewAnalyzer(), common: make(map[string]bool)}
	for _, w := range commonWords() {
		e.common[analyzeWord(w).term] = true
	}
	return e
}

// ID returns "builtin:hash-v1:" followed by the dimension.
func (e *HashEmbedder) ID() string { return "builtin:hash-v1:" + strconv.Itoa(e.dim) }

// Dim returns the dimension of the vectors.
func (e *HashEmbedder) Dim() int { return e.dim }

// Embed returns one unit vector per text, computed in parallel on
// runtime.GOMAXPROCS workers. A text without index terms (empty, punctuation,
// stop words only) gets the fixed unit vector (1, 0, ..., 0): a zero vector
// is not an option, because chromem-go v0.7.0 normalises vectors by dividing
// by their norm unchecked, which would turn it into NaNs.
func (e *HashEmbedder) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	out := make([][]float32, len(texts))
	workers := min(runtime.GOMAXPROCS(0), len(texts))
	if workers <= 1 {
		s := e.newScratch()
		for i, t := range texts {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("embedding %s: %w", textCount(len(texts)), err)
			}
			out[i] = e.embed(t, s)
		}
		return out, nil
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			s := e.newScratch()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(texts) || ctx.Err() != nil {
					return
				}
				out[i] = e.embed(texts[i], s)
			}
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("embedding %s: %w", textCount(len(texts)), err)
	}
	return out, nil
}

// hashScratch is the per-worker state of HashEmbedder.embed, reused across
// texts to spare allocations.
type hashScratch struct {
	feats map[uint64]hashFeature // by feature hash
	words map[string]hashFeature // distinct words, for character n-grams
	vec   []float64
	buf   []byte
	offs  []int
}

// hashFeature counts the occurrences of a feature and holds its weight.
type hashFeature struct {
	count  int
	weight float64
}

func (e *HashEmbedder) newScratch() *hashScratch {
	return &hashScratch{
		feats: make(map[uint64]hashFeature),
		words: make(map[string]hashFeature),
		vec:   make([]float64, e.dim),
	}
}

// embed computes the vector of one text.
func (e *HashEmbedder) embed(text string, s *hashScratch) []float32 {
	clear(s.feats)
	clear(s.words)
	clear(s.vec)
	var prev string
	var prevWeight float64
	e.analyzer.scan(text, func(word, term string) {
		w := e.termWeight(word, term)
		s.count(fnvString(fnvByte(fnvOffset, 'u'), term), hashUnigramWeight*w)
		if prev != "" {
			h := fnvString(fnvByte(fnvString(fnvByte(fnvOffset, 'b'), prev), 0), term)
			s.count(h, hashBigramWeight*(w+prevWeight)/2)
		}
		prev, prevWeight = term, w
		if !isASCIIDigit(word[0]) { // numbers share no useful spelling
			f := s.words[word]
			f.count++
			f.weight = w
			s.words[word] = f
		}
	})
	for h, f := range s.feats {
		e.add(s.vec, h, f.weight*(1+math.Log(float64(f.count))))
	}
	for word, f := range s.words {
		e.addCharGrams(s, word, hashCharWeight*f.weight*(1+math.Log(float64(f.count))))
	}
	var norm float64
	for _, x := range s.vec {
		norm += x * x
	}
	v := make([]float32, e.dim)
	if norm == 0 {
		v[0] = 1
		return v
	}
	norm = math.Sqrt(norm)
	for i, x := range s.vec {
		v[i] = float32(x / norm)
	}
	return v
}

func (s *hashScratch) count(h uint64, weight float64) {
	f := s.feats[h]
	f.count++
	f.weight = weight
	s.feats[h] = f
}

// addCharGrams adds the character n-grams of "<word>" with a total weight
// of about weight, so that long words do not outweigh short ones.
func (e *HashEmbedder) addCharGrams(s *hashScratch, word string, weight float64) {
	s.buf = append(append(append(s.buf[:0], '<'), word...), '>')
	s.offs = s.offs[:0]
	for i := range string(s.buf) {
		s.offs = append(s.offs, i)
	}
	s.offs = append(s.offs, len(s.buf))
	runes := len(s.offs) - 1
	grams := 0
	for n := hashMinGram; n <= hashMaxGram; n++ {
		grams += max(0, runes-n+1)
	}
	if grams == 0 {
		return
	}
	w := weight / math.Sqrt(float64(grams))
	for n := hashMinGram; n <= hashMaxGram; n++ {
		for i := 0; i+n <= runes; i++ {
			h := fnvByte(fnvOffset, 'c')
			for _, c := range s.buf[s.offs[i]:s.offs[i+n]] {
				h = fnvByte(h, c)
			}
			e.add(s.vec, h, w)
		}
	}
}

// add adds weight to the bucket of feature hash h, with a sign taken from
// the hash so that collisions cancel out on average instead of piling up.
func (e *HashEmbedder) add(vec []float64, h uint64, weight float64) {
	h = mix64(h)
	if h>>63 != 0 {
		weight = -weight
	}
	vec[h%uint64(len(vec))] += weight
}

// termWeight stands in for IDF, which would need corpus statistics the
// embedder does not have. Frequent words are short (Zipf's law of
// abbreviation), so the weight grows with the length of the word; a small
// list of very common content words ("said", "year", "new") is damped
// further, since nearly every news passage has them. Numbers (figures,
// years) are specific enough to count nearly fully.
func (e *HashEmbedder) termWeight(word, term string) float64 {
	if isASCIIDigit(word[0]) {
		if len(word) >= 3 {
			return 0.9
		}
		return 0.6
	}
	if e.common[term] {
		return 0.3
	}
	return min(1, 0.3+0.1*float64(utf8.RuneCountInString(word)))
}

// commonWords are frequent English content words that say little about the
// topic of a news passage. Surface forms; NewHashEmbedder stems them.
func commonWords() []string {
	return []string{
		"according", "also", "already", "among", "another", "around", "back",
		"came", "come", "day", "days", "even", "ever", "every", "first", "get",
		"give", "go", "going", "got", "however", "including", "just", "know",
		"last", "like", "made", "make", "many", "may", "might", "mr", "mrs",
		"ms", "much", "must", "never", "new", "next", "now", "one", "part",
		"put", "said", "say", "says", "see", "set", "shall", "since", "still",
		"take", "thing", "think", "three", "time", "told", "took", "two",
		"use", "want", "way", "week", "well", "went", "year", "yet",
	}
}

// FNV-1a, 64 bits, written out so that hashing needs no allocation.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnvByte(h uint64, c byte) uint64 { return (h ^ uint64(c)) * fnvPrime }

func fnvString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = fnvByte(h, s[i])
	}
	return h
}

// mix64 is the MurmurHash3 finaliser: FNV's low bits, which pick the bucket,
// are weak for short keys.
func mix64(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

// OpenAIEmbedderOptions tunes an OpenAIEmbedder. The zero value is usable.
type OpenAIEmbedderOptions struct {
	BatchSize   int           // texts per request; 0 means 64
	Concurrency int           // requests in flight within one Embed call; 0 means 1
	MaxRetries  int           // retries of a failed request; 0 means 5, negative means none
	BaseBackoff time.Duration // wait before the first retry, doubled each time; 0 means 500ms
	MaxBackoff  time.Duration // cap of that wait; 0 means 30s
	Dimensions  int           // shorter vectors from models that support it (text-embedding-3-*); 0 means the model's own
	Limiter     RateLimiter   // bounds the request rate when set
	Logger      *slog.Logger  // retries are logged here; nil means slog.Default()
}

// RateLimiter paces requests; *rate.Limiter of golang.org/x/time/rate is one.
// Wait blocks until a request may be sent or ctx ends.
type RateLimiter interface {
	Wait(ctx context.Context) error
}

// maxRetryAfter is the longest Retry-After the embedder waits for; a server
// asking for more (an exhausted quota) gets an error instead of a hang.
const maxRetryAfter = 2 * time.Minute

// OpenAIEmbedder is an Embedder backed by an OpenAI-compatible
// /v1/embeddings endpoint: OpenAI, or a local Ollama, vLLM or LocalAI server
// (base URL such as http://localhost:11434/v1). It sends texts in batches,
// retries rate limits (429), server errors (5xx) and network errors with
// exponential backoff and jitter, and normalises the vectors it returns,
// because not every server does.
type OpenAIEmbedder struct {
	client *openai.Client
	model  string
	opt    OpenAIEmbedderOptions
	dim    atomic.Int64 // dimension seen first; every later vector must match
}

// NewOpenAIEmbedder returns an embedder that uses model through client, which
// is typically built from a base URL and an API key:
//
//	cfg := openai.DefaultConfig(apiKey)
//	cfg.BaseURL = "http://localhost:11434/v1"
//	e := NewOpenAIEmbedder(openai.NewClientWithConfig(cfg), "nomic-embed-text", OpenAIEmbedderOptions{})
func NewOpenAIEmbedder(client *openai.Client, model string, opt OpenAIEmbedderOptions) *OpenAIEmbedder {
	if opt.BatchSize <= 0 {
		opt.BatchSize = 64
	}
	if opt.Concurrency <= 0 {
		opt.Concurrency = 1
	}
	if opt.MaxRetries == 0 {
		opt.MaxRetries = 5
	}
	if opt.MaxRetries < 0 {
		opt.MaxRetries = 0
	}
	if opt.BaseBackoff <= 0 {
		opt.BaseBackoff = 500 * time.Millisecond
	}
	if opt.MaxBackoff <= 0 {
		opt.MaxBackoff = 30 * time.Second
	}
	if opt.Logger == nil {
		opt.Logger = slog.Default()
	}
	return &OpenAIEmbedder{client: client, model: model, opt: opt}
}

// OpenAIClient returns a client for the OpenAI-compatible API at baseURL
// ("" for OpenAI's own) authenticated by apiKey.
func OpenAIClient(baseURL, apiKey string) *openai.Client {
	cfg := openai.DefaultConfig(apiKey)
	if baseURL != "" {
		cfg.BaseURL = baseURL
	}
	return openai.NewClientWithConfig(cfg)
}

// ID returns "openai:" and the model, and the dimension when one was asked
// for (it changes the vectors).
func (e *OpenAIEmbedder) ID() string {
	if e.opt.Dimensions > 0 {
		return "openai:" + e.model + ":" + strconv.Itoa(e.opt.Dimensions)
	}
	return "openai:" + e.model
}

// Embed returns one unit vector per text, in the order of texts.
func (e *OpenAIEmbedder) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	out := make([][]float32, len(texts))
	size := e.opt.BatchSize
	batches := (len(texts) + size - 1) / size
	if workers := min(e.opt.Concurrency, batches); workers <= 1 {
		for lo := 0; lo < len(texts); lo += size {
			hi := min(lo+size, len(texts))
			if err := e.embedBatch(ctx, texts[lo:hi], out[lo:hi]); err != nil {
				return nil, err
			}
		}
		return out, nil
	}
	// The first failing batch cancels the others and its error is returned.
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(e.opt.Concurrency, batches) {
		wg.Go(func() {
			for ctx.Err() == nil {
				lo := int(next.Add(int64(size))) - size
				if lo >= len(texts) {
					return
				}
				hi := min(lo+size, len(texts))
				if err := e.embedBatch(ctx, texts[lo:hi], out[lo:hi]); err != nil {
					cancel(err)
				}
			}
		})
	}
	wg.Wait()
	if ctx.Err() != nil {
		return nil, context.Cause(ctx)
	}
	return out, nil
}

// embedBatch embeds one request's worth of texts into dst, retrying what
// can succeed later.
func (e *OpenAIEmbedder) embedBatch(ctx context.Context, texts []string, dst [][]float32) error {
	req := openai.EmbeddingRequestStrings{
		Input:      texts,
		Model:      openai.EmbeddingModel(e.model),
		Dimensions: e.opt.Dimensions,
	}
	for attempt := 0; ; attempt++ {
		if e.opt.Limiter != nil {
			if err := e.opt.Limiter.Wait(ctx); err != nil {
				return fmt.Errorf("embedding %s: %w", textCount(len(texts)), err)
			}
		}
		res, err := e.client.CreateEmbeddings(ctx, req)
		if err == nil {
			if err := e.collect(res, dst); err != nil {
				return fmt.Errorf("embedding %s: %w", textCount(len(texts)), err)
			}
			return nil
		}
		if ctx.Err() != nil {
			return fmt.Errorf("embedding %s: %w", textCount(len(texts)), ctx.Err())
		}
		retry, short := classifyEmbedError(err)
		// go-openai v1.43.0 records the response headers before it checks
		// the status, so Retry-After is readable on failures too.
		wait, waitOK := retryAfter(res.Header())
		if !waitOK {
			wait = backoff(e.opt.BaseBackoff, e.opt.MaxBackoff, attempt)
		}
		if !retry || attempt >= e.opt.MaxRetries || wait > maxRetryAfter {
			if attempt > 0 {
				return fmt.Errorf("embedding %s: giving up after %d attempts: %w", textCount(len(texts)), attempt+1, short)
			}
			return fmt.Errorf("embedding %s: %w", textCount(len(texts)), short)
		}
		e.opt.Logger.Warn("embedding request failed, retrying", "model", e.model,
			"texts", len(texts), "attempt", attempt+1, "wait", wait, "err", err)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return fmt.Errorf("embedding %s: %w", textCount(len(texts)), ctx.Err())
		case <-t.C:
		}
	}
}

// collect checks a response and stores its normalised vectors in dst, in
// input order.
func (e *OpenAIEmbedder) collect(res openai.EmbeddingResponse, dst [][]float32) error {
	if len(res.Data) != len(dst) {
		return fmt.Errorf("server returned %d vectors for %d texts", len(res.Data), len(dst))
	}
	// Order by the index field; some servers leave it zero, then the
	// response order is all there is.
	byIndex := true
	seen := make([]bool, len(dst))
	for _, d := range res.Data {
		if d.Index < 0 || d.Index >= len(dst) || seen[d.Index] {
			byIndex = false
			break
		}
		seen[d.Index] = true
	}
	if !byIndex {
		e.opt.Logger.Debug("embedding response indexes are not a permutation; using response order", "model", e.model)
	}
	for k, d := range res.Data {
		i := k
		if byIndex {
			i = d.Index
		}
		v, err := normalizedCopy(d.Embedding)
		if err != nil {
			return err
		}
		want := int64(e.opt.Dimensions)
		if want == 0 && !e.dim.CompareAndSwap(0, int64(len(v))) {
			want = e.dim.Load()
		}
		if want != 0 && int64(len(v)) != want {
			return fmt.Errorf("server returned a %d-dimensional vector, want %d", len(v), want)
		}
		dst[i] = v
	}
	return nil
}

// textCount says "1 text" or "n texts" for error messages.
func textCount(n int) string {
	if n == 1 {
		return "1 text"
	}
	return strconv.Itoa(n) + " texts"
}

// normalizedCopy returns v scaled to unit length.
func normalizedCopy(v []float32) ([]float32, error) {
	var norm float64
	for _, x := range v {
		norm += float64(x) * float64(x)
	}
	if len(v) == 0 || norm == 0 || math.IsNaN(norm) || math.IsInf(norm, 0) {
		return nil, errors.New("server returned an empty, zero or invalid vector")
	}
	norm = math.Sqrt(norm)
	out := make([]float32, len(v))
	for i, x := range v {
		out[i] = float32(float64(x) / norm)
	}
	return out, nil
}

// embedStatusError is a failed HTTP exchange reduced to a short message; it
// wraps go-openai's error for callers that want the details.
type embedStatusError struct {
	code int
	msg  string
	err  error
}

func (e *embedStatusError) Error() string {
	s := strconv.Itoa(e.code) + " " + strings.ToLower(http.StatusText(e.code))
	if e.msg != "" {
		s += ": " + e.msg
	}
	return s
}

func (e *embedStatusError) Unwrap() error { return e.err }

// classifyEmbedError reports whether err may go away on a retry, and returns
// it in short form.
func classifyEmbedError(err error) (retry bool, short error) {
	var apiErr *openai.APIError
	var reqErr *openai.RequestError
	code, msg := 0, ""
	switch {
	case errors.As(err, &apiErr):
		code, msg = apiErr.HTTPStatusCode, apiErr.Message
		if apiErr.Type == "insufficient_quota" || apiErr.Code == "insufficient_quota" {
			return false, &embedStatusError{code: code, msg: "insufficient quota", err: err}
		}
	case errors.As(err, &reqErr):
		code = reqErr.HTTPStatusCode // the body is not JSON (a proxy page): leave it out
	}
	if code != 0 {
		if code == http.StatusUnauthorized || code == http.StatusForbidden {
			msg = "" // the server's message may echo part of the key
		}
		if len(msg) > 200 {
			msg = msg[:200] + "..."
		}
		retry = code == http.StatusRequestTimeout || code == http.StatusTooManyRequests ||
			code >= 500 && code != http.StatusNotImplemented
		return retry, &embedStatusError{code: code, msg: msg, err: err}
	}
	var urlErr *url.Error
	var netErr net.Error
	if errors.As(err, &urlErr) || errors.As(err, &netErr) || errors.Is(err, io.ErrUnexpectedEOF) {
		return true, err
	}
	return false, err // e.g. a response that is not JSON
}

// retryAfter reads how long the server asks us to wait: OpenAI's
// retry-after-ms, or the standard Retry-After in seconds or as a date.
func retryAfter(h http.Header) (time.Duration, bool) {
	if ms, err := strconv.ParseFloat(h.Get("Retry-After-Ms"), 64); err == nil && ms >= 0 {
		return time.Duration(ms * float64(time.Millisecond)), true
	}
	v := h.Get("Retry-After")
	if v == "" {
		return 0, false
	}
	if s, err := strconv.ParseFloat(v, 64); err == nil && s >= 0 {
		return time.Duration(s * float64(time.Second)), true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(0, time.Until(t)), true
	}
	return 0, false
}

// backoff returns the wait before retry number attempt+1: exponential,
// capped, with jitter so that concurrent clients do not retry in step.
func backoff(base, ceiling time.Duration, attempt int) time.Duration {
	d := ceiling
	if attempt < 30 && base<<attempt < ceiling && base<<attempt > 0 {
		d = base << attempt
	}
	return d/2 + rand.N(d/2+1)
}
