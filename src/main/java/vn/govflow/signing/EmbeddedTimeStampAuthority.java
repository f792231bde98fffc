package vn.govflow.signing;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Date;
import java.util.function.Supplier;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * A time-stamping authority inside GovFlow (BouncyCastle's RFC 3161 generator), its key and certificate (EKU
 * timeStamping) issued by the demo CA or installed as {@code tsa.p12}. {@link #respond} answers a DER request as an
 * HTTP TSA would, so the same generator can stand behind {@code application/timestamp-query}.
 */
final class EmbeddedTimeStampAuthority implements TimeStamping {
  /** A private policy arc: the demo TSA makes no claim to any public policy. */
  static final ASN1ObjectIdentifier DEMO_POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.58417.1.1");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Supplier<SigningKey> key;
  private final Clock clock;

  EmbeddedTimeStampAuthority(Supplier<SigningKey> key, Clock clock) {
    this.key = key;
    this.clock = clock;
  }

  @Override
  public byte[] stamp(byte[] sha256) {
    try {
      TimeStampRequestGenerator g = new TimeStampRequestGenerator();
      g.setCertReq(true);
      TimeStampRequest request = g.generate(TSPAlgorithms.SHA256, sha256, new BigInteger(64, RANDOM));
      TimeStampResponse response = new TimeStampResponse(respond(request.getEncoded()));
      response.validate(request);
      return response.getTimeStampToken().getEncoded();
    } catch (SigningRefused e) {
      throw e;
    } catch (Exception e) {
      throw HttpTimeStamping.unavailable(e);
    }
  }

  /** The DER TimeStampResp (RFC 3161 §2.4.2) to a DER TimeStampReq; a malformed request gets a rejection. */
  byte[] respond(byte[] request) throws IOException {
    try {
      SigningKey k = key.get();
      TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
          new JcaSimpleSignerInfoGeneratorBuilder().build(signatureAlgorithm(k), k.key(), k.certificate()),
          new JcaDigestCalculatorProviderBuilder().build().get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
          DEMO_POLICY);
      tokens.addCertificates(new JcaCertStore(k.chain()));
      TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
      TimeStampRequest parsed;
      try {
        parsed = new TimeStampRequest(request);
      } catch (IOException | IllegalArgumentException | ClassCastException e) {
        return responses.generateRejectedResponse(e).getEncoded();
      }
      return responses.generateGrantedResponse(parsed, new BigInteger(127, RANDOM), Date.from(clock.instant()))
          .getEncoded();
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("The time-stamping authority cannot answer", e);
    }
  }

  private static String signatureAlgorithm(SigningKey k) {
    return k.certificate().getPublicKey().getAlgorithm().startsWith("EC") ? "SHA256withECDSA" : "SHA256withRSA";
  }
}
