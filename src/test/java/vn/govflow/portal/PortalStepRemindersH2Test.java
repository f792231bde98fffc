package vn.govflow.portal;

import vn.govflow.support.H2IntegrationTest;

class PortalStepRemindersH2Test extends H2IntegrationTest implements PortalStepRemindersScenarios {}
