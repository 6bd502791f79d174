-- Battle logs imported from other arenas (Chatbot Arena JSON or a,b,outcome CSV): systems are named
-- by the arena, not tied to Earshot's responses.
CREATE TABLE arena_battle (
    id           BIGSERIAL    PRIMARY KEY,
    arena        VARCHAR(100) NOT NULL CHECK (arena ~ '^[A-Za-z0-9._-]+$'),
    system_a     VARCHAR(100) NOT NULL,
    system_b     VARCHAR(100) NOT NULL,
    outcome      VARCHAR(8)   NOT NULL CHECK (outcome IN ('a', 'b', 'tie', 'both_bad')),
    imported_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CHECK (system_a <> system_b)
);
CREATE INDEX arena_battle_arena ON arena_battle (arena, imported_at);
