package vn.govflow.notify;

import java.time.Clock;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import vn.govflow.identity.IdentityDirectory;

/**
 * Wires notifications. E-mail is on when Spring Boot made a {@link JavaMailSender} (spring.mail.host set).
 * The mail thread is private to this module (not an Executor bean) so it changes nothing else's wiring.
 */
@Configuration(proxyBeanMethods = false)
public class NotificationConfig {

  @Bean(destroyMethod = "close")
  NotificationService notificationService(NotificationMapper mapper, IdentityDirectory directory,
                                          ObjectProvider<JavaMailSender> mailSender,
                                          PlatformTransactionManager transactions,
                                          @Value("${govflow.public-url}") String publicUrl,
                                          @Value("${govflow.notify.mail-from:GovFlow <no-reply@localhost>}")
                                          String mailFrom) {
    JavaMailSender sender = mailSender.getIfAvailable();
    // One thread: mail is slow and rare; a bounded queue so a dead SMTP server cannot eat the heap.
    ThreadPoolExecutor executor = sender == null ? null : new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(10_000), daemon("govflow-notify-mail-"));
    return new NotificationService(mapper, directory, sender, transactions,
        executor == null ? Runnable::run : executor, publicUrl, mailFrom, Clock.systemDefaultZone());
  }

  private static CustomizableThreadFactory daemon(String prefix) {
    CustomizableThreadFactory factory = new CustomizableThreadFactory(prefix);
    factory.setDaemon(true);
    return factory;
  }
}
