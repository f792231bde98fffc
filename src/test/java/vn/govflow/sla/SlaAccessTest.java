package vn.govflow.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.govflow.common.error.UserError;
import vn.govflow.identity.Agency;
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.identity.Roles;

class SlaAccessTest {
  static final Agency SKHCN = new Agency("000.00.12.H37", "skhcn", "Sở Khoa học và Công nghệ", "DoST", null, true);
  static final Agency VPUBND = new Agency("000.00.01.H37", "vpubnd", "Văn phòng UBND tỉnh", "Office", null, true);

  final IdentityDirectory directory = mock(IdentityDirectory.class);
  final SlaAccess access = new SlaAccess(directory);

  SlaAccessTest() {
    when(directory.agency(SKHCN.code())).thenReturn(Optional.of(SKHCN));
    when(directory.agencies()).thenReturn(List.of(SKHCN, VPUBND));
  }

  static CurrentUser user(String... roles) {
    return new CurrentUser("x.skhcn", "X", SKHCN.code(), SKHCN.name(), null, null, null, Set.of(roles), null);
  }

  @Test
  void leadersSeeTheirOwnAgencyOnly() {
    for (String role : List.of(Roles.HEAD, Roles.DEPUTY_HEAD, Roles.DEPARTMENT_HEAD)) {
      assertThat(access.agencyFor(user(role), null)).isEqualTo("skhcn");
      assertThat(access.agencyFor(user(role), "skhcn")).isEqualTo("skhcn");
      assertThatThrownBy(() -> access.agencyFor(user(role), "vpubnd"))
          .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.status().value()).isEqualTo(403));
    }
  }

  @Test
  void othersAreRefused() {
    for (String role : List.of(Roles.HANDLER, Roles.CLERK, Roles.ARCHIVIST, Roles.PROCESS_DESIGNER)) {
      assertThatThrownBy(() -> access.agencyFor(user(role), null))
          .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.code()).isEqualTo("forbidden"));
    }
  }

  @Test
  void administratorsChooseAnyExistingAgency() {
    assertThat(access.agencyFor(user(Roles.ADMIN), null)).isEqualTo("skhcn");
    assertThat(access.agencyFor(user(Roles.ADMIN), "vpubnd")).isEqualTo("vpubnd");
    assertThatThrownBy(() -> access.agencyFor(user(Roles.ADMIN), "nowhere"))
        .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.status().value()).isEqualTo(400));
  }
}
