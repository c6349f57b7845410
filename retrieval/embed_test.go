package retrieval

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/philippgille/chromem-go"
	"github.com/sashabaranov/go-openai"
)

// embedDot is the cosine similarity of two unit vectors.
func embedDot(a, b []float32) float64 {
	var d float64
	for i := range a {
		d += float64(a[i]) * float64(b[i])
	}
	return d
}

func embedNorm(v []float32) float64 { return math.Sqrt(embedDot(v, v)) }

// embedOne embeds a single text and fails the test on error.
func embedOne(t *testing.T, e Embedder, text string) []float32 {
	t.Helper()
	vs, err := e.Embed(context.Background(), []string{text})
	if err != nil {
		t.Fatalf("Embed(%q) error: %v", text, err)
	}
	return vs[0]
}

func TestHashEmbedderID(t *testing.T) {
	tests := []struct {
		dim    int
		wantID string
		wantN  int
	}{
		{0, "builtin:hash-v1:384", 384},
		{-3, "builtin:hash-v1:384", 384},
		{64, "builtin:hash-v1:64", 64},
		{1024, "builtin:hash-v1:1024", 1024},
	}
	for _, tt := range tests {
		e := NewHashEmbedder(tt.dim)
		if got := e.ID(); got != tt.wantID {
			t.Errorf("NewHashEmbedder(%d).ID() = %q, want %q", tt.dim, got, tt.wantID)
		}
		if got := len(embedOne(t, e, "Kandahar")); got != tt.wantN {
			t.Errorf("NewHashEmbedder(%d) vector length = %d, want %d", tt.dim, got, tt.wantN)
		}
	}
}

func TestHashEmbedderDeterministic(t *testing.T) {
	texts := embedSeedSentences(t)
	// Two embedders (separate caches), and a batch (parallel workers)
	// against one text at a time (inline path).
	batch, err := NewHashEmbedder(0).Embed(context.Background(), texts)
	if err != nil {
		t.Fatalf("Embed(seeds) error: %v", err)
	}
	if len(batch) != len(texts) {
		t.Fatalf("Embed(seeds) returned %d vectors, want %d", len(batch), len(texts))
	}
	other := NewHashEmbedder(0)
	for i, text := range texts {
		if got := embedOne(t, other, text); !slices.Equal(got, batch[i]) {
			t.Errorf("Embed(%q) differs between calls and embedders", text)
		}
	}
}

func TestHashEmbedderUnitNorm(t *testing.T) {
	e := NewHashEmbedder(0)
	texts := []string{
		"",
		" -- ... ",
		"the of and it",
		"Kandahar",
		"1,000",
		strings.Repeat("troops ", 500),
		strings.Join(embedSeedSentences(t), " "),
	}
	vs, err := e.Embed(context.Background(), texts)
	if err != nil {
		t.Fatalf("Embed error: %v", err)
	}
	for i, v := range vs {
		if n := embedNorm(v); math.Abs(n-1) > 1e-6 || math.IsNaN(n) {
			t.Errorf("|Embed(%.40q)| = %v, want 1", texts[i], n)
		}
	}
	// Texts without terms share the fixed vector e0.
	want := make([]float32, e.Dim())
	want[0] = 1
	for i := range 3 {
		if !slices.Equal(vs[i], want) {
			t.Errorf("Embed(%q) is not the fixed unit vector e0", texts[i])
		}
	}
}

// TestHashEmbedderChromem checks that chromem-go accepts the vectors as they
// are, the term-less one included, and ranks with finite scores.
func TestHashEmbedderChromem(t *testing.T) {
	ctx := context.Background()
	e := NewHashEmbedder(0)
	texts := append([]string{"", "the of"}, embedSeedSentences(t)[:5]...)
	vs, err := e.Embed(ctx, texts)
	if err != nil {
		t.Fatalf("Embed error: %v", err)
	}
	c, err := chromem.NewDB().CreateCollection("test", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range vs {
		doc := chromem.Document{ID: strconv.Itoa(i), Content: texts[i], Embedding: v}
		if err := c.AddDocument(ctx, doc); err != nil {
			t.Fatalf("AddDocument(%q) error: %v", texts[i], err)
		}
	}
	for _, q := range []string{"", "NATO troops"} {
		res, err := c.QueryEmbedding(ctx, embedOne(t, e, q), len(vs), nil, nil)
		if err != nil {
			t.Fatalf("QueryEmbedding(%q) error: %v", q, err)
		}
		for _, r := range res {
			if s := float64(r.Similarity); math.IsNaN(s) || s < -1.0001 || s > 1.0001 {
				t.Errorf("QueryEmbedding(%q): similarity of %q = %v, want in [-1, 1]", q, r.Content, s)
			}
		}
	}
}

func TestHashEmbedderSimilarity(t *testing.T) {
	tests := []struct {
		query, near, far string
	}{
		// Paraphrases of seed sentences against other seed sentences.
		{
			"Unless the allies send an extra 1,000 soldiers, Canada will pull out of Kandahar.",
			"Prime Minister Stephen Harper has said Canada is shouldering too much of the combat load, and NATO nations must provide 1,000 extra troops in southern Afghanistan or Canada will end its combat role in February 2009.",
			"Canadian Foreign Minister Lawrence Cannon quickly reiterated that Ottawa would not change its mind.",
		},
		{
			"How many Canadian soldiers have been killed in Afghanistan?",
			"Canada has lost 127 soldiers so far since first sending troops to Afghanistan in late 2002.",
			"On Thursday, France signalled it may provide the necessary troops.",
		},
		{
			"Rasmussen wants Ottawa to prolong the Afghan mission past 2011.",
			"The new secretary-general of NATO said on Thursday he wanted Canada to extend its military mission in southern Afghanistan beyond the planned 2011 withdrawal date, Canadian news organizations reported.",
			"Bernier said NATO has moved beyond discussing Canada's demand, to discussing logistics.",
		},
		{
			"Sarkozy will decide on deploying French troops at the Bucharest summit.",
			"Appathurai said Sarkozy has signalled he will make a final decision on the troop deployment at the next NATO summit in early April in Bucharest, Romania.",
			"Canada's minority government plans a parliamentary vote ofconfidence in late March on prolonging its military mission inAfghanistan, officials said earlier this week.",
		},
		// Inflections and run-together words meet their parts.
		{"peacekeepingmission", "peacekeeping mission", "combat troops in Kandahar"},
		{"the peacekeepers' missions", "peacekeeping mission", "parliamentary vote"},
	}
	e := NewHashEmbedder(0)
	for _, tt := range tests {
		q := embedOne(t, e, tt.query)
		near := embedDot(q, embedOne(t, e, tt.near))
		far := embedDot(q, embedOne(t, e, tt.far))
		if near <= far {
			t.Errorf("cos(%.40q, near %.40q) = %.3f, want more than cos(far %.40q) = %.3f",
				tt.query, tt.near, near, tt.far, far)
		}
	}
}

// TestHashEmbedderRunTogether checks that "peacekeepingmission", as the seed
// article prints it, is close to "peacekeeping mission": closer than to any
// seed sentence that lacks both words.
func TestHashEmbedderRunTogether(t *testing.T) {
	e := NewHashEmbedder(0)
	q := embedOne(t, e, "peacekeepingmission")
	sim := embedDot(q, embedOne(t, e, "peacekeeping mission"))
	if sim < 0.3 {
		t.Errorf("cos(peacekeepingmission, peacekeeping mission) = %.3f, want at least 0.3", sim)
	}
	for _, s := range embedSeedSentences(t) {
		if strings.Contains(strings.ToLower(s), "peace") || strings.Contains(strings.ToLower(s), "mission") {
			continue
		}
		if other := embedDot(q, embedOne(t, e, s)); other >= sim {
			t.Errorf("cos(peacekeepingmission, %.40q) = %.3f, want less than %.3f", s, other, sim)
		}
	}
}

func TestHashEmbedderConcurrent(t *testing.T) {
	e := NewHashEmbedder(0)
	texts := embedSeedSentences(t)
	want, err := NewHashEmbedder(0).Embed(context.Background(), texts)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for g := range 6 {
		wg.Go(func() {
			// Each goroutine embeds the texts in a different order.
			order := rand.New(rand.NewPCG(uint64(g), 7)).Perm(len(texts))
			in := make([]string, len(texts))
			for i, k := range order {
				in[i] = texts[k]
			}
			got, err := e.Embed(context.Background(), in)
			if err != nil {
				t.Errorf("concurrent Embed error: %v", err)
				return
			}
			for i, k := range order {
				if !slices.Equal(got[i], want[k]) {
					t.Errorf("concurrent Embed(%.40q) differs from a lone Embed", texts[k])
				}
			}
		})
	}
	wg.Wait()
}

func TestHashEmbedderCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, n := range []int{1, 100} {
		_, err := NewHashEmbedder(0).Embed(ctx, make([]string, n))
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Embed(canceled ctx, %d texts) error = %v, want context.Canceled", n, err)
		}
	}
}

// embedSeedSentences returns the lines of the seed articles that are
// sentences (crudely: long enough).
func embedSeedSentences(t testing.TB) []string {
	t.Helper()
	var out []string
	for _, line := range strings.Split(readSeedsForTerms(t), "\n") {
		for _, s := range strings.SplitAfter(line, ". ") {
			if s = strings.TrimSpace(s); len(s) > 30 {
				out = append(out, s)
			}
		}
	}
	return out
}

// sotuChunks cuts the sotu corpus into pieces of about 800 bytes at spaces,
// like the chunker's default size.
func sotuChunks(b *testing.B) []string {
	b.Helper()
	var chunks []string
	for _, text := range readSotu(b) {
		for len(text) > 800 {
			cut := strings.LastIndexByte(text[:800], ' ')
			if cut <= 0 {
				cut = 800
			}
			chunks = append(chunks, text[:cut])
			text = text[cut:]
		}
		chunks = append(chunks, text)
	}
	return chunks
}

// BenchmarkHashEmbedder embeds every chunk of the sotu corpus (about 14k)
// per iteration with a fresh embedder, as a full index build would.
func BenchmarkHashEmbedder(b *testing.B) {
	chunks := sotuChunks(b)
	var size int64
	for _, c := range chunks {
		size += int64(len(c))
	}
	b.SetBytes(size)
	ctx := context.Background()
	for b.Loop() {
		if _, err := NewHashEmbedder(0).Embed(ctx, chunks); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(chunks)), "chunks/op")
}

// BenchmarkHashEmbedderQuery is the cost of embedding one search query.
func BenchmarkHashEmbedderQuery(b *testing.B) {
	e := NewHashEmbedder(0)
	ctx := context.Background()
	q := []string{"When will Canada withdraw its troops from Kandahar?"}
	for b.Loop() {
		if _, err := e.Embed(ctx, q); err != nil {
			b.Fatal(err)
		}
	}
}

func ExampleHashEmbedder() {
	e := NewHashEmbedder(0)
	vs, err := e.Embed(context.Background(), []string{
		"Canada will end its combat mission in Kandahar in 2011.",
		"Canadian troops are to leave Kandahar in 2011.",
		"The French troops may free up other troops.",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(e.ID(), len(vs[0]))
	fmt.Println("paraphrase closer:", embedDot(vs[0], vs[1]) > embedDot(vs[0], vs[2]))
	// Output:
	// builtin:hash-v1:384 384
	// paraphrase closer: true
}

// fakeEmbeddingServer speaks the /v1/embeddings protocol. The text "t<n>"
// embeds to the unnormalised vector (n, 1, 0, ...) of length dim, so that
// tests can tell which vector belongs to which text; the data come back in
// shuffled order with their index set.
type fakeEmbeddingServer struct {
	*httptest.Server
	dim func(call int) int // vector length of the call-th request (1-based)
	// fail, when set, may answer the call-th request itself (returning true).
	fail func(call int, w http.ResponseWriter, r *http.Request) bool

	mu       sync.Mutex
	calls    int
	sizes    []int // batch size of each request
	inFlight int
	maxIn    int
}

func newFakeEmbeddingServer(t *testing.T) *fakeEmbeddingServer {
	t.Helper()
	f := &fakeEmbeddingServer{dim: func(int) int { return 4 }}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.Close)
	return f
}

func (f *fakeEmbeddingServer) client() *openai.Client {
	cfg := openai.DefaultConfig("test-key")
	cfg.BaseURL = f.URL + "/v1"
	return openai.NewClientWithConfig(cfg)
}

func (f *fakeEmbeddingServer) serve(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	f.calls++
	call := f.calls
	f.inFlight++
	f.maxIn = max(f.maxIn, f.inFlight)
	f.mu.Unlock()
	defer func() {
		f.mu.Lock()
		f.inFlight--
		f.mu.Unlock()
	}()
	if r.Method != http.MethodPost || r.URL.Path != "/v1/embeddings" {
		http.Error(w, `{"error":{"message":"not found","type":"invalid_request_error"}}`, http.StatusNotFound)
		return
	}
	if r.Header.Get("Authorization") != "Bearer test-key" {
		http.Error(w, `{"error":{"message":"bad key","type":"invalid_request_error"}}`, http.StatusUnauthorized)
		return
	}
	var req struct {
		Input []string `json:"input"`
		Model string   `json:"model"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil || req.Model == "" {
		http.Error(w, `{"error":{"message":"bad request","type":"invalid_request_error"}}`, http.StatusBadRequest)
		return
	}
	f.mu.Lock()
	f.sizes = append(f.sizes, len(req.Input))
	f.mu.Unlock()
	if f.fail != nil && f.fail(call, w, r) {
		return
	}
	type datum struct {
		Object    string    `json:"object"`
		Index     int       `json:"index"`
		Embedding []float32 `json:"embedding"`
	}
	data := make([]datum, len(req.Input))
	for i, text := range req.Input {
		n, err := strconv.Atoi(strings.TrimPrefix(text, "t"))
		if err != nil {
			http.Error(w, `{"error":{"message":"bad input","type":"invalid_request_error"}}`, http.StatusBadRequest)
			return
		}
		v := make([]float32, f.dim(call))
		v[0], v[1] = float32(n), 1
		data[i] = datum{Object: "embedding", Index: i, Embedding: v}
	}
	rng := rand.New(rand.NewPCG(uint64(call), 1))
	rng.Shuffle(len(data), func(i, j int) { data[i], data[j] = data[j], data[i] })
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{
		"object": "list",
		"data":   data,
		"model":  req.Model,
		"usage":  map[string]int{"prompt_tokens": len(req.Input), "total_tokens": len(req.Input)},
	})
}

func (f *fakeEmbeddingServer) stats() (calls int, sizes []int, maxInFlight int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls, slices.Clone(f.sizes), f.maxIn
}

// fakeTexts returns "t0", "t1", ... "t<n-1>".
func fakeTexts(n int) []string {
	texts := make([]string, n)
	for i := range texts {
		texts[i] = "t" + strconv.Itoa(i)
	}
	return texts
}

// checkFakeVectors checks that vs are the unit vectors of fakeTexts, in order.
func checkFakeVectors(t *testing.T, vs [][]float32, n, dim int) {
	t.Helper()
	if len(vs) != n {
		t.Fatalf("Embed returned %d vectors, want %d", len(vs), n)
	}
	for i, v := range vs {
		norm := math.Hypot(float64(i), 1)
		want := make([]float32, dim)
		want[0], want[1] = float32(float64(i)/norm), float32(1/norm)
		if len(v) != dim || math.Abs(float64(v[0]-want[0])) > 1e-6 || math.Abs(float64(v[1]-want[1])) > 1e-6 {
			t.Fatalf("vector %d = %v, want %v", i, v, want)
		}
		if n := embedNorm(v); math.Abs(n-1) > 1e-6 {
			t.Fatalf("|vector %d| = %v, want 1", i, n)
		}
	}
}

// quickRetries keeps test waits tiny.
func quickRetries(opt OpenAIEmbedderOptions) OpenAIEmbedderOptions {
	opt.BaseBackoff = time.Millisecond
	opt.MaxBackoff = 4 * time.Millisecond
	opt.Logger = slog.New(slog.DiscardHandler)
	return opt
}

func TestOpenAIEmbedderBatching(t *testing.T) {
	tests := []struct {
		name      string
		n         int
		opt       OpenAIEmbedderOptions
		wantSizes []int
	}{
		{"default batch size", 150, OpenAIEmbedderOptions{}, []int{64, 64, 22}},
		{"one batch", 3, OpenAIEmbedderOptions{}, []int{3}},
		{"exact batches", 20, OpenAIEmbedderOptions{BatchSize: 10}, []int{10, 10}},
		{"no texts", 0, OpenAIEmbedderOptions{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newFakeEmbeddingServer(t)
			e := NewOpenAIEmbedder(srv.client(), "test-model", quickRetries(tt.opt))
			vs, err := e.Embed(context.Background(), fakeTexts(tt.n))
			if err != nil {
				t.Fatalf("Embed(%d texts) error: %v", tt.n, err)
			}
			checkFakeVectors(t, vs, tt.n, 4)
			if _, sizes, _ := srv.stats(); !slices.Equal(sizes, tt.wantSizes) {
				t.Errorf("request sizes = %v, want %v", sizes, tt.wantSizes)
			}
		})
	}
}

func TestOpenAIEmbedderConcurrency(t *testing.T) {
	srv := newFakeEmbeddingServer(t)
	release := make(chan struct{})
	var waiting atomic.Int32
	srv.fail = func(call int, w http.ResponseWriter, r *http.Request) bool {
		// Hold the first requests until three are in flight at once.
		if n := waiting.Add(1); n <= 3 {
			if n == 3 {
				close(release)
			}
			select { // a sequential client never gets to three: give up
			case <-release:
			case <-time.After(10 * time.Second):
			}
		}
		return false
	}
	e := NewOpenAIEmbedder(srv.client(), "test-model", quickRetries(OpenAIEmbedderOptions{BatchSize: 5, Concurrency: 3}))
	vs, err := e.Embed(context.Background(), fakeTexts(52))
	if err != nil {
		t.Fatalf("Embed error: %v", err)
	}
	checkFakeVectors(t, vs, 52, 4)
	if calls, _, maxIn := srv.stats(); calls != 11 || maxIn != 3 {
		t.Errorf("requests = %d, most in flight = %d; want 11 and 3", calls, maxIn)
	}
}

func TestOpenAIEmbedderRetries(t *testing.T) {
	// apiError fails the first times requests with an OpenAI error body.
	apiError := func(status int, typ, header string, times int) func(int, http.ResponseWriter, *http.Request) bool {
		return func(call int, w http.ResponseWriter, r *http.Request) bool {
			if call > times {
				return false
			}
			if k, v, ok := strings.Cut(header, ": "); ok {
				w.Header().Set(k, v)
			}
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(status)
			fmt.Fprintf(w, `{"error":{"message":"failure %d","type":%q,"code":%q}}`, status, typ, typ)
			return true
		}
	}
	tests := []struct {
		name      string
		fail      func(int, http.ResponseWriter, *http.Request) bool
		wantCalls int
		wantErr   string // empty: success
	}{
		{"429 then success", apiError(http.StatusTooManyRequests, "", "Retry-After: 0", 1), 2, ""},
		{"429 retry-after-ms", apiError(http.StatusTooManyRequests, "", "Retry-After-Ms: 1", 2), 3, ""},
		{"500 then success", apiError(http.StatusInternalServerError, "", "", 1), 2, ""},
		{"502 html then success", func(call int, w http.ResponseWriter, r *http.Request) bool {
			if call > 1 {
				return false
			}
			http.Error(w, "<html>bad gateway</html>", http.StatusBadGateway)
			return true
		}, 2, ""},
		{"connection dropped then success", func(call int, w http.ResponseWriter, r *http.Request) bool {
			if call > 1 {
				return false
			}
			conn, _, err := w.(http.Hijacker).Hijack()
			if err != nil {
				t.Errorf("hijack: %v", err)
				return false
			}
			conn.Close()
			return true
		}, 2, ""},
		{"401 not retried", apiError(http.StatusUnauthorized, "", "", 9), 1,
			"embedding 3 texts: 401 unauthorized"},
		{"quota not retried", apiError(http.StatusTooManyRequests, "insufficient_quota", "", 9), 1,
			"embedding 3 texts: 429 too many requests: insufficient quota"},
		{"long retry-after not waited for", apiError(http.StatusTooManyRequests, "", "Retry-After: 3600", 9), 1,
			"embedding 3 texts: 429 too many requests: failure 429"},
		{"400 not retried", func(call int, w http.ResponseWriter, r *http.Request) bool {
			http.Error(w, `{"error":{"message":"input too long","type":"invalid_request_error"}}`, http.StatusBadRequest)
			return true
		}, 1, "embedding 3 texts: 400 bad request: input too long"},
		{"retries bounded", func(call int, w http.ResponseWriter, r *http.Request) bool {
			http.Error(w, `{"error":{"message":"overloaded","type":"server_error"}}`, http.StatusServiceUnavailable)
			return true
		}, 3, "embedding 3 texts: giving up after 3 attempts: 503 service unavailable: overloaded"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newFakeEmbeddingServer(t)
			srv.fail = tt.fail
			e := NewOpenAIEmbedder(srv.client(), "test-model", quickRetries(OpenAIEmbedderOptions{MaxRetries: 2}))
			vs, err := e.Embed(context.Background(), fakeTexts(3))
			calls, _, _ := srv.stats()
			if calls != tt.wantCalls {
				t.Errorf("requests = %d, want %d", calls, tt.wantCalls)
			}
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("Embed error: %v", err)
				}
				checkFakeVectors(t, vs, 3, 4)
				return
			}
			if err == nil || err.Error() != tt.wantErr {
				t.Fatalf("Embed error = %v, want %q", err, tt.wantErr)
			}
		})
	}
}

func TestOpenAIEmbedderErrorUnwraps(t *testing.T) {
	srv := newFakeEmbeddingServer(t)
	cfg := openai.DefaultConfig("wrong-key")
	cfg.BaseURL = srv.URL + "/v1"
	e := NewOpenAIEmbedder(openai.NewClientWithConfig(cfg), "test-model", quickRetries(OpenAIEmbedderOptions{}))
	_, err := e.Embed(context.Background(), fakeTexts(2))
	var apiErr *openai.APIError
	if !errors.As(err, &apiErr) || apiErr.HTTPStatusCode != http.StatusUnauthorized {
		t.Fatalf("Embed error = %v, want an *openai.APIError with status 401", err)
	}
	if calls, _, _ := srv.stats(); calls != 1 {
		t.Errorf("requests = %d, want 1", calls)
	}
}

// signalHandler is a slog.Handler that closes a channel at the first record,
// so a test can act once the embedder logs that it waits to retry.
type signalHandler struct {
	once *sync.Once
	ch   chan struct{}
}

func (h signalHandler) Enabled(context.Context, slog.Level) bool { return true }
func (h signalHandler) Handle(context.Context, slog.Record) error {
	h.once.Do(func() { close(h.ch) })
	return nil
}
func (h signalHandler) WithAttrs([]slog.Attr) slog.Handler { return h }
func (h signalHandler) WithGroup(string) slog.Handler      { return h }

func TestOpenAIEmbedderCancel(t *testing.T) {
	tests := []struct {
		name string
		// fail answers the requests; it closes requested on the first one.
		fail func(requested chan struct{}) func(int, http.ResponseWriter, *http.Request) bool
		// cancelOnLog cancels once a retry is logged rather than on the
		// first request.
		cancelOnLog bool
	}{
		{"while waiting to retry", func(chan struct{}) func(int, http.ResponseWriter, *http.Request) bool {
			return func(call int, w http.ResponseWriter, r *http.Request) bool {
				w.Header().Set("Retry-After", "60")
				http.Error(w, `{"error":{"message":"slow down","type":"rate_limit"}}`, http.StatusTooManyRequests)
				return true
			}
		}, true},
		{"while the request hangs", func(requested chan struct{}) func(int, http.ResponseWriter, *http.Request) bool {
			return func(call int, w http.ResponseWriter, r *http.Request) bool {
				if call == 1 {
					close(requested)
				}
				<-r.Context().Done()
				return true
			}
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newFakeEmbeddingServer(t)
			requested, logged := make(chan struct{}), make(chan struct{})
			srv.fail = tt.fail(requested)
			opt := quickRetries(OpenAIEmbedderOptions{})
			opt.Logger = slog.New(signalHandler{once: new(sync.Once), ch: logged})
			e := NewOpenAIEmbedder(srv.client(), "test-model", opt)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			go func() {
				if tt.cancelOnLog {
					<-logged
				} else {
					<-requested
				}
				cancel()
			}()
			_, err := e.Embed(ctx, fakeTexts(3))
			if !errors.Is(err, context.Canceled) {
				t.Errorf("Embed error = %v, want context.Canceled", err)
			}
			if calls, _, _ := srv.stats(); calls != 1 {
				t.Errorf("requests = %d, want 1", calls)
			}
		})
	}
}

func TestOpenAIEmbedderBadResponses(t *testing.T) {
	tests := []struct {
		name    string
		dim     func(call int) int
		opt     OpenAIEmbedderOptions
		wantErr string
	}{
		{"dimension changes between batches", func(call int) int { return 3 + call }, OpenAIEmbedderOptions{BatchSize: 2},
			"embedding 1 text: server returned a 5-dimensional vector, want 4"},
		{"dimension not the one asked for", func(int) int { return 4 }, OpenAIEmbedderOptions{Dimensions: 8},
			"embedding 3 texts: server returned a 4-dimensional vector, want 8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newFakeEmbeddingServer(t)
			srv.dim = tt.dim
			e := NewOpenAIEmbedder(srv.client(), "test-model", quickRetries(tt.opt))
			_, err := e.Embed(context.Background(), fakeTexts(3))
			if err == nil || err.Error() != tt.wantErr {
				t.Errorf("Embed error = %v, want %q", err, tt.wantErr)
			}
		})
	}
}

func TestOpenAIEmbedderMissingVectors(t *testing.T) {
	srv := newFakeEmbeddingServer(t)
	srv.fail = func(call int, w http.ResponseWriter, r *http.Request) bool {
		fmt.Fprint(w, `{"object":"list","data":[{"object":"embedding","index":0,"embedding":[1,0]}],"model":"m","usage":{}}`)
		return true
	}
	e := NewOpenAIEmbedder(srv.client(), "test-model", quickRetries(OpenAIEmbedderOptions{}))
	_, err := e.Embed(context.Background(), fakeTexts(2))
	if want := "embedding 2 texts: server returned 1 vectors for 2 texts"; err == nil || err.Error() != want {
		t.Errorf("Embed error = %v, want %q", err, want)
	}
}

// countingLimiter lets every request through and counts them.
type countingLimiter struct{ n atomic.Int32 }

func (l *countingLimiter) Wait(ctx context.Context) error {
	l.n.Add(1)
	return ctx.Err()
}

func TestOpenAIEmbedderLimiter(t *testing.T) {
	srv := newFakeEmbeddingServer(t)
	lim := &countingLimiter{}
	e := NewOpenAIEmbedder(srv.client(), "test-model", quickRetries(OpenAIEmbedderOptions{BatchSize: 2, Limiter: lim}))
	if _, err := e.Embed(context.Background(), fakeTexts(5)); err != nil {
		t.Fatalf("Embed error: %v", err)
	}
	if got := lim.n.Load(); got != 3 {
		t.Errorf("limiter waits = %d, want 3", got)
	}
}

func TestOpenAIEmbedderID(t *testing.T) {
	tests := []struct {
		opt  OpenAIEmbedderOptions
		want string
	}{
		{OpenAIEmbedderOptions{}, "openai:text-embedding-3-small"},
		{OpenAIEmbedderOptions{Dimensions: 256}, "openai:text-embedding-3-small:256"},
	}
	for _, tt := range tests {
		e := NewOpenAIEmbedder(openai.NewClient("k"), "text-embedding-3-small", tt.opt)
		if got := e.ID(); got != tt.want {
			t.Errorf("ID() with %+v = %q, want %q", tt.opt, got, tt.want)
		}
	}
}

func ExampleNewOpenAIEmbedder() {
	// A stand-in for an OpenAI-compatible server such as Ollama.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"object":"list","data":[{"object":"embedding","index":0,"embedding":[3,4]}],"model":"nomic-embed-text","usage":{}}`)
	}))
	defer srv.Close()

	cfg := openai.DefaultConfig("api-key")
	cfg.BaseURL = srv.URL + "/v1" // e.g. http://localhost:11434/v1
	e := NewOpenAIEmbedder(openai.NewClientWithConfig(cfg), "nomic-embed-text", OpenAIEmbedderOptions{})
	vs, err := e.Embed(context.Background(), []string{"NATO troops in Kandahar"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(e.ID(), vs[0])
	// Output: openai:nomic-embed-text [0.6 0.8]
}
