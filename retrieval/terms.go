package retrieval

// Terms returns the index terms of text for keyword search and the built-in
// embedder: lower-cased, English-stemmed words with stop words removed and
// numbers normalised ("43,000" -> "43000", "2,700-strong" -> "2700" "strong").
func Terms(text string) []string {
	panic("TODO")
}
