package vn.govflow.incoming;

import vn.govflow.support.H2IntegrationTest;

class IncomingApiH2Test extends H2IntegrationTest implements IncomingApiScenarios {}
