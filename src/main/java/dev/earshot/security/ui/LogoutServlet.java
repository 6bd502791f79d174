package dev.earshot.security.ui;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Logs out with a real HTTP request: drops the session and expires the login cookie, then shows the
 * login page. A button handler could run over the push connection, where cookies cannot be changed.
 */
@WebServlet(urlPatterns = "/logout")
public class LogoutServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** Quarkus form authentication's cookie. */
  static final String LOGIN_COOKIE = "quarkus-credential";

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    Cookie expired = new Cookie(LOGIN_COOKIE, "");
    expired.setPath("/");
    expired.setMaxAge(0);
    expired.setHttpOnly(true);
    response.addCookie(expired);
    response.sendRedirect("/login");
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    doGet(request, response);
  }
}
