package vn.govflow.incoming;

import vn.govflow.support.H2IntegrationTest;

class IncomingRegisterH2Test extends H2IntegrationTest implements IncomingRegisterScenarios {}
