package vn.govflow.signing;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/** A real time-stamping authority over HTTP (RFC 3161 §3.4: POST application/timestamp-query). */
final class HttpTimeStamping implements TimeStamping {
  private static final Logger log = LoggerFactory.getLogger(HttpTimeStamping.class);
  private static final int MAX_BYTES = 1024 * 1024;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final URI url;
  private final Duration timeout;
  private final HttpClient http;

  HttpTimeStamping(URI url, Duration timeout) {
    this.url = url;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  @Override
  public byte[] stamp(byte[] sha256) {
    try {
      TimeStampRequestGenerator g = new TimeStampRequestGenerator();
      g.setCertReq(true); // the TSA's certificate in the token, so a verifier can check it without asking
      TimeStampRequest request = g.generate(TSPAlgorithms.SHA256, sha256, new BigInteger(64, RANDOM));
      HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(url).timeout(timeout)
              .header("Content-Type", "application/timestamp-query")
              .header("Accept", "application/timestamp-reply")
              .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(),
          HttpResponse.BodyHandlers.ofInputStream());
      byte[] body;
      try (InputStream in = r.body()) {
        body = in.readNBytes(MAX_BYTES);
      }
      if (r.statusCode() != 200) {
        throw new IOException("HTTP " + r.statusCode());
      }
      TimeStampResponse response = new TimeStampResponse(body);
      // Status granted, the same imprint and nonce, the token's signature and its TSA certificate's EKU.
      response.validate(request);
      if (response.getTimeStampToken() == null) {
        throw new TSPException("no token: " + response.getStatusString());
      }
      return response.getTimeStampToken().getEncoded();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(e);
    } catch (IOException | TSPException | RuntimeException e) {
      log.warn("Time-stamping authority {} not usable: {}", url, e.toString());
      throw unavailable(e);
    }
  }

  static SigningRefused unavailable(Exception cause) {
    return new SigningRefused(HttpStatus.SERVICE_UNAVAILABLE, "signing-tsa-unavailable",
        "Không lấy được dấu thời gian từ máy chủ cấp dấu thời gian; văn bản chưa được ký. Đề nghị thử lại sau.",
        "No timestamp could be had from the time-stamping authority; nothing was signed. Please try again later.");
  }
}
