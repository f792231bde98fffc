package vn.govflow.signing;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Map;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureInterface;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The CMS of a PAdES baseline signature (ETSI EN 319 142-1, SubFilter ETSI.CAdES.detached): detached SHA-256,
 * the ESS signing-certificate-v2 attribute binding the signer's certificate, no signing-time attribute (PAdES puts
 * the time in the signature dictionary's /M), the chain included for the verifier.
 */
final class CmsSignature implements SignatureInterface {
  private final SigningKey key;
  private final TimeStamping tsa;

  /** @param tsa the authority that stamps the signature value (PAdES B-T), or null for none (B-B) */
  CmsSignature(SigningKey key, TimeStamping tsa) {
    this.key = key;
    this.tsa = tsa;
  }

  @Override
  public byte[] sign(InputStream content) throws IOException {
    try {
      X509Certificate cert = key.certificate();
      ESSCertIDv2 id = new ESSCertIDv2(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()),
          new IssuerSerial(new GeneralNames(new GeneralName(
              X500Name.getInstance(cert.getIssuerX500Principal().getEncoded()))), cert.getSerialNumber()));
      ASN1EncodableVector attrs = new ASN1EncodableVector();
      attrs.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
          new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id}))));
      DefaultSignedAttributeTableGenerator signed = new DefaultSignedAttributeTableGenerator(new AttributeTable(attrs)) {
        @Override
        public AttributeTable getAttributes(Map params) {
          return super.getAttributes(params).remove(CMSAttributes.signingTime);
        }
      };
      String algorithm = cert.getPublicKey().getAlgorithm().startsWith("EC") ? "SHA256withECDSA" : "SHA256withRSA";
      CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
      gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
          .setSignedAttributeGenerator(signed)
          .build(new JcaContentSignerBuilder(algorithm).build(key.key()), cert));
      gen.addCertificates(new JcaCertStore(key.chain()));
      CMSSignedData cms = gen.generate(new CMSProcessableByteArray(content.readAllBytes()), false);
      return (tsa == null ? cms : withTimestamp(cms)).getEncoded();
    } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
      throw new IOException("Cannot make the CMS signature", e);
    }
  }

  /** The signature-time-stamp unsigned attribute (RFC 3161 App A; EN 319 122-1 §5.3): a token over the value. */
  private CMSSignedData withTimestamp(CMSSignedData cms) throws GeneralSecurityException, IOException {
    SignerInformation si = cms.getSignerInfos().getSigners().iterator().next();
    byte[] token = tsa.stamp(MessageDigest.getInstance("SHA-256").digest(si.getSignature()));
    AttributeTable unsigned = new AttributeTable(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
        new DERSet(ASN1Primitive.fromByteArray(token))));
    return CMSSignedData.replaceSigners(cms,
        new SignerInformationStore(SignerInformation.replaceUnsignedAttributes(si, unsigned)));
  }
}
