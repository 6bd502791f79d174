/**
 * The {@code transcription} judge's client: posts the response audio to an OpenAI-compatible {@code
 * /audio/transcriptions} endpoint (whisper.cpp server, faster-whisper servers, vLLM, OpenAI) with
 * the retries, back-off and concurrency limit of {@link dev.earshot.judge.llm.RetryingEndpoint},
 * and caches transcripts by audio and model. Pure Java, no framework dependencies.
 */
package dev.earshot.judge.transcription;
