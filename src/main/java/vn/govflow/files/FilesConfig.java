package vn.govflow.files;

import java.nio.file.Path;
import java.time.Clock;
import org.apache.tika.config.TikaConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionOperations;
import vn.govflow.audit.AuditLog;

/** Wires the files module. The storage root defaults to {@code ${govflow.data-dir}/files}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FilesProperties.class)
public class FilesConfig {

  @Bean
  BlobStore fileBlobStore(FilesProperties props, @Value("${govflow.data-dir:./data}") String dataDir) {
    Path root = props.root() != null ? props.root() : Path.of(dataDir, "files");
    return new BlobStore(root);
  }

  @Bean
  TikaConfig fileTikaConfig() {
    return TikaConfig.getDefaultConfig();
  }

  @Bean
  ContentTypeCheck fileContentTypeCheck(TikaConfig tika) {
    return new ContentTypeCheck(tika.getDetector());
  }

  @Bean(destroyMethod = "close")
  TextExtractor fileTextExtractor(TikaConfig tika, FilesProperties props,
                                  @Value("${govflow.files.extraction-threads:2}") int threads,
                                  @Value("${govflow.files.extraction-queue:16}") int queue) {
    return new TextExtractor(tika, props.textLimit(), props.extractionTimeout(), Math.max(1, threads), queue);
  }

  @Bean
  FileService fileService(BlobStore blobs, ContentTypeCheck types, TextExtractor extractor, StoredFileMapper mapper,
                          AuditLog audit, TransactionOperations tx, FilesProperties props) {
    return new FileService(blobs, types, extractor, mapper, audit, tx, props.maxSize().toBytes(),
        Clock.systemDefaultZone());
  }
}
