package dev.earshot.security.auth;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** An {@code Authorization: Bearer} token presented with a request. */
public class BearerTokenRequest extends BaseAuthenticationRequest {

  private final String token;

  public BearerTokenRequest(String token) {
    this.token = token;
  }

  public String token() {
    return token;
  }
}
