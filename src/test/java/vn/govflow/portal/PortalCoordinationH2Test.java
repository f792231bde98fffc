package vn.govflow.portal;

import vn.govflow.support.H2IntegrationTest;

class PortalCoordinationH2Test extends H2IntegrationTest implements PortalCoordinationScenarios {}
