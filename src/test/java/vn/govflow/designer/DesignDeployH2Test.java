package vn.govflow.designer;

import vn.govflow.support.H2IntegrationTest;

class DesignDeployH2Test extends H2IntegrationTest implements DesignDeployScenarios {}
