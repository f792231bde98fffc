package vn.govflow.signing;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** A private key and its certificate chain, the signer's certificate first. */
record SigningKey(PrivateKey key, List<X509Certificate> chain) {
  X509Certificate certificate() {
    return chain.get(0);
  }
}
