package vn.govflow.files.convert;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the PDF conversion ({@code govflow.convert.*}); every value has a default here.
 *
 * @param officeHome    LibreOffice's installation directory (the one holding {@code program/soffice}); Debian's
 *                      packages install it at /usr/lib/libreoffice
 * @param workDir       profiles and scratch files; when unset, {@code ${govflow.data-dir}/convert}
 * @param timeout       time allowed for one conversion, office start included; past it the office is killed
 * @param maxConcurrent conversions at once, each in its own office process and profile (the office is
 *                      single-threaded per profile and uses a whole core while it converts)
 * @param queueWait     how long a request waits for a free converter before it is refused as busy
 */
@ConfigurationProperties("govflow.convert")
public record ConvertProperties(
    @DefaultValue("/usr/lib/libreoffice") Path officeHome,
    Path workDir,
    @DefaultValue("60s") Duration timeout,
    @DefaultValue("1") int maxConcurrent,
    @DefaultValue("60s") Duration queueWait) {

  public ConvertProperties {
    if (officeHome == null) {
      officeHome = Path.of("/usr/lib/libreoffice");
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      timeout = Duration.ofSeconds(60);
    }
    if (maxConcurrent <= 0) {
      maxConcurrent = 1;
    }
    if (queueWait == null || queueWait.isNegative()) {
      queueWait = Duration.ofSeconds(60);
    }
  }
}
