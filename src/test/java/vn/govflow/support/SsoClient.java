package vn.govflow.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Signs in the way a person (or a curl script with a cookie jar) does: follow GovFlow's redirect to the
 * issuer's sign-in page, post the form with its CSRF field, follow the redirects back; then call the API with
 * the XSRF-TOKEN cookie echoed in the X-XSRF-TOKEN header.
 */
public class SsoClient {
  public static final String DEMO_PASSWORD = "Demo@2026";
  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  private final String base;
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http;
  private final HttpClient httpNoRedirects;

  public SsoClient(String base) {
    this.base = base;
    this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(Duration.ofSeconds(10)).build();
    this.httpNoRedirects = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10)).build();
  }

  public static SsoClient signIn(String base, String username, String password) {
    SsoClient c = new SsoClient(base);
    HttpResponse<String> home = c.submitLogin(username, password);
    if (home.statusCode() != 200 || !home.uri().getPath().equals("/")) {
      throw new IllegalStateException("Sign-in as " + username + " ended at " + home.uri() + " with "
          + home.statusCode());
    }
    return c;
  }

  /** Starts at GovFlow's home page, is sent to the issuer's form, and submits it. Returns the final page. */
  public HttpResponse<String> submitLogin(String username, String password) {
    HttpResponse<String> loginPage = get("/");
    Matcher m = CSRF_FIELD.matcher(loginPage.body());
    if (!loginPage.uri().getPath().equals("/sso/login") || !m.find()) {
      throw new IllegalStateException("Expected the sign-in page, got " + loginPage.uri());
    }
    // The form posts back to wherever the issuer is (this GovFlow, or another one acting as the issuer).
    return send(HttpRequest.newBuilder(loginPage.uri().resolve("/sso/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password,
            "_csrf", m.group(1))))));
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  public HttpResponse<String> get(String path, String accept) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET());
  }

  public HttpResponse<String> postJson(String path, String json) {
    return send(withXsrf(HttpRequest.newBuilder(URI.create(base + path)))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> postJsonWithoutXsrf(String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A multipart upload of one file in the part {@code file}, as a browser form sends it. */
  public HttpResponse<String> upload(String path, String fileName, byte[] content) {
    String boundary = "----govflow" + System.nanoTime();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    return send(withXsrf(HttpRequest.newBuilder(URI.create(base + path)))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
            HttpRequest.BodyPublishers.ofByteArray(content), HttpRequest.BodyPublishers.ofByteArray(tail))));
  }

  public HttpResponse<byte[]> getBytes(String path) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<String> putJson(String path, String json) {
    return send(withXsrf(HttpRequest.newBuilder(URI.create(base + path)))
        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> send(HttpRequest.Builder request) {
    return send(http, request);
  }

  public HttpResponse<String> sendWithoutRedirects(HttpRequest.Builder request) {
    return send(httpNoRedirects, request);
  }

  /** One request as text, with the tests' timeout; I/O failures as unchecked exceptions. */
  public static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
    try {
      return client.send(request.timeout(Duration.ofSeconds(60)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Adds the CSRF header from the XSRF-TOKEN cookie, loading a page first if no cookie was issued yet. */
  public HttpRequest.Builder withXsrf(HttpRequest.Builder builder) {
    String token = xsrfToken();
    if (token == null) {
      get("/api/v1/me");
      token = xsrfToken();
    }
    return token == null ? builder : builder.header("X-XSRF-TOKEN", token);
  }

  public String xsrfToken() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElse(null);
  }

  public String baseUrl() {
    return base;
  }

  public static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
