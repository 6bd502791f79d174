package dev.earshot.security.rest;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks leaderboard reads: open to anyone when {@code earshot.security.public-leaderboard} is on,
 * otherwise researchers only ({@link PublicLeaderboardFilter}). Combine with {@code @PermitAll}.
 */
@NameBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface PublicLeaderboard {}
