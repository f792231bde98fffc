package vn.govflow.portal;

import vn.govflow.support.H2IntegrationTest;

class PortalPublicationH2Test extends H2IntegrationTest implements PortalPublicationScenarios {}
