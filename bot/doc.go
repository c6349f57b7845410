// Package bot is what every front end and answerer of newsbot shares: the
// Bot (rewrite a follow-up, search, answer, fall back, check the
// citations), conversations, answers and citations, and the small
// interfaces the answerers (bot/extractive, bot/llm) and the front ends
// (bot/discord, the terminal in cmd/newsbot) meet at.
package bot
