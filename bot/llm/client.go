package llm

import (
	"net/http"

	openai "github.com/sashabaranov/go-openai"
)

// NewOpenAIClient returns a go-openai client for cfg whose HTTP client
// records the Retry-After header of each response for the LLM that made
// the request: go-openai's errors carry the status code but not the
// headers. A client made with openai.NewClientWithConfig works too; its
// rate-limit retries then use plain backoff.
func NewOpenAIClient(cfg openai.ClientConfig) *openai.Client {
	next := cfg.HTTPClient
	if next == nil {
		next = &http.Client{}
	}
	cfg.HTTPClient = retryAfterDoer{next: next}
	return openai.NewClientWithConfig(cfg)
}

// NewChatClient returns a client for the OpenAI-compatible API at baseURL
// ("" for OpenAI's own), set up as NewOpenAIClient does.
func NewChatClient(baseURL, apiKey string) *openai.Client {
	cfg := openai.DefaultConfig(apiKey)
	if baseURL != "" {
		cfg.BaseURL = baseURL
	}
	return NewOpenAIClient(cfg)
}

// retryAfterKey marks the context value through which retryAfterDoer hands
// the Retry-After header of one request back to the LLM that sent it.
type retryAfterKey struct{}

// retryAfterSlot receives the Retry-After header of one attempt. It is
// written by Do before the go-openai call that made the request returns.
type retryAfterSlot struct{ value string }

type retryAfterDoer struct{ next openai.HTTPDoer }

func (d retryAfterDoer) Do(req *http.Request) (*http.Response, error) {
	resp, err := d.next.Do(req)
	if resp != nil {
		if slot, ok := req.Context().Value(retryAfterKey{}).(*retryAfterSlot); ok {
			slot.value = resp.Header.Get("Retry-After")
		}
	}
	return resp, err
}
