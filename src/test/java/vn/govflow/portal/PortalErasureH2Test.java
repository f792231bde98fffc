package vn.govflow.portal;

import vn.govflow.support.H2IntegrationTest;

class PortalErasureH2Test extends H2IntegrationTest implements PortalErasureScenarios {}
