-- Token ids of a stored audio file under one codec encoder (the ONNX file's SHA-256), computed once
-- and reused by every export that carries codec tokens. codes holds codebooks x frames int64 values,
-- big-endian, codebook by codebook.
CREATE TABLE codec_tokens (
    audio_sha256   VARCHAR(64) NOT NULL REFERENCES audio_asset (sha256) ON DELETE CASCADE,
    encoder_sha256 VARCHAR(64) NOT NULL CHECK (encoder_sha256 ~ '^[0-9a-f]{64}$'),
    codebooks      INTEGER     NOT NULL CHECK (codebooks > 0),
    frames         INTEGER     NOT NULL CHECK (frames >= 0),
    codes          BYTEA       NOT NULL CHECK (octet_length(codes) = 8 * codebooks * frames),
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (encoder_sha256, audio_sha256)
);
