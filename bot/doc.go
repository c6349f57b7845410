// Package bot answers questions about the coverage with verifiable
// citations: it rewrites follow-ups, retrieves passages, answers
// extractively or with an LLM, checks every citation against the source
// files, and serves the answers in Discord.
package bot
