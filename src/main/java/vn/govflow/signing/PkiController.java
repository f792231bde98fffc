package vn.govflow.signing;

import java.security.GeneralSecurityException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.govflow.common.error.UserError;

/**
 * The demo CA's certificate and CRL, public like any CA's (the CRL distribution point of its certificates points
 * here). Absent with the demo CA off.
 */
@RestController
class PkiController {
  static final String DEMO_CRL = "/pki/demo-ca.crl";
  static final String DEMO_CERT = "/pki/demo-ca.crt";

  private final KeystoreKeys keys;

  PkiController(KeystoreKeys keys) {
    this.keys = keys;
  }

  @GetMapping(DEMO_CRL)
  ResponseEntity<byte[]> crl() throws GeneralSecurityException {
    byte[] crl = keys.demoCrl().orElseThrow(UserError::notFound).getEncoded();
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/pkix-crl"))
        .cacheControl(CacheControl.noCache()).body(crl);
  }

  @GetMapping(DEMO_CERT)
  ResponseEntity<byte[]> certificate() throws GeneralSecurityException {
    byte[] cert = keys.demoRoot().orElseThrow(UserError::notFound).getEncoded();
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/pkix-cert")).body(cert);
  }
}
