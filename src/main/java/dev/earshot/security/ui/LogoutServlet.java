package dev.earshot.security.ui;

import dev.earshot.security.auth.LoginCookies;
import dev.earshot.security.service.LoginSessionService;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Arrays;

/**
 * Logs out with a real HTTP POST from this site: ends the server-side session (so a copy of the
 * cookies no longer works), drops the servlet session, expires both login cookies and shows the
 * login page. A button handler could run over the push connection, where cookies cannot be changed.
 * GET does nothing (405): a link or image elsewhere must not log anyone out, and a cross-site POST
 * is refused by its {@code Origin}.
 */
@WebServlet(urlPatterns = "/logout")
public class LogoutServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject LoginSessionService sessions;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Allow", "POST");
    response.sendError(
        HttpServletResponse.SC_METHOD_NOT_ALLOWED, "Log out with POST from the Earshot page");
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!sameOrigin(request)) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN, "Log out from the Earshot page");
      return;
    }
    sessions.end(cookie(request, LoginCookies.SESSION));
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    for (String name : new String[] {LoginCookies.LOGIN, LoginCookies.SESSION}) {
      Cookie expired = new Cookie(name, "");
      expired.setPath("/");
      expired.setMaxAge(0);
      expired.setHttpOnly(true);
      response.addCookie(expired);
    }
    response.sendRedirect("/login");
  }

  /**
   * Browsers send {@code Origin} with every cross-origin POST (and {@code Sec-Fetch-Site}); a
   * request without either did not come from another site's page.
   */
  private static boolean sameOrigin(HttpServletRequest request) {
    String fetchSite = request.getHeader("Sec-Fetch-Site");
    if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
      return false;
    }
    String origin = request.getHeader("Origin");
    return origin == null || origin.equals(request.getScheme() + "://" + request.getHeader("Host"));
  }

  private static String cookie(HttpServletRequest request, String name) {
    return request.getCookies() == null
        ? null
        : Arrays.stream(request.getCookies())
            .filter(cookie -> cookie.getName().equals(name))
            .map(Cookie::getValue)
            .findFirst()
            .orElse(null);
  }
}
