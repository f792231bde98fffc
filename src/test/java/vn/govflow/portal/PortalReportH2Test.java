package vn.govflow.portal;

import vn.govflow.support.H2IntegrationTest;

class PortalReportH2Test extends H2IntegrationTest implements PortalReportScenarios {}
