package vn.govflow.portal;

import vn.govflow.support.H2IntegrationTest;

class PortalApiH2Test extends H2IntegrationTest implements PortalApiScenarios {}
