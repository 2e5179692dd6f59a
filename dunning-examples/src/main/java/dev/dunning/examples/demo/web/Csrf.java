package dev.dunning.examples.demo.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * Protects every POST form against cross-site request forgery: each browser gets a random session
 * cookie, and each form a hidden token that is the HMAC of that session under a key made at start.
 * A POST whose token does not match its cookie is refused with 403. Stateless: nothing is stored
 * per session, and a restart (new key) only invalidates forms still open in a tab.
 */
public final class Csrf {
  static final String COOKIE = "dunning_demo_session";
  static final String FIELD = "csrf";
  private static final Pattern SESSION_SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

  private final SecureRandom random = new SecureRandom();
  private final byte[] key = new byte[32];

  public Csrf() {
    random.nextBytes(key);
  }

  /** The token for this browser's forms; gives the browser a session cookie if it has none. */
  public String token(Request request, Response response) {
    String session = session(request);
    if (session == null) {
      byte[] bytes = new byte[32];
      random.nextBytes(bytes);
      session = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      Response.addCookie(response, HttpCookie.build(COOKIE, session).path("/").httpOnly(true)
          .sameSite(HttpCookie.SameSite.LAX).build());
    }
    return sign(session);
  }

  /** Whether {@code submitted} is the token of the session cookie this request carries. */
  public boolean valid(Request request, String submitted) {
    String session = session(request);
    if (session == null || submitted == null || submitted.isEmpty()) {
      return false;
    }
    return MessageDigest.isEqual(sign(session).getBytes(StandardCharsets.US_ASCII),
        submitted.getBytes(StandardCharsets.US_ASCII));
  }

  private static String session(Request request) {
    for (HttpCookie cookie : Request.getCookies(request)) {
      if (COOKIE.equals(cookie.getName()) && SESSION_SHAPE.matcher(cookie.getValue()).matches()) {
        return cookie.getValue();
      }
    }
    return null;
  }

  private String sign(String session) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(
          mac.doFinal(session.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
    }
  }
}
