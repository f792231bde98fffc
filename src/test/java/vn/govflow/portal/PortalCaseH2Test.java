package vn.govflow.portal;

import vn.govflow.support.H2IntegrationTest;

class PortalCaseH2Test extends H2IntegrationTest implements PortalCaseScenarios {}
