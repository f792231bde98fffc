package vn.govflow.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Vietnamese unless the person chose English (?lang=en, remembered in a cookie). API callers may also ask
 * for English with Accept-Language; pages ignore it, because an official's browser set to English should
 * still show the Vietnamese interface until they choose otherwise.
 */
@Configuration
public class LocaleConfig implements WebMvcConfigurer {
  public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

  @Bean
  public LocaleResolver localeResolver() {
    CookieLocaleResolver resolver = new CookieLocaleResolver("GOVFLOW_LANG") {
      @Override
      public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        super.setLocale(request, response, locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH
            : VIETNAMESE);
      }
    };
    resolver.setCookieMaxAge(Duration.ofDays(365));
    resolver.setDefaultLocaleFunction(request -> {
      String accept = request.getHeader("Accept-Language");
      boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
      return api && accept != null && accept.trim().toLowerCase().startsWith("en") ? Locale.ENGLISH : VIETNAMESE;
    });
    return resolver;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor change = new LocaleChangeInterceptor();
    change.setParamName("lang");
    change.setIgnoreInvalidLocale(true);
    registry.addInterceptor(change);
  }
}
