package vn.govflow.files.convert;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.govflow.files.ContentTypeCheck;
import vn.govflow.files.FilesProperties;

/** Wires the PDF conversion. Scratch files and office profiles live under {@code ${govflow.data-dir}/convert}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConvertProperties.class)
public class ConvertConfig {

  @Bean
  PdfConversion pdfConversion(ConvertProperties props, ContentTypeCheck types, FilesProperties files,
                              @Value("${govflow.data-dir:./data}") String dataDir) {
    Path workDir = props.workDir() != null ? props.workDir() : Path.of(dataDir, "convert");
    return new OfficeProcessConversion(props, workDir, new OfficeDocumentCheck(types), files.maxSize().toBytes());
  }
}
