package vn.govflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Demo data switched off does not remove demo people an earlier run loaded: on a public address an account
 * that still signs in with the published password stops the start (issue 14).
 */
class DemoDataLoaderSafetyTest {
  private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(4);
  private final IdentityDirectory directory = mock(IdentityDirectory.class);

  private Person khai(String password, boolean active) {
    return new Person("khailv.skhcn", "Lương Văn Khải", null, DemoDataLoader.SKHCN, null, null, Person.KIND_PERSON,
        encoder.encode(password), active, java.util.Set.of(Roles.ADMIN));
  }

  private DemoDataLoader loader(String publicUrl) {
    return new DemoDataLoader(directory, encoder, false, publicUrl);
  }

  @Test
  void aLeftoverDemoAdministratorWithThePublishedPasswordStopsAPublicStart() {
    when(directory.person(anyString())).thenReturn(Optional.empty());
    when(directory.person("khailv.skhcn")).thenReturn(Optional.of(khai(DemoDataLoader.DEMO_PASSWORD, true)));
    assertThatThrownBy(() -> loader("https://govflow.example.gov.vn").refuseLeftoverDemoAccounts())
        .hasMessageContaining("khailv.skhcn").hasMessageContaining("Deactivate them");
    // On localhost that is the demo, and fine.
    assertThatCode(() -> loader("http://localhost:8080").refuseLeftoverDemoAccounts()).doesNotThrowAnyException();
  }

  @Test
  void aDeactivatedOrChangedDemoAccountIsNoObstacle() {
    when(directory.person(anyString())).thenReturn(Optional.empty());
    when(directory.person("khailv.skhcn")).thenReturn(Optional.of(khai(DemoDataLoader.DEMO_PASSWORD, false)));
    assertThatCode(() -> loader("https://govflow.example.gov.vn").refuseLeftoverDemoAccounts())
        .doesNotThrowAnyException();
    when(directory.person("khailv.skhcn")).thenReturn(Optional.of(khai("An0ther-Secret", true)));
    assertThatCode(() -> loader("https://govflow.example.gov.vn").refuseLeftoverDemoAccounts())
        .doesNotThrowAnyException();
    assertThat(DemoDataLoader.isLocal("https://govflow.example.gov.vn")).isFalse();
  }
}
