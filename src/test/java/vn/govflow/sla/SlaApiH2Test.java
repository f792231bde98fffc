package vn.govflow.sla;

import vn.govflow.support.H2IntegrationTest;

class SlaApiH2Test extends H2IntegrationTest implements SlaApiScenarios {}
