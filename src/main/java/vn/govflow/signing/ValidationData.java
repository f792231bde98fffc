package vn.govflow.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Selector;

/**
 * Long-term validation data (PAdES B-LT, ETSI EN 319 142-1 §5.4): after a signature, one more incremental revision
 * adds to the Document Security Store the certificates of the signer's and the timestamp authority's chains and
 * the CRLs and OCSP responses fetched at that moment, so the status at signing time can still be shown when the
 * CA's services are out of reach. Earlier DSS entries are kept (a later signature adds to them).
 */
final class ValidationData {
  private ValidationData() {}

  /** The PDF with the last signature's validation data added; unchanged when there is none to add. */
  static byte[] addForLastSignature(byte[] pdf, SignatureVerifier verifier) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDSignature last = null;
      for (PDSignature s : doc.getSignatureDictionaries()) {
        if (last == null || end(s) > end(last)) {
          last = s;
        }
      }
      if (last == null) {
        return pdf;
      }
      SignatureVerifier.Evidence evidence = verifier.collect(certificates(last.getContents(pdf)));
      COSDictionary catalog = doc.getDocumentCatalog().getCOSObject();
      COSDictionary dss = catalog.getDictionaryObject(SignatureVerifier.Evidence.DSS) instanceof COSDictionary d
          ? d : new COSDictionary();
      boolean added = false;
      List<byte[]> certs = new ArrayList<>();
      for (X509Certificate c : evidence.certs()) {
        certs.add(c.getEncoded());
      }
      List<byte[]> crls = new ArrayList<>();
      for (X509CRL c : evidence.crls()) {
        crls.add(c.getEncoded());
      }
      added |= append(doc, dss, SignatureVerifier.Evidence.CERTS, certs);
      added |= append(doc, dss, SignatureVerifier.Evidence.CRLS, crls);
      added |= append(doc, dss, SignatureVerifier.Evidence.OCSPS, evidence.ocsps());
      if (!added) {
        return pdf;
      }
      dss.setNeedToBeUpdated(true);
      catalog.setItem(SignatureVerifier.Evidence.DSS, dss);
      catalog.setNeedToBeUpdated(true);
      ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 16_384);
      doc.saveIncremental(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot encode the validation data", e);
    }
  }

  /** Adds the entries not there yet, each as a stream; true when something was added. */
  private static boolean append(PDDocument doc, COSDictionary dss, COSName key, List<byte[]> entries)
      throws IOException {
    COSArray array = dss.getDictionaryObject(key) instanceof COSArray a ? a : new COSArray();
    List<byte[]> present = SignatureVerifier.Evidence.streams(dss, key);
    boolean added = false;
    for (byte[] e : entries) {
      if (present.stream().anyMatch(p -> Arrays.equals(p, e))) {
        continue;
      }
      COSStream stream = doc.getDocument().createCOSStream();
      try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
        out.write(e);
      }
      stream.setNeedToBeUpdated(true);
      array.add(stream);
      present.add(e);
      added = true;
    }
    if (added) {
      array.setNeedToBeUpdated(true);
      dss.setItem(key, array);
    }
    return added;
  }

  /** The certificates the CMS carries: the signer's chain and those of its timestamp token. */
  static Collection<X509Certificate> certificates(byte[] cms) throws IOException {
    Set<X509Certificate> out = new LinkedHashSet<>();
    try {
      CMSSignedData signed = new CMSSignedData(cms);
      JcaX509CertificateConverter conv = new JcaX509CertificateConverter();
      @SuppressWarnings("unchecked")
      Collection<X509CertificateHolder> all = signed.getCertificates().getMatches((Selector<X509CertificateHolder>) null);
      for (X509CertificateHolder h : all) {
        out.add(conv.getCertificate(h));
      }
      for (SignerInformation si : signed.getSignerInfos().getSigners()) {
        org.bouncycastle.asn1.cms.Attribute a = si.getUnsignedAttributes() == null ? null
            : si.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (a != null) {
          TimeStampToken token = new TimeStampToken(
              new CMSSignedData(a.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded()));
          @SuppressWarnings("unchecked")
          Collection<X509CertificateHolder> tsa = token.getCertificates().getMatches(null);
          for (X509CertificateHolder h : tsa) {
            out.add(conv.getCertificate(h));
          }
        }
      }
      return out;
    } catch (Exception e) {
      throw new IOException("The signature just made cannot be read back", e);
    }
  }

  private static long end(PDSignature s) {
    int[] br = s.getByteRange();
    return br == null || br.length != 4 ? -1 : (long) br[2] + br[3];
  }
}
