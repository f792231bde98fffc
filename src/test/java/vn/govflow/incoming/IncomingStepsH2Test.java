package vn.govflow.incoming;

import vn.govflow.support.H2IntegrationTest;

class IncomingStepsH2Test extends H2IntegrationTest implements IncomingStepsScenarios {}
