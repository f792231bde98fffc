package vn.govflow.portal;

import vn.govflow.support.H2IntegrationTest;

class PortalPathsH2Test extends H2IntegrationTest implements PortalPathsScenarios {}
